#pragma once

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

    /// G = max(3 x median interval, 60 s): longer intervals are gaps.
    static double gapThreshold(double medianInterval);
    /// Median of the non-missing values (the mean of the middle two for an even count).
    static std::optional<double> median(std::vector<double> values);
};

} // namespace hpa::core
