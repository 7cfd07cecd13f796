#pragma once

#include <span>
#include <vector>

namespace hpa::bench {

/// The baseline statistics: copy, full sort, read the percentiles off the sorted copy; Pearson
/// by the textbook one-pass sums. What the notebook's describe()/corr() amount to in C++.
class NaiveStatistics
{
public:
    struct Stats
    {
        std::size_t count = 0;
        double mean = 0, min = 0, max = 0, p50 = 0, p90 = 0, p99 = 0;
    };

    /// Stats of the finite values (> 0 only when `positiveOnly`).
    static Stats describe(std::span<const double> values, bool positiveOnly);
    /// Pearson correlation over the rows where both are finite; NaN when undefined.
    static double pearson(std::span<const double> a, std::span<const double> b);
};

} // namespace hpa::bench
