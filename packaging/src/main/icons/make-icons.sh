#!/usr/bin/env bash
# Renders cityops.svg into the icon files the installers take:
#   cityops.png     256 px: Linux (jpackage --icon, the desktop entry's icon)
#   cityops-48.png   48 px: the hicolor 48x48 size for menus
#   cityops.ico     16, 24, 32, 48, 64, 128 and 256 px: Windows (exe, msi, shortcuts)
# rsvg-convert draws the SVG (Debian: librsvg2-bin), ImageMagick packs the .ico (imagemagick;
# call /usr/bin/convert, /usr/local/bin/convert may be a stand-in). The outputs are committed, so
# a build needs neither tool; run this again after editing the SVG.
set -euo pipefail
cd "$(dirname "$0")"
render() { rsvg-convert --width "$1" --height "$1" --keep-aspect-ratio cityops.svg -o "$2"; }
render 256 cityops.png
render 48 cityops-48.png
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pngs=()
for s in 16 24 32 48 64 128 256; do
  render "$s" "$tmp/$s.png"
  pngs+=("$tmp/$s.png")
done
/usr/bin/convert "${pngs[@]}" cityops.ico
/usr/bin/identify cityops.png cityops-48.png cityops.ico
