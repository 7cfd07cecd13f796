#pragma once

#include <cstddef>
#include <vector>

namespace hpa::core {

/// The points no other point beats on both axes: the trade-offs worth looking at when cost
/// (replica-hours) is set against quality (θU %, τU %, SLO attainment) — across runs in the
/// library's scatter, across what-ifs in the sweep view. One rule for both.
class ParetoFront
{
public:
    struct Point
    {
        double x = 0, y = 0;
    };

    /// Indices of the non-dominated points of `points`, sorted by x. `lowerX` / `lowerY`: the
    /// axis is better when lower. A point is dominated when another is at least as good on
    /// both axes and better on one; equal points are all on the front. Points with a
    /// non-finite coordinate (not scored) are never on it and dominate nothing. O(n log n).
    static std::vector<std::size_t> indices(const std::vector<Point> &points, bool lowerX,
                                            bool lowerY);
    /// For each point, whether it is on the front when both coordinates are costs (lower is
    /// better).
    static std::vector<bool> of(const std::vector<Point> &points);
};

} // namespace hpa::core
