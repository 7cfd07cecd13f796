#!/usr/bin/env bash
# Proves that scripts/deps.sh installs everything the build found, on a machine that may have
# much more installed: every CMake package config (Qt6*, fmt, nlohmann_json, any other *_DIR the
# configure step recorded) is mapped to its Debian package with dpkg -S, and that package must be
# in hpa_deps_list or a hard dependency (Depends/PreDepends, recursively) of one in it.
# Recommends do not count: deps.sh installs with --no-install-recommends.
#
#   scripts/check_deps.sh BUILD_DIR
#   HPA_DEPS_DROP="libqt6opengl6-dev" scripts/check_deps.sh BUILD_DIR   # must fail: self-test
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh

build_dir="${1:-build}"
cache="$build_dir/CMakeCache.txt"
if [ ! -f "$cache" ]; then
    echo "check_deps: $cache not found; configure first" >&2
    exit 2
fi

# The list deps.sh installs, minus HPA_DEPS_DROP (to show that the check fails without one).
declare -A listed=()
for p in $(hpa_deps_list); do
    listed[$p]=1
done
for p in ${HPA_DEPS_DROP:-}; do
    unset "listed[$p]"
done

# The closure of the listed packages over Depends/PreDepends. Of an alternative group
# (a | b) only the first counts: that is the one apt installs on a fresh machine. apt-cache
# --recurse prints the graph (through every alternative) in one call; awk walks it from the
# listed packages along first alternatives only.
declare -A closure=()
while read -r name; do
    closure[$name]=1
done < <(apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts --no-breaks \
    --no-replaces --no-enhances "${!listed[@]}" 2>/dev/null | awk -v roots="${!listed[*]}" '
        function clean(p) { sub(/:.*$/, "", p); return p }
        /^[^ ]/ { pkg = clean($1); alt = 0; next }
        /^ \|(Pre)?Depends: / { if (!alt) edges[pkg] = edges[pkg] " " clean($2); alt = 1; next }
        /^  (Pre)?Depends: /  { if (!alt) edges[pkg] = edges[pkg] " " clean($2); alt = 0; next }
        END {
            n = split(roots, queue, " ")
            for (i = 1; i <= n; i++) seen[queue[i]] = 1
            for (i = 1; i <= n; i++) {
                print queue[i]
                m = split(edges[queue[i]], next_, " ")
                for (j = 1; j <= m; j++)
                    if (!(next_[j] in seen)) { seen[next_[j]] = 1; queue[++n] = next_[j] }
            }
        }')

# Every package config folder the configure step recorded, by its config file.
declare -A configs=() # config file -> CMake package name
while IFS= read -r line; do
    name="${line%%_DIR:*}"
    dir="${line#*=}"
    [ -d "$dir" ] || continue
    lower="$(tr '[:upper:]' '[:lower:]' <<<"$name")"
    for candidate in "$dir/${name}Config.cmake" "$dir/${lower}-config.cmake"; do
        if [ -f "$candidate" ]; then
            configs[$(readlink -f "$candidate")]="$name"
            break
        fi
    done # no config file: a plain *_DIR variable, not a package config folder
done < <(grep -E '^[A-Za-z0-9_]+_DIR:PATH=' "$cache")

# One dpkg -S for all of them: "pkg[:arch][, pkg2]: /path".
declare -A owner=()
while IFS= read -r line; do
    path="${line##*: }"
    pkg="${line%%: /*}"
    pkg="${pkg%%,*}"
    owner[$path]="${pkg%%:*}"
done < <(dpkg -S "${!configs[@]}" 2>/dev/null || true)

checked=0
failures=0
for config in "${!configs[@]}"; do
    name="${configs[$config]}"
    pkg="${owner[$config]:-}"
    checked=$((checked + 1))
    if [ -z "$pkg" ]; then
        echo "check_deps: $name: $config belongs to no Debian package (built or copied by hand?)" >&2
        failures=$((failures + 1))
    elif [ -z "${listed[$pkg]:-}" ] && [ -z "${closure[$pkg]:-}" ]; then
        echo "check_deps: $name ($config) comes from package $pkg, which scripts/deps.sh does" \
            "not install (not in hpa_deps_list, nor a Depends/PreDepends of a package in it)" >&2
        failures=$((failures + 1))
    fi
done

if [ "$checked" -eq 0 ]; then
    echo "check_deps: no package config folders in $cache; nothing was checked" >&2
    exit 2
fi
if [ "$failures" -gt 0 ]; then
    echo "check_deps: $failures CMake package(s) not covered by scripts/deps.sh" >&2
    exit 1
fi
echo "check_deps: all $checked CMake package configs come from packages scripts/deps.sh installs"
