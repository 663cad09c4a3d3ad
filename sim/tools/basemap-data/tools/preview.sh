#!/bin/bash
# preview.sh out.png  file1:burnR,G,B[:lines] ...   -- rasterize layers onto a 1400x1350 canvas (0.001 deg/px)
out=$1; shift
tmp=$(mktemp -d)
gdal_create -of GTiff -outsize 1400 1350 -bands 3 -burn 255 -burn 255 -burn 255 -ot Byte -a_srs EPSG:4326 -a_ullr 120.8 31.95 122.2 30.6 $tmp/c.tif >/dev/null
for spec in "$@"; do f=${spec%%:*}; rgb=${spec#*:}; IFS=, read r g b <<< "$rgb"
  gdal_rasterize -q -at -b 1 -b 2 -b 3 -burn $r -burn $g -burn $b $f $tmp/c.tif 2>/dev/null || gdal_rasterize -q -b 1 -b 2 -b 3 -burn $r -burn $g -burn $b $f $tmp/c.tif
done
gdal_translate -q -of PNG $tmp/c.tif $out; rm -rf $tmp
