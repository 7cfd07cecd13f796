#pragma once

#include "core/model/metrics_table.h"

#include <optional>
#include <vector>

namespace hpa::core {

/// How well an open-loop replay reproduces the recorded `desired_replicas` (hpa-algorithm.md
/// §7): over covered intervals (0 < dt <= G, both counts known) after the warm-up, the share of
/// time with equal counts, the time-weighted mean absolute difference, and the first sample
/// where they differ. The warm-up (the longest stabilization window or policy period, at least
/// one sync) is not scored: the controller's memory from before the recording is unknown.
struct HpaSelfCheck
{
    std::optional<double> agreement;        ///< 0..1; nullopt when nothing could be compared
    std::optional<double> meanAbsDiff;      ///< replicas
    std::optional<double> firstDivergenceS; ///< seconds from the first sample; nullopt: none
    double comparedSeconds = 0;
    double warmupSeconds = 0;

    /// `replayed`: HpaReplay::Result::desired (one per row).
    static HpaSelfCheck compare(const MetricsTable &table, const std::vector<int> &replayed,
                                double gapThresholdSeconds, double warmupSeconds);
};

} // namespace hpa::core
