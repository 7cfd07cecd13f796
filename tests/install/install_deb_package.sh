#!/usr/bin/env bash
# `cpack -G DEB` from the existing build (nothing is recompiled), then the package is unpacked
# with `dpkg -x` into a temporary root and run from there. Skips (77) without dpkg-dev.
# Usage: install_deb_package.sh BUILD_DIR
set -euo pipefail
build=$1
for tool in cpack dpkg-deb dpkg-shlibdeps file; do
    if ! command -v "$tool" >/dev/null; then
        echo "SKIP: $tool is not installed (Debian dpkg-dev and file build the package)"
        exit 77
    fi
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

(cd "$build" && cpack -G DEB -B "$tmp/out" >"$tmp/cpack.log" 2>&1) ||
    { cat "$tmp/cpack.log" >&2; fail "cpack -G DEB"; }
deb=$(ls "$tmp"/out/*.deb)
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
# From dpkg-shlibdeps: the C library for hpa-lens, Qt Widgets for its GUI module.
for lib in libc6 libqt6widgets6; do
    grep -q "$lib" <<<"$depends" || fail "Depends lacks $lib (CPACK_DEBIAN_PACKAGE_SHLIBDEPS)"
done

dpkg -x "$deb" "$tmp/root"
app=$tmp/root/usr/bin/hpa-lens
version=$("$app" --version) || fail "--version: exit $?"
grep -Eq '^hpa-lens [0-9]+\.[0-9]+\.[0-9]+$' <<<"$version" || fail "--version"
example=$(ls -d "$tmp"/root/usr/share/hpa-lens/examples/*/ | head -n 1)
# Captured first: `| grep -q` stops reading at its match, and under pipefail the program's
# SIGPIPE on a longer summary failed the check at random.
summary=$("$app" summary "$example") || fail "summary of the bundled example: exit $?"
grep -q "^Max Replicas:" <<<"$summary" || fail "summary of the bundled example"
QT_QPA_PLATFORM=offscreen "$app" --screenshot "$tmp/shot.png" --size 800x600 "$example" \
    >/dev/null 2>"$tmp/err" || { cat "$tmp/err" >&2; fail "--screenshot from the package"; }
[ -s "$tmp/shot.png" ] || fail "no screenshot"
echo "$(basename "$deb") unpacks and runs"
