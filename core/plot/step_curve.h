#pragma once

#include <cstddef>
#include <span>
#include <vector>

namespace hpa::core {

/// A replica count per sample row reduced to the points where it changes: a million-row
/// what-if is a few hundred steps, so the chart draws and hit-tests those instead of every row.
struct StepCurve
{
    std::vector<double> time; ///< the first row, every row whose count differs, the last row
    std::vector<int> count;   ///< the count from that time on (< 0: unknown)

    /// The steps of `counts` (one per row of `time`); empty when the sizes differ or are 0.
    static StepCurve of(std::span<const double> time, const std::vector<int> &counts);
    /// The count in force at `t` (the last step at or before it); -1 before the first step.
    int at(double t) const;
    /// The largest known count, 0 when none is known.
    int maximum() const;
};

} // namespace hpa::core
