#include "core/analysis/pareto_front.h"

#include <algorithm>
#include <cmath>

namespace hpa::core {

std::vector<std::size_t> ParetoFront::indices(const std::vector<Point> &points, bool lowerX,
                                              bool lowerY)
{
    // Flip the axes so that lower is better on both, then sweep in x order keeping the best
    // y seen so far: O(n log n).
    const auto x = [&](std::size_t i) { return lowerX ? points[i].x : -points[i].x; };
    const auto y = [&](std::size_t i) { return lowerY ? points[i].y : -points[i].y; };
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < points.size(); ++i) {
        if (std::isfinite(points[i].x) && std::isfinite(points[i].y))
            order.push_back(i);
    }
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return x(a) != x(b) ? x(a) < x(b) : y(a) < y(b);
    });
    std::vector<std::size_t> front;
    bool any = false;
    double bestY = 0, bestYX = 0;
    for (std::size_t i : order) {
        // An identical copy of the best point is not beaten by it.
        if (!any || y(i) < bestY || (y(i) == bestY && x(i) == bestYX)) {
            front.push_back(i);
            if (!any || y(i) < bestY) {
                bestY = y(i);
                bestYX = x(i);
            }
            any = true;
        }
    }
    std::stable_sort(front.begin(), front.end(),
                     [&](std::size_t a, std::size_t b) { return points[a].x < points[b].x; });
    return front;
}

std::vector<bool> ParetoFront::of(const std::vector<Point> &points)
{
    std::vector<bool> on(points.size(), false);
    for (std::size_t i : indices(points, true, true))
        on[i] = true;
    return on;
}

} // namespace hpa::core
