#!/usr/bin/env bash
# The .desktop entry and the AppStream metainfo pass the freedesktop validators (Debian
# desktop-file-utils and appstream, installed by scripts/test.sh). Skips (77) without them.
# Usage: install_desktop_files.sh PACKAGING_DIR
set -euo pipefail
dir=$1
for tool in desktop-file-validate appstreamcli; do
    if ! command -v "$tool" >/dev/null; then
        echo "SKIP: $tool is not installed (Debian desktop-file-utils / appstream)"
        exit 77
    fi
done
desktop=$dir/io.github.hpalens.HpaLens.desktop
out=$(desktop-file-validate "$desktop" 2>&1) || { echo "$out"; exit 1; }
[ -z "$out" ] || { echo "desktop-file-validate: $out"; exit 1; }
# "Open with HPA Lens" on a folder: the entry takes folders, several at a time.
grep -qx 'MimeType=inode/directory;' "$desktop" || { echo "no inode/directory MimeType"; exit 1; }
grep -Eq '^Exec=hpa-lens %F$' "$desktop" || { echo "Exec does not pass %F"; exit 1; }
appstreamcli validate --no-net "$dir/io.github.hpalens.HpaLens.metainfo.xml"
