#!/usr/bin/env bash
# Sets everything up on a fresh Debian 12 machine, builds HPA Lens with its tests and runs every
# test through ctest. HPA_BUILD_DIR and HPA_CMAKE_ARGS select another build (the sanitizer run).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh
hpa_install_deps "${HPA_TEST_PACKAGES[@]}"

build_dir="${HPA_BUILD_DIR:-build-tests}"
# shellcheck disable=SC2086
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE="${HPA_BUILD_TYPE:-Release}" ${HPA_CMAKE_ARGS:-} >/dev/null
# Every CMake package the configure step found must come from a package deps.sh installs;
# checked before building, so a gap is named at once (also a ctest entry, with its self-test).
bash scripts/check_deps.sh "$build_dir"
cmake --build "$build_dir" -j"$(nproc)"
if [ ! -d ../shared/examples ]; then
    echo "note: ../shared/examples is absent; the golden tests on the shared examples will be skipped"
fi
cd "$build_dir"
QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j"$(nproc)"
