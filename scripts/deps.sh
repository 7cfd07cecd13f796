#!/usr/bin/env bash
# Installs the Debian 12 packages HPA Lens needs that are not there yet. Sourced by the other
# scripts; safe to run again (it only installs what is missing).
set -euo pipefail

# The one list of packages the build and the tests use, one per line. libcurl4-openssl-dev: the
# Prometheus import's HTTP client (core/import). scripts/check_deps.sh
# reads it to prove that every CMake package the build found comes from one of these (or from a
# hard dependency of one), so a machine that happens to have more installed cannot hide a gap.
hpa_deps_list() {
    printf '%s\n' cmake g++ make pkg-config qt6-base-dev qt6-charts-dev qt6-svg-dev \
        nlohmann-json3-dev libfmt-dev libyaml-cpp-dev libsqlite3-dev libqt6opengl6-dev libgl-dev fonts-dejavu-core xvfb xauth \
        libcurl4-openssl-dev
}

# Packaging and its tests, installed by scripts/test.sh (the build itself does not need them;
# tests skip with a message when one is missing):
#   dpkg-dev             dpkg-shlibdeps, which writes the .deb's Depends (cpack -G DEB)
#   file                 CPack's DEB generator finds the ELF files to give dpkg-shlibdeps
#   desktop-file-utils   desktop-file-validate for the .desktop entry (test only)
#   appstream            appstreamcli validate for the metainfo file (test only)
#   groff-base           typesets the man page to check it (test only)
#   chromium             renders the HTML report headless to a PNG and proves it fetches nothing
#                        (tst_cli_report; test only)
#   poppler-utils        pdfinfo, pdftotext, pdfimages read the PDF report back (test only)
#   python3-html5lib     the WHATWG HTML5 parser in strict mode proves the HTML report is valid
#                        HTML5 (tests/cli/html5_strict.py from tst_cli_report; test only)
#   prometheus           a real Prometheus and promtool: the import tests backfill a TSDB with a
#                        demo run and import it (tst_prometheus_import, tst_cli_import; test only)
HPA_TEST_PACKAGES=(dpkg-dev file desktop-file-utils appstream groff-base chromium poppler-utils
    python3-html5lib prometheus)

hpa_install_deps() {
    local wanted
    mapfile -t wanted < <(hpa_deps_list)
    wanted+=("$@")
    local missing=()
    for p in "${wanted[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    if [ ${#missing[@]} -eq 0 ]; then
        return 0
    fi
    echo "Installing missing packages: ${missing[*]}"
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        sudo="sudo"
    fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}
