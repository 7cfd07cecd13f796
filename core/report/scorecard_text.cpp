#include "core/report/scorecard_text.h"

#include "core/model/number_format.h"

#include <fmt/format.h>

namespace hpa::core {

namespace {

constexpr std::string_view kRule =
    "======================================================================\n";

std::string value(const std::optional<double> &v, int decimals = 2)
{
    return v ? NumberFormat::fixed(*v, decimals) : std::string("N/A");
}

std::string seconds(const std::optional<double> &v)
{
    return v ? NumberFormat::fixed(*v, 1) + " s" : std::string("censored");
}

} // namespace

std::string ScorecardText::render(const Scorecard &s)
{
    std::string out;
    out += kRule;
    out += "AUTOSCALING SCORECARD (elasticity-kpis.md; supply = requested replicas)\n";
    out += kRule;
    const std::string res = NumberFormat::fixed(s.resolutionS, 1);
    out += fmt::format("Demand:            {} (min {} replicas, max {}), onset delay {} s\n",
                       ScorecardSettings::demandKey(s.settings.demand), s.limits.floor(),
                       s.limits.maxReplicas ? fmt::format("{}", *s.limits.maxReplicas)
                                            : std::string("unknown"),
                       NumberFormat::fixed(s.settings.onsetDelaySeconds, 1));
    out += fmt::format("Covered time:      {} s ({} s uncovered; gap threshold {} s, "
                       "resolution {} s)\n",
                       NumberFormat::fixed(s.coveredS, 1), NumberFormat::fixed(s.uncoveredS, 1),
                       NumberFormat::fixed(s.gapThresholdS, 1), res);
    if (!s.hasReplicas || !s.hasMetric) {
        out += s.hasReplicas ? "Not judged: no waiting or KV cache column with its target.\n"
                             : "Not judged: no replicas column.\n";
        out += '\n';
        return out;
    }
    const auto sum = [&s](double v, int decimals) {
        return s.judged() ? NumberFormat::fixed(v, decimals) : std::string("N/A");
    };
    out += fmt::format("Replica-seconds:   {} ({} replica-h, mean {} replicas)\n",
                       sum(s.replicaSeconds, 1), sum(s.replicaHours(), 3), value(s.meanReplicas));
    out += fmt::format("Wasted / missing:  {} / {} replica-s\n", sum(s.wastedReplicaSeconds, 1),
                       sum(s.missingReplicaSeconds, 1));
    out += fmt::format("Under-provisioning accuracy thetaU: {} %   timeshare tauU: {} %\n",
                       value(s.underAccuracyPct), value(s.underTimesharePct));
    out += fmt::format("Over-provisioning accuracy  thetaO: {} %   timeshare tauO: {} %\n",
                       value(s.overAccuracyPct), value(s.overTimesharePct));
    out += fmt::format("Instability upsilon: {} %   jitter psi: {} adaptations/min\n",
                       value(s.instabilityPct), value(s.jitterPerMin, 3));
    out += fmt::format("Reversals (< {} s apart): {}\n",
                       NumberFormat::fixed(s.settings.reversalWindowSeconds, 0), s.reversals);
    out += fmt::format("Scale-up episodes: {} ({} censored); median reaction {}, median time to "
                       "relief {} (+/- {} s)\n",
                       s.episodes.size(), s.censored,
                       s.reactionMedianS ? seconds(s.reactionMedianS) : "N/A",
                       s.timeToReliefMedianS ? seconds(s.timeToReliefMedianS) : "N/A", res);
    if (!s.episodes.empty()) {
        out += fmt::format("  {:>4}{:>12}{:>12}{:>12}{:>12}{:>12}{:>14}{:>16}\n", "#", "breach",
                           "decision", "caught up", "relief", "reaction", "catch-up",
                           "time to relief");
        std::size_t n = 0;
        for (const ScalingEpisode &e : s.episodes) {
            out += fmt::format("  {:>4}{:>12}{:>12}{:>12}{:>12}{:>12}{:>14}{:>16}\n", ++n,
                               seconds(e.breachS), seconds(e.decisionS), seconds(e.caughtUpS),
                               seconds(e.reliefS), seconds(e.reactionS()), seconds(e.catchUpS()),
                               seconds(e.timeToReliefS()));
        }
        out += "  (seconds from the first sample; catch-up = HPA status catch-up, not pod "
               "readiness)\n";
    }
    const auto slo = [&out](std::string_view name, const SloAttainment &a) {
        if (!a.collected) {
            out += fmt::format("SLO {}: not collected\n", name);
            return;
        }
        out += fmt::format("SLO {} <= {} ms: {} % of covered time (windowed mean, not % of "
                           "requests)\n",
                           name, NumberFormat::fixed(a.limitMs, 1), value(a.attainmentPct));
    };
    slo("TTFT", s.ttft);
    slo("ITL", s.itl);
    out += '\n';
    return out;
}

} // namespace hpa::core
