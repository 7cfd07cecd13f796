#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <vector>

namespace hpa::core {

/// Descriptive statistics of one series (missing values skipped).
struct SeriesStats
{
    std::size_t count = 0;
    double mean = 0, min = 0, max = 0, p50 = 0, p90 = 0, p99 = 0;
};

class Statistics
{
public:
    /// Percentile q in [0,100] of ascending `sorted` by linear interpolation (numpy default).
    static double percentile(std::span<const double> sorted, double q);

    /// Stats over the finite values (NaN = missing is skipped); when `positiveOnly`, over the
    /// values > 0 only. Nullopt when no value qualifies.
    static std::optional<SeriesStats> describe(std::span<const double> values,
                                               bool positiveOnly = false);

    /// Pearson correlation over the rows where both are finite; nullopt when either is constant
    /// there or fewer than two rows remain (pandas gives NaN).
    static std::optional<double> pearson(std::span<const double> a, std::span<const double> b);

    /// pearson() of every pair i <= j of `columns`, the upper triangle row by row, each equal to
    /// pearson(columns[i], columns[j]) to the bit. Four gapless columns of one length (the
    /// analyzer's) share two passes for all ten pairs instead of four passes per pair.
    static std::vector<std::optional<double>>
    pearsonPairs(std::span<const std::span<const double>> columns);

    /// Median of the positive differences between consecutive times; 0 with fewer than 2.
    static double medianInterval(std::span<const double> times);
};

} // namespace hpa::core
