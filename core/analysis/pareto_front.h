#pragma once

#include <cstddef>
#include <vector>

namespace hpa::core {

/// The Pareto front of points where both coordinates are costs (lower is better), e.g.
/// replica-hours against under-provisioning: the what-ifs no other what-if beats on both.
class ParetoFront
{
public:
    struct Point
    {
        double x, y;
    };
    /// For each point, whether it is on the front: no other point has x' <= x and y' <= y with
    /// one of them strictly lower. Points with a non-finite coordinate are never on it. Equal
    /// points are all on it. O(n log n).
    static std::vector<bool> of(const std::vector<Point> &points);
};

} // namespace hpa::core
