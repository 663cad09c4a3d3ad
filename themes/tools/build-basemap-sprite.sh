#!/usr/bin/env bash
# Draws the bundled basemap styles' sprite (MapLibre sprite: sheet + index, 1x and @2x) with
# ImageMagick: apt-get install imagemagick fonts-dejavu-core. Output beside the styles:
#   themes/src/main/resources/com/cityops/themes/basemap/sprite{,@2x}.{png,json}
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=src/main/resources/com/cityops/themes/basemap
FONT=$(fc-match -f '%{file}' 'DejaVu Sans:bold')
for ratio in 1 2; do
  s=$((18 * ratio)); r=$((8 * ratio)); c=$((9 * ratio)); w=$((ratio))
  suffix=$([ "$ratio" = 2 ] && echo "@2x" || echo "")
  tmp=$(mktemp -d)
  # metro station: blue disc, white M; rail station: dark grey rounded square, white rail glyph;
  # airport: slate disc with a white plane (✈, DejaVu).
  convert -size ${s}x${s} xc:none -fill '#2563eb' -stroke white -strokewidth $w \
    -draw "circle $c,$c $c,$((c - r))" -fill white -stroke none -font "$FONT" \
    -pointsize $((11 * ratio)) -gravity center -annotate +0+0 'M' "$tmp/metro.png"
  convert -size ${s}x${s} xc:none -fill '#475569' -stroke white -strokewidth $w \
    -draw "roundrectangle $w,$w $((s - w - 1)),$((s - w - 1)) $((3 * ratio)),$((3 * ratio))" \
    -stroke white -strokewidth $((2 * ratio)) \
    -draw "line $((5 * ratio)),$((6 * ratio)) $((13 * ratio)),$((6 * ratio))" \
    -draw "line $((5 * ratio)),$((12 * ratio)) $((13 * ratio)),$((12 * ratio))" "$tmp/rail.png"
  convert -size ${s}x${s} xc:none -fill '#0f766e' -stroke white -strokewidth $w \
    -draw "circle $c,$c $c,$((c - r))" -fill white -stroke none -font "$FONT" \
    -pointsize $((12 * ratio)) -gravity center -annotate +0+0 '✈' "$tmp/airport.png"
  convert "$tmp/metro.png" "$tmp/rail.png" "$tmp/airport.png" +append +repage -depth 8 "PNG32:$OUT/sprite$suffix.png"
  cat >"$OUT/sprite$suffix.json" <<JSON
{
  "metro": {"x": 0, "y": 0, "width": $s, "height": $s, "pixelRatio": $ratio},
  "rail": {"x": $s, "y": 0, "width": $s, "height": $s, "pixelRatio": $ratio},
  "airport": {"x": $((2 * s)), "y": 0, "width": $s, "height": $s, "pixelRatio": $ratio}
}
JSON
  rm -rf "$tmp"
done
ls -l "$OUT"/sprite*
