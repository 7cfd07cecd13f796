#include "core/analysis/elastic_speedup.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace hpa::core {

std::optional<double> ElasticSpeedup::of(const Scorecard &base, const Scorecard &k)
{
    const std::array b{base.underAccuracyPct, base.overAccuracyPct, base.underTimesharePct,
                       base.overTimesharePct};
    const std::array m{k.underAccuracyPct, k.overAccuracyPct, k.underTimesharePct,
                       k.overTimesharePct};
    constexpr double kFloor = 0.01;
    double logSum = 0;
    for (std::size_t i = 0; i < b.size(); ++i) {
        if (!b[i] || !m[i])
            return std::nullopt;
        logSum += std::log(std::max(*b[i], kFloor) / std::max(*m[i], kFloor));
    }
    return std::exp(logSum / static_cast<double>(b.size()));
}

} // namespace hpa::core
