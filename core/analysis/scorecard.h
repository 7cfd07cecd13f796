#pragma once

#include "core/analysis/hpa_limits.h"
#include "core/analysis/scaling_episode.h"
#include "core/analysis/scorecard_settings.h"

#include <optional>
#include <vector>

namespace hpa::core {

/// Time-weighted SLO attainment of one windowed-mean latency series (spec §10).
struct SloAttainment
{
    bool collected = false; ///< some value > 0 in the column
    double limitMs = 0;
    /// % of the covered time with a value (> 0) during which the value was <= the limit.
    std::optional<double> attainmentPct;
};

/// How well the HPA followed the demand: the elasticity KPIs of `../shared/specs/
/// elasticity-kpis.md` under the exact conventions of issue 12. Sums run over covered
/// intervals (0 < dt <= gap threshold, replicas and demand known); every ratio is nullopt when
/// nothing was covered. Supply is the `replicas` column: the HPA's requested count.
struct Scorecard
{
    ScorecardSettings settings;
    HpaLimits limits;
    bool hasReplicas = false; ///< the table has a replicas column
    bool hasMetric = false;   ///< ... and a waiting or KV cache column with its target

    double startSeconds = 0;  ///< time of the first sample (episode times count from it)
    double resolutionS = 0;   ///< median sample interval: the resolution of time KPIs
    double gapThresholdS = 0; ///< G = max(3 x median interval, 60 s)
    double coveredS = 0;      ///< T
    double uncoveredS = 0;    ///< (last - first sample) - T
    std::size_t uncoveredIntervals = 0;

    double replicaSeconds = 0;
    double wastedReplicaSeconds = 0;  ///< sum (s - d)+ dt
    double missingReplicaSeconds = 0; ///< sum (d - s)+ dt
    std::optional<double> meanReplicas;
    std::optional<double> underAccuracyPct, overAccuracyPct;   ///< theta_U %, theta_O %
    std::optional<double> underTimesharePct, overTimesharePct; ///< tau_U, tau_O
    std::optional<double> instabilityPct;                      ///< upsilon
    std::optional<double> jitterPerMin;                        ///< psi, BUNGEE unit count
    std::size_t reversals = 0;

    std::vector<ScalingEpisode> episodes;
    std::optional<double> reactionMedianS, timeToReliefMedianS;
    std::size_t censored = 0;

    SloAttainment ttft, itl;

    double replicaHours() const { return replicaSeconds / 3600.0; }
    /// True when there was anything to judge: replicas, a metric and some covered time.
    bool judged() const { return coveredS > 0; }
};

} // namespace hpa::core
