# Rewrites a PMTiles v3 archive with internal compression "none" (root directory and metadata
# stored plain), so a fuzzer can mutate the directory varints directly. Tiles stay byte for byte.
import gzip, struct, sys
src, dst = sys.argv[1], sys.argv[2]
b = open(src, 'rb').read()
h = bytearray(b[:127])
f = struct.unpack_from('<11Q', b, 8)
root = gzip.decompress(b[f[0]:f[0]+f[1]])
meta = gzip.decompress(b[f[2]:f[2]+f[3]])
assert f[5] == 0, 'leaf directories not handled'
tiles = b[f[6]:f[6]+f[7]]
off = 127
vals = [off, len(root), off+len(root), len(meta), off+len(root)+len(meta), 0,
        off+len(root)+len(meta), len(tiles), f[8], f[9], f[10]]
struct.pack_into('<11Q', h, 8, *vals)
h[97] = 1  # internal compression: none
open(dst, 'wb').write(bytes(h) + root + meta + tiles)
