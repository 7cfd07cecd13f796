#!/usr/bin/env python3
"""Independent implementation of the scorecard formulas (elasticity-kpis.md and issue 12's
conventions), written from the spec without looking at the C++ code. It reads a newer- or
older-layout metrics.csv with the standard library only and prints the "autoscaling" block
with the same keys as `hpa-lens summary --json`, so the two can be diffed:

    tests/tools/scorecard_reference.py DIR > ref.json
    hpa-lens summary --json DIR | jq .autoscaling > app.json

or let it run hpa-lens and compare every key it computes (relative tolerance 1e-9); the exit
status is 1 on any difference:

    tests/tools/scorecard_reference.py DIR... --check build/app/hpa-lens

Waiting values get the milli-unit correction of the truthful-display issue (integer v >= 1000
read as v/1000 when v/1000 <= 10 x max(target, largest value below 1000)).
"""
import csv
import json
import math
import statistics
import sys
from datetime import datetime, timezone


def parse_time(row):
    if row.get("epoch"):
        return float(row["epoch"])
    text = row["timestamp"].strip().replace("Z", "")
    return datetime.fromisoformat(text.replace("T", " ")).replace(tzinfo=timezone.utc).timestamp()


def num(row, *names):
    for n in names:
        if n in row and row[n] not in (None, ""):
            try:
                return float(row[n])
            except ValueError:
                return math.nan
    return math.nan


def load(folder, corrected=None):
    rows = []
    with open(f"{folder}/metrics.csv", newline="") as f:
        for row in csv.DictReader(f):
            try:
                t = parse_time(row)
            except (ValueError, KeyError, TypeError):
                continue
            rows.append(dict(
                t=t,
                s=num(row, "replicas"),
                desired=num(row, "desired_replicas"),
                w=num(row, "num_requests_waiting", "num_requests_waiting_current"),
                wt=num(row, "num_requests_waiting_target"),
                k=num(row, "kv_cache_usage_perc", "kv_cache_usage_current"),
                kt=num(row, "kv_cache_usage_target"),
                ttft=num(row, "ttft_ms"),
                itl=num(row, "itl_ms")))
    rows.sort(key=lambda r: r["t"])
    dedup = {}
    for r in rows:
        dedup[r["t"]] = r
    rows = [dedup[t] for t in sorted(dedup)]
    # milli-unit leak in waiting
    small = [r["w"] for r in rows if not math.isnan(r["w"]) and r["w"] < 1000]
    targets = [r["wt"] for r in rows if not math.isnan(r["wt"])]
    bound = 10 * max([max(targets, default=0), max(small, default=0)])
    for r in rows:
        v = r["w"]
        if not math.isnan(v) and v >= 1000 and v == int(v) and v / 1000 <= bound:
            r["w"] = v / 1000
            if corrected is not None:
                corrected.append(r["t"])
    return rows


def ratios(r):
    out = []
    for v, tgt in ((r["w"], r["wt"]), (r["k"], r["kt"])):
        if not math.isnan(v) and not math.isnan(tgt) and tgt > 0:
            out.append(v / tgt)
    return out


def scorecard(rows, m_min=1, m_max=None, reachable=False, onset=0.0, slo_ttft=1000.0, slo_itl=100.0):
    n = len(rows)
    t = [r["t"] for r in rows]
    dts = [t[i + 1] - t[i] for i in range(n - 1)]
    med = statistics.median(dts) if dts else 0.0
    G = max(3 * med, 60.0)

    def replicas_at(time):
        best = rows[0]["s"]
        for r in rows:
            if r["t"] <= time:
                best = r["s"]
        return best

    d = []
    for i, r in enumerate(rows):
        rs = ratios(r)
        if not rs:
            d.append(math.nan)
            continue
        nn = replicas_at(r["t"] - onset) if onset > 0 else r["s"]
        nn = max(nn if not math.isnan(nn) else 1, 1)
        di = max(m_min, max(math.ceil(nn * x - 1e-9) for x in rs))
        if reachable and m_max is not None:
            di = min(m_max, di)
        d.append(di)
    cov = [0 < dts[i] <= G and not math.isnan(d[i]) and not math.isnan(rows[i]["s"])
           for i in range(n - 1)]
    T = sum(dts[i] for i in range(n - 1) if cov[i])
    RS = sum(rows[i]["s"] * dts[i] for i in range(n - 1) if cov[i])
    over = sum(max(rows[i]["s"] - d[i], 0) * dts[i] for i in range(n - 1) if cov[i])
    under = sum(max(d[i] - rows[i]["s"], 0) * dts[i] for i in range(n - 1) if cov[i])
    thU = sum(max(d[i] - rows[i]["s"], 0) / max(d[i], 1) * dts[i] for i in range(n - 1) if cov[i])
    thO = sum(max(rows[i]["s"] - d[i], 0) / max(d[i], 1) * dts[i] for i in range(n - 1) if cov[i])
    tU = sum(dts[i] for i in range(n - 1) if cov[i] and d[i] > rows[i]["s"])
    tO = sum(dts[i] for i in range(n - 1) if cov[i] and rows[i]["s"] > d[i])
    sgn = lambda x: (x > 0) - (x < 0)
    Tp = ups = es = ed = 0.0
    for i in range(1, n - 1):
        if cov[i - 1] and cov[i]:
            ds = rows[i]["s"] - rows[i - 1]["s"]
            dd = d[i] - d[i - 1]
            Tp += dts[i]
            ups += min(abs(sgn(ds) - sgn(dd)), 1) * dts[i]
            es += abs(ds)
            ed += abs(dd)
    pct = lambda x, total: 100 * x / total if total > 0 else None
    # reversals
    rev = 0
    last = None
    prev_s = None
    for r in rows:
        if math.isnan(r["s"]):
            continue
        if prev_s is not None and r["s"] != prev_s:
            direction = sgn(r["s"] - prev_s)
            if last is not None and direction != last[1] and r["t"] - last[0] < 120:
                rev += 1
            last = (r["t"], direction)
        prev_s = r["s"]
    # episodes
    episodes = []
    i = 0
    state_prev_calm = True
    t0 = t[0] if t else 0
    while i < n:
        rs = ratios(rows[i])
        breach = any(x > 1.1 for x in rs)
        if breach and (i == 0 or state_prev_calm):
            b = i
            relief = next((j for j in range(b + 1, n)
                           if ratios(rows[j]) and all(x <= 1.1 for x in ratios(rows[j]))), None)
            end = relief if relief is not None else n - 1
            dec = next((j for j in range(b, end + 1)
                        if rows[j]["desired"] > rows[j]["s"]), None)
            cu = None
            if dec is not None:
                want = rows[dec]["desired"]
                cu = next((j for j in range(dec, n) if rows[j]["s"] >= want), None)
            el = lambda j: None if j is None else t[j] - t0
            e = dict(breach_s=el(b), decision_s=el(dec), caught_up_s=el(cu), relief_s=el(relief))
            diff = lambda a, b2: None if a is None or b2 is None else a - b2
            e["reaction_s"] = diff(e["decision_s"], e["breach_s"])
            e["catch_up_s"] = diff(e["caught_up_s"], e["decision_s"])
            e["time_to_relief_s"] = diff(e["relief_s"], e["breach_s"])
            episodes.append(e)
            if relief is None:
                break
            i = relief + 1
            state_prev_calm = True
            continue
        state_prev_calm = not breach
        i += 1

    def median(key):
        vals = [e[key] for e in episodes if e[key] is not None]
        return statistics.median(vals) if vals else None

    def slo(key, limit):
        if not any(r[key] > 0 for r in rows if not math.isnan(r[key])):
            return {"collected": False}
        tot = ok = 0.0
        for i in range(n - 1):
            v = rows[i][key]
            if cov[i] and not math.isnan(v) and v > 0:
                tot += dts[i]
                ok += dts[i] if v <= limit else 0
        return {"limit": limit, "attainment_pct": pct(ok, tot)}

    return {
        "demand": "hpa-reachable" if reachable else "hpa-ideal",
        "onset_delay_s": onset,
        "gap_threshold_s": G,
        "resolution_s": med,
        "covered_s": T,
        "uncovered_s": (t[-1] - t[0] - T) if n else 0,
        "replica_seconds": RS,
        "replica_hours": RS / 3600,
        "mean_replicas": RS / T if T > 0 else None,
        "wasted_replica_seconds": over,
        "missing_replica_seconds": under,
        "under_accuracy_pct": pct(thU, T),
        "over_accuracy_pct": pct(thO, T),
        "under_timeshare_pct": pct(tU, T),
        "over_timeshare_pct": pct(tO, T),
        "instability_pct": pct(ups, Tp),
        "jitter_per_min": (es - ed) / (T / 60) if T > 0 else None,
        "reversals": rev,
        "episodes": episodes,
        "reaction_s_median": median("reaction_s"),
        "time_to_relief_s_median": median("time_to_relief_s"),
        "censored": sum(1 for e in episodes if e["decision_s"] is None or e["relief_s"] is None),
        "slo": {"ttft_ms": slo("ttft", slo_ttft), "itl_ms": slo("itl", slo_itl)},
    }


def same(a, b):
    if isinstance(a, dict):
        return isinstance(b, dict) and all(same(a[k], b.get(k)) for k in a)
    if isinstance(a, list):
        return isinstance(b, list) and len(a) == len(b) and all(map(same, a, b))
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return abs(a - b) <= 1e-9 * max(1.0, abs(a))
    return a == b


def check(folders, binary):
    import subprocess
    failed = False
    import os
    for folder in folders:
        if not os.path.isdir(folder):
            print(f"{folder}: not here, skipped")
            continue
        corrected = []
        ours = scorecard(load(folder, corrected))
        out = subprocess.run([binary, "summary", "--json", folder], check=True,
                             capture_output=True, text=True).stdout
        document = json.loads(out)
        if corrected and "corrections" not in document:
            # The milli-unit rule is issue 11's; a loader without it reads other values.
            print(f"{folder}: skipped, {len(corrected)} waiting value(s) need the milli-unit "
                  "correction and this hpa-lens does not apply it (no \"corrections\" key)")
            continue
        theirs = document["autoscaling"]
        differs = False
        for key, value in ours.items():
            if not same(value, theirs.get(key)):
                differs = True
                print(f"{folder}: {key}: reference {value!r}, hpa-lens {theirs.get(key)!r}")
        failed = failed or differs
        print(f"{folder}: {'differs' if differs else 'all keys match'}")
    return 1 if failed else 0


if __name__ == "__main__":
    if "--check" in sys.argv:
        at = sys.argv.index("--check")
        sys.exit(check(sys.argv[1:at], sys.argv[at + 1]))
    print(json.dumps(scorecard(load(sys.argv[1])), indent=2))
