#include "core/analysis/regular_interval.h"

#include <cmath>
#include <cstddef>
#include <limits>

namespace hpa::core {

std::optional<double> RegularInterval::median(std::span<const double> times, double candidate)
{
    if (!(std::isfinite(candidate) && candidate > 0))
        return std::nullopt;
    // Branch-free counts (the compiler vectorizes them): NaN fails every comparison, and a
    // difference equal to or below a finite positive candidate is finite.
    constexpr double kMax = std::numeric_limits<double>::max();
    std::size_t count = 0, below = 0, equal = 0;
    for (std::size_t i = 1; i < times.size(); ++i) {
        const double d = times[i] - times[i - 1];
        count += static_cast<std::size_t>((d > 0) & (d <= kMax));
        below += static_cast<std::size_t>((d > 0) & (d < candidate));
        equal += static_cast<std::size_t>(d == candidate);
    }
    if (count == 0)
        return std::nullopt;
    // numpy's linear median of n sorted values reads ranks floor((n - 1) / 2) and, when n is
    // even, the next one; with both equal to the candidate the interpolation returns it exactly.
    const std::size_t lo = (count - 1) / 2;
    const std::size_t hi = count % 2 == 0 ? lo + 1 : lo;
    if (below <= lo && hi < below + equal)
        return candidate;
    return std::nullopt;
}

double RegularInterval::candidate(std::span<const double> times)
{
    if (times.size() < 2)
        return 0;
    const std::size_t mid = times.size() / 2;
    return times[mid] - times[mid - 1];
}

} // namespace hpa::core
