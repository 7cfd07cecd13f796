#include "core/library/pareto_front.h"

#include <algorithm>
#include <numeric>

namespace hpa::core {

std::vector<std::size_t> ParetoFront::indices(const std::vector<Point> &points, bool lowerX,
                                              bool lowerY)
{
    // Flip the axes so that lower is better on both, then sweep in x order keeping the best
    // y seen so far: O(n log n).
    const auto x = [&](std::size_t i) {
        return lowerX ? points[i].x : -points[i].x;
    };
    const auto y = [&](std::size_t i) {
        return lowerY ? points[i].y : -points[i].y;
    };
    std::vector<std::size_t> order(points.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return x(a) != x(b) ? x(a) < x(b) : y(a) < y(b);
    });
    std::vector<std::size_t> front;
    bool any = false;
    double bestY = 0, bestYX = 0;
    for (std::size_t i : order) {
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

} // namespace hpa::core
