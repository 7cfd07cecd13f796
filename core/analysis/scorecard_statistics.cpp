#include "core/analysis/scorecard_statistics.h"

#include <cmath>

namespace hpa::core {

void ScorecardStatistics::append(const Scorecard &s, std::vector<Statistic> &out)
{
    constexpr Direction kLower = Direction::LowerIsBetter;
    constexpr Direction kHigher = Direction::HigherIsBetter;
    constexpr Direction kNeutral = Direction::Neutral;
    const std::string group = "Autoscaling";
    const auto add = [&](const char *key, const char *label, std::optional<double> value,
                         Direction better, double resolution = 0) {
        if (value && !std::isfinite(*value))
            value.reset();
        Statistic st{group, std::string("autoscaling.") + key, label, value, better};
        st.resolution = resolution;
        out.push_back(std::move(st));
    };
    const auto sum = [&s](double v) {
        return s.judged() ? std::optional(v) : std::nullopt;
    };
    // Replica-seconds grow with the run's length: graded per covered hour through the mean.
    add("mean_replicas", "Mean requested replicas", s.meanReplicas, kNeutral);
    add("wasted_replica_seconds", "Wasted replica-s (over demand)", sum(s.wastedReplicaSeconds),
        kLower);
    add("missing_replica_seconds", "Missing replica-s (under demand)", sum(s.missingReplicaSeconds),
        kLower);
    add("under_accuracy_pct", "Under-provisioning accuracy thetaU (%)", s.underAccuracyPct, kLower);
    add("over_accuracy_pct", "Over-provisioning accuracy thetaO (%)", s.overAccuracyPct, kLower);
    add("under_timeshare_pct", "Under-provisioned time tauU (%)", s.underTimesharePct, kLower);
    add("over_timeshare_pct", "Over-provisioned time tauO (%)", s.overTimesharePct, kLower);
    add("instability_pct", "Instability upsilon (%)", s.instabilityPct, kLower);
    // psi is ideal at 0 and bad either way (too inert or oscillating): a signed difference
    // has no direction.
    add("jitter_per_min", "Jitter psi (adaptations/min)", s.jitterPerMin, kNeutral);
    const double hours = s.coveredS / 3600.0;
    add("reversals_per_hour", "Reversals per covered hour",
        s.hasReplicas && hours > 0 ? std::optional(double(s.reversals) / hours) : std::nullopt,
        kLower);
    add("episodes", "Scale-up episodes", double(s.episodes.size()), kNeutral);
    add("censored", "Censored episodes", double(s.censored), kNeutral);
    add("reaction_s_median", "Median reaction (s)", s.reactionMedianS, kLower, s.resolutionS);
    add("time_to_relief_s_median", "Median time to relief (s)", s.timeToReliefMedianS, kLower,
        s.resolutionS);
    add("slo.ttft_ms.attainment_pct", "TTFT SLO attainment (% of time)", s.ttft.attainmentPct,
        kHigher);
    add("slo.itl_ms.attainment_pct", "ITL SLO attainment (% of time)", s.itl.attainmentPct,
        kHigher);
    add("resolution_s", "Resolution (median interval, s)", s.resolutionS, kNeutral);
}

} // namespace hpa::core
