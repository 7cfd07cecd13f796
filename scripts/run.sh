#!/usr/bin/env bash
# Sets everything up on a fresh Debian 12 machine, builds HPA Lens (Release) and opens it on the
# bundled example. Without a display it says so, renders a screenshot and prints the summary.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh
hpa_install_deps

build_dir="${HPA_BUILD_DIR:-build}"
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=Release -DHPA_BUILD_TESTS=OFF -DHPA_BUILD_BENCH=OFF >/dev/null
cmake --build "$build_dir" --target hpa-lens -j"$(nproc)"

example="resources/examples/$(ls resources/examples | head -n 1)"
app="$build_dir/app/hpa-lens"
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    exec "$app" "$example" "$@"
fi
echo "No display found (DISPLAY and WAYLAND_DISPLAY are unset): rendering the window to a file instead."
QT_QPA_PLATFORM=offscreen "$app" --screenshot "$build_dir/hpa-lens-screenshot.png" --size 1600x1000 "$example"
echo "Screenshot of the window: $build_dir/hpa-lens-screenshot.png"
echo
"$app" summary "$example"
