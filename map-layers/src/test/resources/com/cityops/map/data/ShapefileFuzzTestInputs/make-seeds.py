# Writes the ShapefileFuzzTest seeds: each is [u16 BE .shp length][.shp][u16 BE .dbf length][.dbf][.prj]
# (an empty .prj part means no .prj file). See docs/fuzzing.md.
import struct, sys
OUT = sys.argv[1]
FIX = sys.argv[2]

def shp(shape_type, contents, bbox):
    recs = b''
    for i, c in enumerate(contents, 1):
        recs += struct.pack('>ii', i, len(c) // 2) + c
    h = struct.pack('>7i', 9994, 0, 0, 0, 0, 0, (100 + len(recs)) // 2)
    h += struct.pack('<2i', 1000, shape_type) + struct.pack('<8d', *bbox, 0, 0, 0, 0)
    return h + recs

def poly(shape_type, parts):
    pts = [p for part in parts for p in part]
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    c = struct.pack('<i4d2i', shape_type, min(xs), min(ys), max(xs), max(ys), len(parts), len(pts))
    at = 0
    for part in parts:
        c += struct.pack('<i', at); at += len(part)
    for x, y in pts:
        c += struct.pack('<2d', x, y)
    return c

def dbf(fields, rows, encoding, ldid=0):
    n = len(fields)
    reclen = 1 + sum(f[2] for f in fields)
    h = struct.pack('<B3BIHH', 3, 126, 12, 2, len(rows), 32 + 32 * n + 1, reclen) + bytes(17) + bytes([ldid]) + bytes(2)
    for name, typ, length in fields:
        h += name.encode().ljust(11, b'\0') + typ.encode() + bytes(4) + bytes([length, 0]) + bytes(14)
    h += b'\r'
    body = b''
    for row in rows:
        body += b' '
        for (name, typ, length), v in zip(fields, row):
            raw = str(v).encode(encoding)
            body += raw.rjust(length) if typ == 'N' else raw.ljust(length)
    return h + body + b'\x1a'

def pack(name, s, d, prj=b''):
    open(OUT + '/' + name, 'wb').write(struct.pack('>H', len(s)) + s + struct.pack('>H', len(d)) + d + prj)

prj = open(FIX + '/shanghai-districts-utf8.prj', 'rb').read()
# 1. Real: record 1 (黄浦区) of the fixture shanghai-districts-utf8.shp and row 1 of its .dbf.
real = open(FIX + '/shanghai-districts-utf8.shp', 'rb').read()
n, words = struct.unpack_from('>ii', real, 100)
rec1 = real[108:108 + 2 * words]
bbox = struct.unpack_from('<4d', rec1, 4)
s = shp(5, [rec1], bbox)
rd = open(FIX + '/shanghai-districts-utf8.dbf', 'rb').read()
hl, rl = struct.unpack_from('<HH', rd, 8)
d = bytearray(rd[:hl] + rd[hl:hl + rl] + b'\x1a'); struct.pack_into('<I', d, 4, 1)
pack('huangpu-polygon-utf8', s, bytes(d), prj)
# 2. Hand-made: a square with a hole (clockwise shell, counter-clockwise hole) and a Null shape;
#    GBK names, no .prj (WGS84 assumed), language driver 0x4D (GBK).
shell = [(121.0, 31.0), (121.0, 31.1), (121.1, 31.1), (121.1, 31.0), (121.0, 31.0)]
hole = [(121.02, 31.02), (121.08, 31.02), (121.08, 31.08), (121.02, 31.08), (121.02, 31.02)]
s = shp(5, [poly(5, [shell, hole]), struct.pack('<i', 0)], (121.0, 31.0, 121.1, 31.1))
d = dbf([('ADCODE', 'N', 6), ('NAME', 'C', 12)], [(310101, '广场'), (0, '')], 'gbk', 0x4D)
pack('square-with-hole-and-null-gbk', s, d)
# 3. Hand-made: two points with a date and a logical field, WGS84 .prj.
pts = [(121.4737, 31.2304), (121.5, 31.24)]
s = shp(1, [struct.pack('<i2d', 1, x, y) for x, y in pts], (121.4737, 31.2304, 121.5, 31.24))
d = dbf([('NAME', 'C', 10), ('DAY', 'D', 8), ('OPEN', 'L', 1), ('LEVEL', 'N', 5)],
        [('square', '20261202', 'T', 1.5), ('bund', '20261203', 'F', 2)], 'utf-8')
pack('two-points', s, d, prj)
# 4. Hand-made: a two-part PolyLine and a MultiPoint would need two files; one PolyLine file.
s = shp(3, [poly(3, [[(121.0, 31.0), (121.1, 31.1)], [(121.2, 31.2), (121.3, 31.2), (121.3, 31.3)]])],
        (121.0, 31.0, 121.3, 31.3))
d = dbf([('ID', 'N', 3)], [(1,)], 'utf-8')
pack('two-part-polyline', s, d, prj)
