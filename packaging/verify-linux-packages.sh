#!/usr/bin/env bash
# Builds the Linux installers and checks them the way a machine that installs them would:
#   1. mvn -B -Pinstaller -DskipTests package (skip with --no-build to check what is there)
#   2. inspects the .deb (dpkg-deb -I/-c) and the .rpm (rpm -qip, its requirements, its files)
#   3. checks that the runtime holds the modules jdeps found, and that the declared glibc floor
#      covers every ELF file in the package
#   4. asks apt whether the .deb's Depends resolve on this machine (apt-get --simulate)
#   5. installs both into scratch roots (dpkg -x, rpm2cpio | cpio) and runs the installed
#      launcher: --version (version + this checkout's commit), --help, and --demo --screenshot in a
#      real window under Xvfb with a fresh HOME, XDG folders and --data-dir, then checks the PNG,
#      the rolling log file in $XDG_STATE_HOME/cityops/logs and that nothing was unpacked to
#      ~/.openjfx
#   6. with --system-install (root only): dpkg -i, runs /opt/cityops/bin/CityOps --version, checks
#      the menu entry was registered, dpkg --purge (runs the maintainer scripts for real)
# Prints one line per check, the sizes and times, and "packages: N passed, N failed"; exits 1 if a
# check failed. Skips (exit 0) when jpackage, dpkg-deb, fakeroot or xvfb-run are missing.
#
#   packaging/verify-linux-packages.sh [--no-build] [--fast] [--system-install] [--screenshot FILE] [--keep]
#
# --fast compresses the .deb with xz -1 instead of -6 (7 s instead of 40 s; 4 MiB larger): for CI.
# CI (.ci/run) runs it after the tests; docs/packaging.md describes the figures it prints.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

build=1 system_install=0 keep=0 screenshot_out="" build_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) build=0 ;;
    --system-install) system_install=1 ;;
    --keep) keep=1 ;;
    --fast) build_args+=(-Dinstaller.deb.compression.level=1) ;;
    --screenshot) screenshot_out=$2; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

jdk_bin=$(dirname "$(readlink -f "$(command -v java)")")
for tool in jpackage:"$jdk_bin/jpackage" dpkg-deb:dpkg-deb fakeroot:fakeroot xvfb-run:xvfb-run; do
  name=${tool%%:*} path=${tool#*:}
  if ! command -v "$path" >/dev/null 2>&1; then
    echo "verify-linux-packages: skipped, $name is not installed"
    exit 0
  fi
done

passed=0 failed=0
ok() { passed=$((passed + 1)); echo "  ok    $*"; }
bad() { failed=$((failed + 1)); echo "  FAIL  $*"; }
check() { # check "description" command...
  local what=$1; shift
  if "$@" >/dev/null 2>&1; then ok "$what"; else bad "$what"; fi
}
mib() { du -sm "$1" | cut -f1; }
bytes_mib() { awk -v b="$(stat -c %s "$1")" 'BEGIN { printf "%.1f", b / 1048576 }'; }
png_size() { # WIDTHxHEIGHT of a PNG, or "none"
  local b
  b=($(od -An -tu1 -N24 "$1" 2>/dev/null)) || { echo none; return; }
  if [ "${#b[@]}" -eq 24 ] && [ "${b[1]}" = 80 ] && [ "${b[2]}" = 78 ] && [ "${b[3]}" = 71 ]; then
    echo "$(((b[16] << 24) + (b[17] << 16) + (b[18] << 8) + b[19]))x$(((b[20] << 24) + (b[21] << 16) + (b[22] << 8) + b[23]))"
  else
    echo none
  fi
}

version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -1)
out=packaging/target/installers
build_seconds="-"
if [ $build -eq 1 ]; then
  echo "== building the installers (mvn -B -Pinstaller -DskipTests package)"
  start=$(date +%s)
  mvn -B -q -Pinstaller -DskipTests package -pl packaging -am ${build_args[@]+"${build_args[@]}"}
  build_seconds=$(($(date +%s) - start))
fi

deb=$(ls "$out"/cityops_"$version"-*_*.deb 2>/dev/null | head -1 || true)
rpm=$(ls "$out"/cityops-"$version"-*.rpm 2>/dev/null | head -1 || true)
work=$(mktemp -d /tmp/cityops-verify.XXXXXX)
if [ $keep -eq 0 ]; then trap 'rm -rf "$work"' EXIT; else echo "scratch: $work"; fi

echo "== .deb: ${deb:-missing}"
if [ -z "$deb" ]; then
  bad "a .deb was built"
else
  ok "a .deb was built"
  dpkg-deb -I "$deb" > "$work/deb-info.txt"
  dpkg-deb -c "$deb" > "$work/deb-files.txt"
  sed -n 's/^ //p' "$work/deb-info.txt" | grep -E '^(Package|Version|Architecture|Depends|Installed-Size):' | cut -c1-160
  field() { sed -n "s/^ $1: //p" "$work/deb-info.txt"; }
  check "Package: cityops" test "$(field Package)" = cityops
  check "Version: $version-1 (from the Maven build)" test "$(field Version)" = "$version-1"
  depends=$(field Depends)
  for dep in "libgtk-3-0" "fonts-noto-cjk |" "libc6 (>=" "xdg-utils" "libasound2"; do
    check "Depends names $dep" grep -qF -- "$dep" <<<"$depends"
  done
  check "Depends names no Debian-12-only library (libffi8, libjpeg62-turbo, libgcc-s1)" \
    bash -c "! grep -qE 'libffi8|libjpeg62-turbo|libgcc-s1' <<<\"\$0\"" "$depends"
  for f in ./opt/cityops/bin/CityOps ./opt/cityops/lib/cityops-CityOps.desktop \
    ./opt/cityops/lib/CityOps.png ./opt/cityops/lib/app/cityops.jar \
    ./opt/cityops/lib/app/legal/NOTICE.txt ./opt/cityops/lib/app/legal/THIRD-PARTY.txt \
    ./opt/cityops/lib/app/legal/data/basemap/PROVENANCE.md \
    ./opt/cityops/lib/app/legal/data/districts/PROVENANCE.md \
    ./opt/cityops/lib/app/kiosk/linux/cityops-kiosk.service \
    ./opt/cityops/lib/runtime/lib/libglassgtk3.so ./opt/cityops/lib/runtime/lib/modules; do
    check "ships $f" grep -qE " $f\$" "$work/deb-files.txt"
  done
  check "ships no JavaFX jar on the class path (JavaFX is in the runtime)" \
    bash -c "! grep -q 'lib/app/lib/javafx-' \"\$0\"" "$work/deb-files.txt"
  check "postinst registers the menu entry" bash -c "dpkg-deb -I \"\$0\" postinst | grep -q 'xdg-desktop-menu install'" "$deb"
  check "postinst and prerm are valid sh" bash -c "dpkg-deb -I \"\$0\" postinst | sh -n && dpkg-deb -I \"\$0\" prerm | sh -n" "$deb"

  echo "== installed into a scratch root (dpkg -x)"
  droot=$work/deb-root
  dpkg -x "$deb" "$droot"
  app=$droot/opt/cityops
  sim_jar=$(ls "$app"/lib/app/lib/cityops-sim-*.jar)
  "$jdk_bin/jar" tf "$sim_jar" > "$work/sim-jar.txt"
  check "the demo data ships (sim jar: Shanghai districts + offline basemap pack)" \
    bash -c "grep -qx 'com/cityops/sim/basemap/shanghai.mbtiles' \"\$0\" && grep -qx 'com/cityops/sim/geo/shanghai-districts.geojson' \"\$0\"" "$work/sim-jar.txt"
  desktop=$app/lib/cityops-CityOps.desktop
  check "desktop entry: Name[zh_CN]=城运指挥客户端" grep -qx 'Name\[zh_CN\]=城运指挥客户端' "$desktop"
  check "desktop entry: Exec=/opt/cityops/bin/CityOps" grep -qx 'Exec=/opt/cityops/bin/CityOps' "$desktop"
  check "desktop entry: Categories=Network;Monitor;" grep -qx 'Categories=Network;Monitor;' "$desktop"
  if command -v desktop-file-validate >/dev/null; then
    check "desktop entry passes desktop-file-validate" desktop-file-validate "$desktop"
  fi
  check "THIRD-PARTY.txt lists the libraries with licences" \
    bash -c "grep -q 'okhttp' \"\$0\" && grep -q 'Apache-2.0' \"\$0\" && grep -q 'logback' \"\$0\"" "$app/lib/app/legal/THIRD-PARTY.txt"

  # Runtime: the modules jdeps found are linked, and not the whole JDK.
  modules=$(sed -n 's/^MODULES="\(.*\)"/\1/p' "$app/lib/runtime/release")
  missing=""
  for m in $(tr ',' ' ' < packaging/target/jdeps-modules.txt) jdk.crypto.ec jdk.localedata jdk.charsets; do
    grep -qw "$m" <<<"$modules" || missing="$missing $m"
  done
  check "runtime has every module jdeps found, plus crypto.ec/localedata/charsets${missing:+ (missing:$missing)}" test -z "$missing"
  module_count=$(wc -w <<<"$modules")
  check "runtime is trimmed ($module_count modules; no jdk.compiler, jdk.jshell)" \
    bash -c "! grep -qwE 'jdk.compiler|jdk.jshell' <<<\"\$0\"" "$modules"

  # glibc: the highest GLIBC_ symbol version any ELF file needs must not exceed the declared floor.
  floor=$(grep -oE 'libc6 \(>= [0-9.]+\)' <<<"$depends" | grep -oE '[0-9]+\.[0-9]+')
  if command -v objdump >/dev/null; then
    need=$(find "$app" -type f \( -name '*.so' -o -perm -u+x \) -print0 |
      xargs -0 objdump -T 2>/dev/null | grep -oE 'GLIBC_[0-9]+\.[0-9]+' | sort -u |
      sed 's/GLIBC_//' | sort -V | tail -1)
    check "glibc floor declared (libc6 >= $floor) covers what the binaries need ($need)" \
      bash -c "[ \"\$(printf '%s\n%s\n' \"\$0\" \"\$1\" | sort -V | tail -1)\" = \"\$1\" ]" "$need" "$floor"
  else
    echo "  (objdump is not installed: glibc floor not checked; apt-get install binutils)"
  fi

  # Only with package lists to resolve against (a machine that never ran apt-get update has none).
  if command -v apt-get >/dev/null && [ "$(id -u)" -eq 0 ] &&
    compgen -G '/var/lib/apt/lists/*_Packages*' >/dev/null; then
    check "apt-get --simulate install resolves the Depends on this machine" \
      apt-get install --simulate -qq "$(readlink -f "$deb")"
  fi

  launcher=$app/bin/CityOps
  "$launcher" --version > "$work/version.txt" 2>&1 || true
  sed 's/^/        /' "$work/version.txt"
  check "installed launcher: --version prints CityOps Console $version" grep -qx "CityOps Console $version" "$work/version.txt"
  # buildnumber-maven-plugin (Maven SCM's git info) names the newest commit that is not a merge:
  # HEAD itself, or a merge's newest parent.
  expected_commit=$(git log -1 --no-merges --format=%H 2>/dev/null || echo unknown)
  check "installed launcher: --version prints the build commit ($expected_commit)" \
    grep -qx "commit $expected_commit" "$work/version.txt"
  "$launcher" --help > "$work/help.txt" 2>&1 || true
  check "installed launcher: --help lists the options and the per-user folders" \
    bash -c "grep -q -- '--data-dir=DIR' \"\$0\" && grep -q -- '--screenshot' \"\$0\" && grep -q 'Files (per user)' \"\$0\" && grep -q 'doctor' \"\$0\"" "$work/help.txt"

  echo "== installed launcher in a real window (Xvfb, fresh HOME and data folder)"
  home=$work/home
  mkdir -p "$home"
  start=$(date +%s)
  set +e
  env HOME="$home" XDG_CONFIG_HOME="$home/.config" XDG_DATA_HOME="$home/.local/share" \
    XDG_CACHE_HOME="$home/.cache" XDG_STATE_HOME="$home/.local/state" \
    timeout 240 xvfb-run -a -s "-screen 0 1920x1080x24" \
    "$launcher" --demo --data-dir "$work/data" --screenshot "$work/installed-app.png" \
    --screenshot-delay PT8S > "$work/run.log" 2>&1
  rc=$?
  set -e
  run_seconds=$(($(date +%s) - start))
  check "--demo --screenshot exits 0 (took ${run_seconds} s)" test $rc -eq 0
  [ $rc -eq 0 ] || tail -20 "$work/run.log"
  png_size=$(png_size "$work/installed-app.png")
  check "the screenshot is a 1920x1080 PNG ($png_size)" test "$png_size" = 1920x1080
  check "the data folder was used (offline state written)" test -n "$(ls -A "$work/data" 2>/dev/null)"
  log=$home/.local/state/cityops/logs/cityops.log
  check "the log file is in \$XDG_STATE_HOME/cityops/logs and has the run" grep -q 'screenshot written' "$log"
  check "nothing was unpacked to ~/.openjfx (JavaFX natives are in the runtime)" test ! -e "$home/.openjfx"
  check "no 'Unsupported JavaFX configuration' warning" bash -c "! grep -q 'Unsupported JavaFX configuration' \"\$0\"" "$work/run.log"
  if [ -n "$screenshot_out" ] && [ -f "$work/installed-app.png" ]; then
    cp "$work/installed-app.png" "$screenshot_out"
    echo "  screenshot copied to $screenshot_out"
  fi
fi

echo "== .rpm: ${rpm:-missing}"
if ! command -v rpmbuild >/dev/null; then
  echo "  (rpmbuild is not installed: the build skipped the .rpm; apt-get install rpm cpio)"
elif [ -z "$rpm" ]; then
  bad "an .rpm was built"
else
  ok "an .rpm was built"
  rpm -qip "$rpm" 2>/dev/null | grep -E '^(Name|Version|Release|Architecture|License|Size) '
  rpm -qp --requires "$rpm" 2>/dev/null > "$work/rpm-requires.txt"
  check "rpm: Version $version" bash -c "rpm -qp --queryformat '%{VERSION}' \"\$0\" 2>/dev/null | grep -qx \"\$1\"" "$rpm" "$version"
  for dep in gtk3 "glibc >=" xdg-utils "google-noto-sans-cjk"; do
    check "rpm requires $dep" grep -qF -- "$dep" "$work/rpm-requires.txt"
  done
  if command -v rpm2cpio >/dev/null && command -v cpio >/dev/null; then
    rroot=$work/rpm-root
    mkdir -p "$rroot"
    (cd "$rroot" && rpm2cpio "$(readlink -f "$root/$rpm")" | cpio -idm --quiet)
    check "rpm: installs into a scratch root with the desktop entry" test -f "$rroot/opt/cityops/lib/cityops-CityOps.desktop"
    "$rroot/opt/cityops/bin/CityOps" --version > "$work/rpm-version.txt" 2>&1 || true
    check "rpm: installed launcher --version prints $version" grep -qx "CityOps Console $version" "$work/rpm-version.txt"
  fi
fi

if [ $system_install -eq 1 ] && [ -n "$deb" ]; then
  echo "== installed for real (dpkg -i, then dpkg --purge)"
  if [ "$(id -u)" -ne 0 ]; then
    bad "--system-install needs root"
  elif dpkg -s cityops >/dev/null 2>&1; then
    bad "cityops is already installed here; not touching it"
  else
    check "dpkg -i installs it (maintainer scripts run)" dpkg -i "$deb"
    check "/opt/cityops/bin/CityOps --version" /opt/cityops/bin/CityOps --version
    check "the menu entry is registered in /usr/share/applications" test -f /usr/share/applications/cityops-CityOps.desktop
    check "dpkg --purge removes it" dpkg --purge cityops
    check "/opt/cityops and the menu entry are gone" \
      bash -c "test ! -e /opt/cityops/bin/CityOps && test ! -e /usr/share/applications/cityops-CityOps.desktop"
  fi
fi

echo "== sizes and times"
[ -n "$deb" ] && echo "  .deb              $(bytes_mib "$deb") MiB"
[ -n "$rpm" ] && echo "  .rpm              $(bytes_mib "$rpm") MiB"
[ -d "$out/CityOps" ] && echo "  app-image         $(mib "$out/CityOps") MiB ($(mib "$out/CityOps/lib/runtime") MiB runtime, $(mib "$out/CityOps/lib/app") MiB app)"
[ -n "${module_count:-}" ] && echo "  runtime modules   $module_count"
echo "  installer build   ${build_seconds} s"
[ -n "${run_seconds:-}" ] && echo "  demo + screenshot ${run_seconds} s (start, live data, 8 s delay, exit)"
echo "packages: $passed passed, $failed failed"
[ $failed -eq 0 ]
