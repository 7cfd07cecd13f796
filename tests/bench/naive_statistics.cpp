#include "naive_statistics.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace hpa::bench {

namespace {

double percentileOfSorted(const std::vector<double> &sorted, double q)
{
    const double r = q / 100.0 * static_cast<double>(sorted.size() - 1);
    const auto lo = static_cast<std::size_t>(std::floor(r));
    const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (r - static_cast<double>(lo));
}

} // namespace

NaiveStatistics::Stats NaiveStatistics::describe(std::span<const double> values, bool positiveOnly)
{
    std::vector<double> kept;
    for (const double v : values) {
        if (std::isfinite(v) && (!positiveOnly || v > 0))
            kept.push_back(v);
    }
    Stats stats;
    if (kept.empty())
        return stats;
    std::sort(kept.begin(), kept.end());
    double sum = 0;
    for (const double v : kept)
        sum += v;
    stats.count = kept.size();
    stats.mean = sum / static_cast<double>(kept.size());
    stats.min = kept.front();
    stats.max = kept.back();
    stats.p50 = percentileOfSorted(kept, 50);
    stats.p90 = percentileOfSorted(kept, 90);
    stats.p99 = percentileOfSorted(kept, 99);
    return stats;
}

double NaiveStatistics::pearson(std::span<const double> a, std::span<const double> b)
{
    double n = 0, sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
    for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i) {
        if (!std::isfinite(a[i]) || !std::isfinite(b[i]))
            continue;
        n += 1;
        sa += a[i];
        sb += b[i];
        saa += a[i] * a[i];
        sbb += b[i] * b[i];
        sab += a[i] * b[i];
    }
    const double den = std::sqrt((n * saa - sa * sa) * (n * sbb - sb * sb));
    return n < 2 || !(den > 0) ? std::numeric_limits<double>::quiet_NaN()
                               : (n * sab - sa * sb) / den;
}

} // namespace hpa::bench
