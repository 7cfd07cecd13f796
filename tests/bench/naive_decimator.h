#pragma once

#include "core/plot/decimator.h"

#include <span>
#include <vector>

namespace hpa::bench {

/// The baseline decimation: min/max per pixel column found by scanning the whole series on
/// every step (no binary search for the visible slice).
class NaiveDecimator
{
public:
    /// Same output contract as core::Decimator::minMax without gap handling.
    static std::vector<core::PlotPoint> minMax(std::span<const double> x, std::span<const double> y,
                                               double x0, double x1, int pixels);
};

} // namespace hpa::bench
