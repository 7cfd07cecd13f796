#include "core/report/replay_text.h"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>

namespace hpa::core {

namespace {

std::string opt(const std::optional<double> &v, const char *format = "{:.2f}")
{
    return v ? fmt::format(fmt::runtime(format), *v) : std::string("unknown");
}

std::string delta(const std::optional<double> &v, const std::optional<double> &base)
{
    if (!v || !base)
        return {};
    return fmt::format(" ({:+.2f})", *v - *base);
}

std::string rulesText(const HpaScalingRules &rules, double window)
{
    std::string policies;
    for (const HpaScalingPolicy &p : rules.policies)
        policies += fmt::format("{}{} {} per {} s", policies.empty() ? "" : ", ",
                                HpaSpec::policyTypeKey(p.type), p.value, p.periodSeconds);
    return fmt::format("window {:g} s, select {}, policies: {}", window,
                       HpaSpec::selectPolicyKey(rules.selectPolicy),
                       policies.empty() ? "none" : policies);
}

std::string settingsText(const HpaWhatIfSettings &settings)
{
    if (settings.empty())
        return "the spec as loaded";
    std::string out;
    for (const auto &[k, v] : settings)
        out += fmt::format("{}{}={}", out.empty() ? "" : " ", k, v);
    return out;
}

/// One line of scorecard KPIs, with the difference to `base` when given.
std::string kpiText(const Scorecard &k, const Scorecard *base)
{
    const auto d = [&](const std::optional<double> &v, const std::optional<double> &b) {
        return base ? delta(v, b) : std::string();
    };
    const std::optional<double> hours = k.judged() ? std::optional(k.replicaHours()) : std::nullopt;
    const std::optional<double> baseHours =
        base && base->judged() ? std::optional(base->replicaHours()) : std::nullopt;
    return fmt::format(
        "{} replica-h{}, mean {}{} replicas, thetaU {}{} %, thetaO {}{} %, tauU {}{} %, tauO "
        "{}{} %, upsilon {} %, psi {}/min, {} reversals, reaction median {} s",
        opt(hours, "{:.3f}"), d(hours, baseHours), opt(k.meanReplicas),
        d(k.meanReplicas, base ? base->meanReplicas : std::nullopt), opt(k.underAccuracyPct),
        d(k.underAccuracyPct, base ? base->underAccuracyPct : std::nullopt), opt(k.overAccuracyPct),
        d(k.overAccuracyPct, base ? base->overAccuracyPct : std::nullopt), opt(k.underTimesharePct),
        d(k.underTimesharePct, base ? base->underTimesharePct : std::nullopt),
        opt(k.overTimesharePct),
        d(k.overTimesharePct, base ? base->overTimesharePct : std::nullopt), opt(k.instabilityPct),
        opt(k.jitterPerMin, "{:.3f}"), k.reversals, opt(k.reactionMedianS, "{:.0f}"));
}

} // namespace

std::string ReplayText::render(const HpaReplayReport &r, const std::string &experimentName)
{
    fmt::memory_buffer out;
    auto it = std::back_inserter(out);
    const HpaSpec &s = r.spec.spec;
    const auto isAssumed = [&](std::string_view f) {
        return std::find(r.spec.assumed.begin(), r.spec.assumed.end(), f) != r.spec.assumed.end()
                   ? " (assumed)"
                   : "";
    };
    fmt::format_to(it, "HPA replay of {}\n\nSpec used (source: {}{})\n", experimentName,
                   HpaSpec::sourceKey(r.spec.source), s.name.empty() ? "" : ", " + s.name);
    fmt::format_to(
        it, "  replicas {}{} to {}{}; tolerance {:g}/{:g} (down/up){}; sync every {:g} s{}\n",
        s.minReplicas, isAssumed("min_replicas"), s.maxReplicas, isAssumed("max_replicas"),
        s.toleranceDown(), s.toleranceUp(), isAssumed("tolerance"), s.controller.syncPeriodSeconds,
        isAssumed("sync_period_s"));
    for (const HpaMetricSpec &m : s.metrics)
        fmt::format_to(it, "  metric {}: target {:g} per pod\n", m.name, m.target);
    if (s.behavior) {
        fmt::format_to(it, "  scale-up:   {}\n",
                       rulesText(s.behavior->scaleUp, s.scaleUpWindowSeconds()));
        fmt::format_to(it, "  scale-down: {}\n",
                       rulesText(s.behavior->scaleDown, s.scaleDownWindowSeconds()));
    } else {
        fmt::format_to(it,
                       "  no behavior{}: scale-down window {:g} s, scale-up at most "
                       "max(2 x current, 4) per sync\n",
                       isAssumed("behavior"), s.controller.downscaleStabilizationSeconds);
    }
    if (!r.spec.assumed.empty()) {
        std::string list;
        for (const std::string &a : r.spec.assumed)
            list += (list.empty() ? "" : ", ") + a;
        fmt::format_to(it, "  assumed (not recorded, Kubernetes defaults): {}\n", list);
    }
    for (const std::string &n : r.spec.notes)
        fmt::format_to(it, "  note: {}\n", n);
    for (const LoadWarning &w : r.spec.warnings)
        fmt::format_to(it, "  warning: {}:{}: {}\n", w.file, w.line, w.message);
    if (!r.problem.empty()) {
        fmt::format_to(it, "\nNothing replayed: {}\n", r.problem);
        return fmt::to_string(out);
    }
    const HpaSelfCheck &c = r.selfCheck;
    fmt::format_to(it,
                   "\nSelf-check: open-loop replay vs the recorded desired_replicas ({} syncs, "
                   "{} skipped for stale or missing metrics; the first {:g} s are warm-up, "
                   "not scored)\n",
                   r.syncs, r.skippedSyncs, c.warmupSeconds);
    if (c.agreement) {
        fmt::format_to(it,
                       "  agreement {:.1f} % of {:.0f} s compared, mean |difference| {:.2f} "
                       "replicas, first divergence {}\n",
                       100.0 * *c.agreement, c.comparedSeconds, c.meanAbsDiff.value_or(0),
                       c.firstDivergenceS ? fmt::format("at {:.0f} s", *c.firstDivergenceS)
                                          : std::string("none"));
        if (*c.agreement < 0.75)
            fmt::format_to(it, "  below 75 %: the spec is probably not the one the run used "
                               "(tolerance, windows, policies), or the data has unit leaks\n");
    } else {
        fmt::format_to(it, "  not computed: no desired_replicas column or no covered time\n");
    }
    fmt::format_to(it,
                   "\nWhat-ifs: closed-loop ESTIMATES (the simulated replicas share the "
                   "recorded load; latency is not predicted), scored by the scorecard against "
                   "the recording's {} demand (floor {}, onset delay {:g} s)\n",
                   ScorecardSettings::demandKey(r.recorded.settings.demand),
                   r.recorded.limits.floor(), r.recorded.settings.onsetDelaySeconds);
    const Scorecard &b = r.recorded;
    fmt::format_to(it, "  recording: {}\n", kpiText(b, nullptr));
    for (std::size_t i = 0; i < r.whatIfs.size(); ++i) {
        const HpaWhatIf::Outcome &o = r.whatIfs[i];
        fmt::format_to(it, "  #{} {} (estimate)\n", i, settingsText(o.settings));
        if (!o.problem.empty()) {
            fmt::format_to(it, "     not replayed: {}\n", o.problem);
            continue;
        }
        fmt::format_to(it, "     {}; elastic speedup {}\n", kpiText(o.scorecard, &b),
                       opt(o.elasticSpeedup, "{:.3f}"));
    }
    return fmt::to_string(out);
}

std::string ReplayText::csv(const HpaReplayReport &r)
{
    std::vector<std::string> keys;
    for (const HpaWhatIf::Outcome &o : r.whatIfs) {
        for (const auto &[k, v] : o.settings) {
            if (std::find(keys.begin(), keys.end(), k) == keys.end())
                keys.push_back(k);
        }
    }
    fmt::memory_buffer out;
    auto it = std::back_inserter(out);
    for (const std::string &k : keys)
        fmt::format_to(it, "{},", k);
    fmt::format_to(it, "replica_hours,mean_replicas,under_accuracy_pct,over_accuracy_pct,"
                       "under_timeshare_pct,over_timeshare_pct,instability_pct,jitter_per_min,"
                       "reversals,reaction_s_median,elastic_speedup\n");
    const auto cell = [](const std::optional<double> &v) {
        return v ? fmt::format("{:.6g}", *v) : std::string();
    };
    for (const HpaWhatIf::Outcome &o : r.whatIfs) {
        for (const std::string &k : keys) {
            const auto f = std::find_if(o.settings.begin(), o.settings.end(),
                                        [&](const auto &p) { return p.first == k; });
            fmt::format_to(it, "{},", f == o.settings.end() ? std::string() : f->second);
        }
        const Scorecard &k = o.scorecard;
        fmt::format_to(it, "{:.6g},{},{},{},{},{},{},{}\n", k.replicaHours(), cell(k.meanReplicas),
                       cell(k.underAccuracyPct), cell(k.overAccuracyPct), cell(k.underTimesharePct),
                       cell(k.overTimesharePct), k.reversals, cell(o.elasticSpeedup));
    }
    return fmt::to_string(out);
}

} // namespace hpa::core
