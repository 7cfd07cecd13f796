#pragma once

#include <utility>
#include <vector>

namespace hpa::bench {

/// The ranges a zoom benchmark walks through: from the full extent down to a thousandth of
/// it, with the centre wandering across the data, so both wide (many samples per pixel) and
/// narrow (few samples) steps are timed. Deterministic, so every size sees the same shape.
class ZoomPlan
{
public:
    /// `steps` ranges inside [from, to].
    static std::vector<std::pair<double, double>> ranges(double from, double to, int steps);
};

} // namespace hpa::bench
