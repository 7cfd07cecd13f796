#include "core/report/scorecard_json.h"

#include "core/report/summary_json.h"

#include <cmath>

namespace hpa::core {

using Json = nlohmann::ordered_json;

namespace {

/// The one number rule of the JSON reports (10 significant digits, null when not finite).
Json number(double v)
{
    return SummaryJson::number(v);
}

Json optional(const std::optional<double> &v)
{
    return v ? number(*v) : Json(nullptr);
}

Json optionalInt(const std::optional<int> &v)
{
    return v ? Json(*v) : Json(nullptr);
}

Json slo(const SloAttainment &a)
{
    if (!a.collected)
        return Json{{"collected", false}};
    return Json{{"limit", number(a.limitMs)}, {"attainment_pct", optional(a.attainmentPct)}};
}

} // namespace

Json ScorecardJson::toJson(const Scorecard &s)
{
    // Sums over no covered time are unknown, not 0.
    const auto sum = [&s](double v) {
        return s.judged() ? number(v) : Json(nullptr);
    };
    Json j;
    j["demand"] = std::string(ScorecardSettings::demandKey(s.settings.demand));
    j["onset_delay_s"] = number(s.settings.onsetDelaySeconds);
    j["gap_threshold_s"] = number(s.gapThresholdS);
    j["uncovered_s"] = number(s.uncoveredS);
    j["covered_s"] = number(s.coveredS);
    j["resolution_s"] = number(s.resolutionS);
    j["min_replicas"] = s.limits.floor();
    j["max_replicas"] = optionalInt(s.limits.maxReplicas);
    j["replica_seconds"] = sum(s.replicaSeconds);
    j["replica_hours"] = sum(s.replicaHours());
    j["mean_replicas"] = optional(s.meanReplicas);
    j["wasted_replica_seconds"] = sum(s.wastedReplicaSeconds);
    j["missing_replica_seconds"] = sum(s.missingReplicaSeconds);
    j["under_accuracy_pct"] = optional(s.underAccuracyPct);
    j["over_accuracy_pct"] = optional(s.overAccuracyPct);
    j["under_timeshare_pct"] = optional(s.underTimesharePct);
    j["over_timeshare_pct"] = optional(s.overTimesharePct);
    j["instability_pct"] = optional(s.instabilityPct);
    j["jitter_per_min"] = optional(s.jitterPerMin);
    j["reversals"] = s.hasReplicas ? Json(s.reversals) : Json(nullptr);
    Json episodes = Json::array();
    for (const ScalingEpisode &e : s.episodes) {
        episodes.push_back(Json{{"breach_s", number(e.breachS)},
                                {"decision_s", optional(e.decisionS)},
                                {"caught_up_s", optional(e.caughtUpS)},
                                {"relief_s", optional(e.reliefS)},
                                {"reaction_s", optional(e.reactionS())},
                                {"catch_up_s", optional(e.catchUpS())},
                                {"time_to_relief_s", optional(e.timeToReliefS())}});
    }
    j["episodes"] = std::move(episodes);
    j["reaction_s_median"] = optional(s.reactionMedianS);
    j["time_to_relief_s_median"] = optional(s.timeToReliefMedianS);
    j["censored"] = s.censored;
    j["slo"] = Json{{"ttft_ms", slo(s.ttft)}, {"itl_ms", slo(s.itl)}};
    return j;
}

} // namespace hpa::core
