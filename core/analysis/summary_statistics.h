#pragma once

#include "core/analysis/experiment_summary.h"

#include <optional>
#include <string>
#include <vector>

namespace hpa::core {

/// Which way a statistic should move for a run to count as an improvement.
enum class Direction
{
    LowerIsBetter,
    HigherIsBetter,
    Neutral ///< describes the run (its size, its load) rather than grading it
};

/// One named number of a summary, as listed in the summary CSV and the comparison table.
struct Statistic
{
    std::string group; ///< section title ("Run", "TTFT (ms)", "Threshold violations")
    std::string key;   ///< stable id ("duration_s", "series.ttft_ms.p90")
    std::string label; ///< human label within the group ("p90")
    std::optional<double> value;
    Direction better = Direction::Neutral;
    /// The measurement's resolution (e.g. the sample interval of a time KPI): a difference
    /// between two runs no larger than this is not a change.
    double resolution = 0;
};

/// Flattens an ExperimentSummary into keyed statistics, the common ground of the summary CSV
/// and the comparison of two runs.
class SummaryStatistics
{
public:
    /// Every statistic of `summary`, series in the summary's own order.
    static std::vector<Statistic> list(const ExperimentSummary &summary);
    /// Same, with the series taken in `seriesOrder`; a series the summary lacks (or has no
    /// statistics for) still gets its rows, with no value, so two runs list the same keys.
    static std::vector<Statistic> list(const ExperimentSummary &summary,
                                       const std::vector<std::string> &seriesOrder);

    /// The direction rule for a series statistic ("count", "mean", "p90", ...).
    static Direction seriesDirection(std::string_view seriesKey, std::string_view stat);
};

} // namespace hpa::core
