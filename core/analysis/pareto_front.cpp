#include "core/analysis/pareto_front.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace hpa::core {

std::vector<bool> ParetoFront::of(const std::vector<Point> &points)
{
    std::vector<bool> front(points.size(), false);
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < points.size(); ++i) {
        if (std::isfinite(points[i].x) && std::isfinite(points[i].y))
            order.push_back(i);
    }
    // By x, then y: a point is dominated iff some point before it (lower x, or equal x and
    // lower y) has y <= its y — except an identical point, which does not dominate.
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return points[a].x != points[b].x ? points[a].x < points[b].x : points[a].y < points[b].y;
    });
    double bestY = std::numeric_limits<double>::infinity();
    double bestX = 0;
    for (std::size_t i : order) {
        const Point &p = points[i];
        const bool sameAsBest = p.y == bestY && p.x == bestX;
        if (p.y < bestY || sameAsBest) {
            front[i] = true;
            bestY = p.y;
            bestX = p.x;
        }
    }
    return front;
}

} // namespace hpa::core
