#include "core/statistics.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <optional>

namespace hpa::core {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// Position of percentile q among n sorted values, split into the lower index and the fraction
/// towards the next one (numpy's "linear" method).
struct Rank
{
    std::size_t lo = 0;
    double frac = 0;
};

Rank rankOf(std::size_t n, double q)
{
    const double r = std::clamp(q, 0.0, 100.0) / 100.0 * static_cast<double>(n - 1);
    Rank rank;
    rank.lo = std::min(static_cast<std::size_t>(std::floor(r)), n - 1);
    rank.frac = rank.lo + 1 < n ? r - static_cast<double>(rank.lo) : 0.0;
    return rank;
}

/// numpy's lerp: the two-sided form keeps the result inside [a, b] and exact at t = 1.
double lerp(double a, double b, double t)
{
    if (t == 0)
        return a;
    return t < 0.5 ? a + (b - a) * t : b - (b - a) * (1 - t);
}

/// Percentiles of unsorted `v` (reordered in place) for ascending `qs`, without a full sort:
/// selecting the largest rank first lets each smaller one partition only the prefix left of it.
template <std::size_t N>
std::array<double, N> selectPercentiles(std::vector<double> &v, const std::array<double, N> &qs)
{
    std::array<double, N> out{};
    const std::size_t n = v.size();
    const auto at = [&v](std::size_t i) {
        return v.begin() + static_cast<std::ptrdiff_t>(i);
    };
    // Invariant: v[end] is in its sorted place (when end < n) with only smaller-or-equal values
    // before it, and the sorted successor of v[end] is the minimum of [end + 1, succEnd).
    std::size_t end = n;
    std::size_t succEnd = n;
    for (std::size_t i = N; i-- > 0;) {
        const Rank rank = rankOf(n, qs[i]);
        if (rank.lo < end) {
            std::nth_element(v.begin(), at(rank.lo), at(end));
            succEnd = std::min(end + 1, n);
            end = rank.lo;
        }
        const double next =
            rank.frac > 0 ? *std::min_element(at(rank.lo + 1), at(succEnd)) : v[rank.lo];
        out[i] = lerp(v[rank.lo], next, rank.frac);
    }
    return out;
}

/// Counting only pays off on long series, and needs the value range to fit a small table.
constexpr std::size_t kMinCountingSize = std::size_t{1} << 12;
constexpr double kMaxCountingRange = 65536;

/// Percentiles by counting, when every value of `v` is an integer in [lo, hi] and the range is
/// small: replicas, jobs, targets, sampling intervals. Those have few distinct values, and one
/// counting pass finds the same order statistics that selection finds in several. The values
/// at each rank are the same data values, so the results equal selectPercentiles() exactly.
template <std::size_t N>
std::optional<std::array<double, N>> countPercentiles(const std::vector<double> &v, double lo,
                                                      double hi, const std::array<double, N> &qs)
{
    // lo integral and |values| < 2^53 keep x - lo and lo + offset exact.
    if (v.size() < kMinCountingSize || !(hi - lo < kMaxCountingRange) || std::floor(lo) != lo ||
        std::fabs(lo) > 0x1p52)
        return std::nullopt;
    std::vector<std::size_t> counts(static_cast<std::size_t>(hi - lo) + 1);
    for (const double x : v) {
        const double offset = x - lo;
        if (std::floor(offset) != offset)
            return std::nullopt;
        ++counts[static_cast<std::size_t>(offset)];
    }
    // Value of the element at sorted position `k`.
    const auto valueAt = [&](std::size_t k) {
        std::size_t seen = 0;
        for (std::size_t i = 0; i < counts.size(); ++i) {
            seen += counts[i];
            if (seen > k)
                return lo + static_cast<double>(i);
        }
        return hi;
    };
    std::array<double, N> out{};
    for (std::size_t i = 0; i < N; ++i) {
        const Rank rank = rankOf(v.size(), qs[i]);
        const double at = valueAt(rank.lo);
        out[i] = lerp(at, rank.frac > 0 ? valueAt(rank.lo + 1) : at, rank.frac);
    }
    return out;
}

/// Percentiles of unsorted `v` whose finite values lie in [lo, hi]; may reorder `v`.
template <std::size_t N>
std::array<double, N> percentiles(std::vector<double> &v, double lo, double hi,
                                  const std::array<double, N> &qs)
{
    if (auto counted = countPercentiles(v, lo, hi, qs))
        return *counted;
    return selectPercentiles(v, qs);
}

} // namespace

double Statistics::percentile(std::span<const double> sorted, double q)
{
    if (sorted.empty() || std::isnan(q))
        return kNaN;
    const Rank rank = rankOf(sorted.size(), q);
    const double next = rank.frac > 0 ? sorted[rank.lo + 1] : sorted[rank.lo];
    return lerp(sorted[rank.lo], next, rank.frac);
}

std::optional<SeriesStats> Statistics::describe(std::span<const double> values, bool positiveOnly)
{
    std::vector<double> kept;
    kept.reserve(values.size());
    double sum = 0;
    double lo = std::numeric_limits<double>::infinity();
    double hi = -lo;
    for (const double v : values) {
        if (!std::isfinite(v) || (positiveOnly && !(v > 0)))
            continue;
        kept.push_back(v);
        sum += v;
        lo = std::min(lo, v);
        hi = std::max(hi, v);
    }
    if (kept.empty())
        return std::nullopt;

    SeriesStats stats;
    stats.count = kept.size();
    stats.mean = sum / static_cast<double>(kept.size());
    stats.min = lo;
    stats.max = hi;
    const auto p = percentiles(kept, lo, hi, std::array<double, 3>{50.0, 90.0, 99.0});
    stats.p50 = p[0];
    stats.p90 = p[1];
    stats.p99 = p[2];
    return stats;
}

std::optional<double> Statistics::pearson(std::span<const double> a, std::span<const double> b)
{
    const std::size_t n = std::min(a.size(), b.size());
    const auto complete = [&](std::size_t i) {
        return std::isfinite(a[i]) && std::isfinite(b[i]);
    };

    std::size_t count = 0;
    double sumA = 0, sumB = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (!complete(i))
            continue;
        ++count;
        sumA += a[i];
        sumB += b[i];
    }
    if (count < 2)
        return std::nullopt;

    // Second pass on deviations: the one-pass sum-of-squares formula cancels catastrophically
    // for series with a large offset (e.g. epoch timestamps or big token counters).
    const double meanA = sumA / static_cast<double>(count);
    const double meanB = sumB / static_cast<double>(count);
    double sab = 0, saa = 0, sbb = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (!complete(i))
            continue;
        const double da = a[i] - meanA;
        const double db = b[i] - meanB;
        sab += da * db;
        saa += da * da;
        sbb += db * db;
    }
    if (!(saa > 0) || !(sbb > 0))
        return std::nullopt;
    return std::clamp(sab / std::sqrt(saa * sbb), -1.0, 1.0);
}

double Statistics::medianInterval(std::span<const double> times)
{
    std::vector<double> diffs;
    if (times.size() >= 2)
        diffs.reserve(times.size() - 1);
    double lo = std::numeric_limits<double>::infinity();
    double hi = -lo;
    for (std::size_t i = 1; i < times.size(); ++i) {
        const double d = times[i] - times[i - 1];
        if (std::isfinite(d) && d > 0) {
            diffs.push_back(d);
            lo = std::min(lo, d);
            hi = std::max(hi, d);
        }
    }
    if (diffs.empty())
        return 0;
    return percentiles(diffs, lo, hi, std::array<double, 1>{50.0})[0];
}

} // namespace hpa::core
