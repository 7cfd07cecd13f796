#pragma once

#include "core/analysis/comparison.h"
#include "core/analysis/experiment_summary.h"

#include <string>

namespace hpa::core {

/// The statistics of a run, or of two runs side by side, as CSV (keys as in SummaryStatistics).
class SummaryCsvWriter
{
public:
    /// `statistic,value`, one row per statistic; a missing value is an empty cell.
    static std::string write(const ExperimentSummary &summary);
    /// `statistic,a,b,delta,percent`, one row per comparison row.
    static std::string write(const ExperimentComparison &comparison);
};

} // namespace hpa::core
