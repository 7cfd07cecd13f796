#!/usr/bin/env bash
# Benchmarks HPA Lens against naive baselines: generates 10k / 100k / 1M-row experiments with
# `hpa-lens demo` into a temporary folder, runs hpa-bench on them (load, memory, statistics,
# decimation, zoom steps of the six charts, each beside its baseline) and times pandas doing
# the notebook's load + describe/corr against `hpa-lens summary --json`, both as whole
# processes. Prints figures only; nothing here passes or fails on a time.
#   HPA_BENCH_SIZES="10000 100000"  other sizes     HPA_BENCH_BUILD_DIR=dir  other build
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh
hpa_install_deps
# pandas and GNU time are only for the comparison with the notebook: do without them if they
# cannot be installed (no network, no root).
if ! /usr/bin/python3 -c 'import pandas' 2>/dev/null || [ ! -x /usr/bin/time ]; then
    (hpa_install_deps python3-pandas time) || echo "note: could not install python3-pandas/time"
fi

build_dir="${HPA_BENCH_BUILD_DIR:-build-bench}"
sizes="${HPA_BENCH_SIZES:-10000 100000 1000000}"
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=Release -DHPA_BUILD_BENCH=ON >/dev/null
cmake --build "$build_dir" --target hpa-lens hpa-bench -j"$(nproc)"
lens="$build_dir/app/hpa-lens"
bench="$build_dir/tests/bench/hpa-bench"

work="$(mktemp -d "${TMPDIR:-/tmp}/hpa-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT

echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
dirs=()
for n in $sizes; do
    echo "Generating a $n-row experiment..."
    "$lens" demo "$work/exp-$n" --samples "$n" >/dev/null
    dirs+=("$work/exp-$n")
done

QT_QPA_PLATFORM=offscreen "$bench" --job-logs --library 1000 "${dirs[@]}"

# Whole-process comparison with the notebook on the largest experiment.
largest="${dirs[${#dirs[@]}-1]}"
csv="$largest/metrics.csv"
file_bytes=$(stat -c %s "$csv")
if [ ! -x /usr/bin/time ]; then
    echo "note: /usr/bin/time is missing; skipping the whole-process comparison"
    exit 0
fi

# Best of three: wall seconds and peak RSS (KiB) of the fastest run, into $best_s / $best_kib.
measure() {
    best_s=""
    best_kib=""
    for _ in 1 2 3; do
        /usr/bin/time -f '%e %M' -o "$work/time.txt" "$@" >"$work/out.txt" 2>"$work/err.txt" || {
            echo "failed: $*"
            cat "$work/err.txt"
            return 1
        }
        read -r s kib <"$work/time.txt"
        if [ -z "$best_s" ] || awk -v a="$s" -v b="$best_s" 'BEGIN { exit !(a < b) }'; then
            best_s="$s"
            best_kib="$kib"
        fi
    done
}

cat >"$work/notebook.py" <<'PY'
# The notebook's load and statistics (sections 3, 4 and 9) on the newer layout's column names.
import sys
import pandas as pd

df = pd.read_csv(sys.argv[1])
df["timestamp"] = pd.to_datetime(df["timestamp"])
waiting = "num_requests_waiting" if "num_requests_waiting" in df else "num_requests_waiting_current"
kv = "kv_cache_usage_perc" if "kv_cache_usage_perc" in df else "kv_cache_usage_current"
print(df.describe(percentiles=[0.5, 0.9, 0.99]))
for col in ("ttft_ms", "itl_ms"):
    if col in df:
        print(df[df[col] > 0][col].describe(percentiles=[0.5, 0.9, 0.99]))
df["waiting_requests_exceeded"] = df[waiting] > df["num_requests_waiting_target"]
df["kv_cache_exceeded"] = df[kv] > df["kv_cache_usage_target"]
df["any_threshold_exceeded"] = df["waiting_requests_exceeded"] | df["kv_cache_exceeded"]
print(df[["replicas", waiting, kv, "active_jobs"]].corr().round(3))
print(df["waiting_requests_exceeded"].sum(), df["kv_cache_exceeded"].sum(), len(df))
PY

echo
echo "== Whole processes on $(basename "$largest") (metrics.csv $((file_bytes / 1000000)) MB), best of 3 =="
measure "$lens" summary "$largest" --json
lens_s="$best_s"
lens_kib="$best_kib"
awk -v s="$lens_s" -v k="$lens_kib" -v b="$file_bytes" 'BEGIN {
    printf "  hpa-lens summary --json      %7.2f s   peak RSS %7.1f MiB  (%.2f x file size)\n",
        s, k / 1024, k * 1024 / b }'
if /usr/bin/python3 -c 'import pandas' 2>/dev/null; then
    measure /usr/bin/python3 "$work/notebook.py" "$csv"
    awk -v s="$best_s" -v k="$best_kib" -v b="$file_bytes" -v ls="$lens_s" 'BEGIN {
        printf "  pandas load + describe/corr  %7.2f s   peak RSS %7.1f MiB  (%.2f x file size)\n",
            s, k / 1024, k * 1024 / b
        printf "  hpa-lens is %.1fx faster than pandas\n", (ls > 0 ? s / ls : 0) }'
else
    echo "  pandas is not installed (python3-pandas): no comparison with the notebook"
fi
