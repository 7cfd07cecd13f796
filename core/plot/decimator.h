#pragma once

#include <cstddef>
#include <span>
#include <vector>

namespace hpa::core {

struct PlotPoint
{
    double x = 0, y = 0;
    bool operator==(const PlotPoint &) const = default;
};

/// Reduces a series to what a chart of a given pixel width can show, keeping every spike.
class Decimator
{
public:
    /// Indices [first, last) of samples that matter for drawing [x0, x1]: the samples inside
    /// the range plus one neighbour on each side so lines run to the edges. Binary search.
    static std::pair<std::size_t, std::size_t> visibleSlice(std::span<const double> x, double x0,
                                                            double x1);

    /// The pixel column (0 .. columns-1) of `x` when [x0, x1] is split into `columns`.
    static std::size_t pixelColumn(double x, double x0, double x1, std::size_t columns);

    /// Min/max per pixel column over [x0, x1] split into `pixels` columns: at most 2 points
    /// per column (in the order they occur), plus the neighbours outside the range. NaN values
    /// break the line: a NaN point is emitted where a column had only missing values, and
    /// wherever consecutive kept samples are more than `gapSeconds` apart (0 = never), so the
    /// caller can split the line there. Output is ascending in x.
    static std::vector<PlotPoint> minMax(std::span<const double> x, std::span<const double> y,
                                         double x0, double x1, int pixels, double gapSeconds = 0);
};

} // namespace hpa::core
