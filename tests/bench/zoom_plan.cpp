#include "zoom_plan.h"

#include <algorithm>
#include <cmath>

namespace hpa::bench {

std::vector<std::pair<double, double>> ZoomPlan::ranges(double from, double to, int steps)
{
    std::vector<std::pair<double, double>> out;
    const double full = to - from;
    const int n = std::max(steps, 1);
    for (int i = 0; i < n; ++i) {
        const double t = n == 1 ? 0.0 : static_cast<double>(i) / (n - 1);
        // Spans 1 .. 1/1000 of the data, alternating wide and narrow so consecutive steps
        // differ (the charts cannot reuse the previous slice).
        const double exponent = (i % 2 == 0 ? t : 1.0 - t) * 3.0;
        const double span = std::max(full * std::pow(10.0, -exponent), 1.0);
        const double centre = from + full * (0.1 + 0.8 * std::fmod(0.37 * i, 1.0));
        const double lo = std::clamp(centre - span / 2, from, std::max(from, to - span));
        out.emplace_back(lo, std::min(lo + span, to));
    }
    return out;
}

} // namespace hpa::bench
