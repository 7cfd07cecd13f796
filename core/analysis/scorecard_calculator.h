#pragma once

#include "core/analysis/demand_cache.h"
#include "core/analysis/scorecard.h"
#include "core/model/experiment.h"

namespace hpa::core {

/// Computes the autoscaling scorecard of a run in one pass over its table (after the median
/// sample interval, which sets the gap threshold).
class ScorecardCalculator
{
public:
    /// The scorecard of `experiment` under `settings`; HPA bounds from its metadata or
    /// scaling.log.
    static Scorecard compute(const Experiment &experiment, const ScorecardSettings &settings = {});
    /// Same on a bare table with the given bounds (tests, the bench).
    static Scorecard compute(const MetricsTable &table, const HpaLimits &limits,
                             const ScorecardSettings &settings = {});

    /// A replica curve other than the recorded one (a what-if), one count per row (< 0 =
    /// unknown); `desired` likewise, or empty to use `supply` as the desired count too.
    struct Supply
    {
        const std::vector<int> *replicas = nullptr;
        const std::vector<int> *desired = nullptr;
        /// The table's median sample interval when the caller already has it (a sweep scores
        /// the same table many times); <= 0: computed here.
        double resolutionS = 0;
        /// The demand of the same table, limits and settings, precomputed (a sweep scores
        /// every what-if against it); nullptr or another size: computed here.
        const DemandCache *demand = nullptr;
    };
    /// The scorecard of `supply` against the demand of the recording in `table` (its replicas,
    /// metrics and targets): the same demand and breach/relief instants as compute(table,
    /// ...); only the supply and the desired count differ. Not predicted, so unknown: the SLO
    /// attainment and the median time to relief (they depend on the latencies and the load
    /// another curve would have caused). `supply.replicas` must have one count per row.
    static Scorecard compute(const MetricsTable &table, const HpaLimits &limits,
                             const ScorecardSettings &settings, const Supply &supply);

    /// G = max(3 x median interval, 60 s): longer intervals are gaps.
    static double gapThreshold(double medianInterval);
    /// Median of the non-missing values (the mean of the middle two for an even count).
    static std::optional<double> median(std::vector<double> values);
};

} // namespace hpa::core
