#!/usr/bin/env bash
# The workstation in each theme, in zh-CN and English, against the embedded backend, under Xvfb
# at 1920×1080 — the screenshots in docs/screenshots/ and the README. Needs `mvn package` first.
set -euo pipefail
cd "$(dirname "$0")/.."
out=docs/screenshots
for theme in dark light high-contrast; do
  for lang in zh-CN en; do
    data=$(mktemp -d)
    xvfb-run -a -s "-screen 0 1920x1080x24" \
      java -jar app/target/cityops.jar --demo --data-dir "$data" \
        --theme "$theme" --lang "$lang" --snapshot "$out/workstation-$theme-$lang.png"
    rm -rf "$data"
    echo "$out/workstation-$theme-$lang.png"
  done
done
