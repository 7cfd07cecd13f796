#!/usr/bin/env bash
# `cmake --install` into a temporary prefix, then the prefix is moved: the program must still
# run, find its GUI module relative to itself (a --screenshot proves it loaded) and carry every
# file a desktop installation needs. Usage: install_relocated.sh BUILD_DIR
set -euo pipefail
build=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cmake --install "$build" --prefix "$tmp/first" >/dev/null
mv "$tmp/first" "$tmp/moved"
prefix=$tmp/moved
fail() { echo "FAIL: $*" >&2; exit 1; }

for f in bin/hpa-lens lib/hpa-lens/libhpa-lens-gui.so \
    share/applications/io.github.hpalens.HpaLens.desktop \
    share/metainfo/io.github.hpalens.HpaLens.metainfo.xml \
    share/icons/hicolor/scalable/apps/io.github.hpalens.HpaLens.svg \
    share/man/man1/hpa-lens.1 share/bash-completion/completions/hpa-lens; do
    [ -s "$prefix/$f" ] || fail "$f is not installed"
done
example=$(ls -d "$prefix"/share/hpa-lens/examples/*/ | head -n 1)
[ -f "$example/metrics.csv" ] || fail "no example experiment in share/hpa-lens/examples"

version=$("$prefix/bin/hpa-lens" --version) || fail "--version: exit $?"
grep -Eq '^hpa-lens [0-9]+\.[0-9]+\.[0-9]+$' <<<"$version" ||
    fail "--version does not print 'hpa-lens X.Y.Z'"
# Captured first: `| grep -q` stops reading at its match, and under pipefail the program's
# SIGPIPE on a longer summary failed the check at random.
summary=$("$prefix/bin/hpa-lens" summary "$example") || fail "summary of the example: exit $?"
grep -q "^Max Replicas:" <<<"$summary" || fail "summary of the example"

# The window part, loaded from PREFIX/lib/hpa-lens by the moved executable.
shot=$tmp/shot.png
QT_QPA_PLATFORM=offscreen "$prefix/bin/hpa-lens" --screenshot "$shot" --size 800x600 "$example" \
    >/dev/null 2>"$tmp/err" || { cat "$tmp/err" >&2; fail "--screenshot from the moved prefix"; }
[ "$(head -c 4 "$shot" | od -An -c | tr -d ' ')" = "211PNG" ] || fail "the screenshot is no PNG"

# Without the module the same command must say so, not silently find another copy.
mv "$prefix/lib/hpa-lens" "$prefix/lib/elsewhere"
if QT_QPA_PLATFORM=offscreen "$prefix/bin/hpa-lens" --screenshot "$shot" "$example" \
    >/dev/null 2>"$tmp/err"; then
    fail "--screenshot ran without its module"
fi
grep -q "cannot load the window" "$tmp/err" || fail "no message when the module is missing"

bash -n "$prefix/share/bash-completion/completions/hpa-lens" || fail "completion script syntax"
if command -v groff >/dev/null; then
    warnings=$(groff -man -Tutf8 -ww -z "$prefix/share/man/man1/hpa-lens.1" 2>&1)
    [ -z "$warnings" ] || fail "man page: $warnings"
else
    echo "note: groff is missing; the man page was not typeset"
fi
echo "installed tree works after being moved: $prefix"
