#pragma once

#include "core/analysis/experiment_summary.h"
#include "core/analysis/scorecard_settings.h"
#include "core/model/experiment.h"
#include "core/model/slo_limits.h"

#include <span>
#include <vector>

namespace hpa::core {

/// Computes the summary of an experiment: everything the notebook computes, and more.
class ExperimentAnalyzer
{
public:
    /// The full summary of `experiment`, its autoscaling scorecard under `scorecard`.
    static ExperimentSummary summarize(const Experiment &experiment,
                                       const ScorecardSettings &scorecard = {});

    /// Per-sample "value > that row's target" flags (missing value or target: not exceeded).
    static std::vector<bool> exceeded(std::span<const double> values,
                                      std::span<const double> targets);

    /// The series that get statistics, in display order, that `experiment` has.
    static std::vector<std::string> summaryKeys(const Experiment &experiment);

    /// TTFT and ITL zeros mean "no data"; their statistics use values > 0 only.
    static bool positiveOnly(std::string_view key);
};

} // namespace hpa::core
