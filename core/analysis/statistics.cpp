#include "core/analysis/statistics.h"

#include "core/analysis/rank_selector.h"
#include "core/analysis/regular_interval.h"

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

/// Percentiles `qs` of the n values `visit` yields, whose top-digit histogram is `histogram`.
template <typename Visit, std::size_t N>
std::array<double, N> percentiles(const Visit &visit, const RankSelector::Histogram &histogram,
                                  std::size_t n, const std::array<double, N> &qs)
{
    std::vector<std::size_t> ranks;
    for (const double q : qs) {
        const Rank rank = rankOf(n, q);
        ranks.push_back(rank.lo);
        if (rank.frac > 0)
            ranks.push_back(rank.lo + 1);
    }
    std::sort(ranks.begin(), ranks.end());
    ranks.erase(std::unique(ranks.begin(), ranks.end()), ranks.end());
    std::vector<double> values(ranks.size());
    RankSelector::select(visit, histogram, ranks, values);
    const auto valueAt = [&](std::size_t k) {
        return values[static_cast<std::size_t>(std::lower_bound(ranks.begin(), ranks.end(), k) -
                                               ranks.begin())];
    };
    std::array<double, N> out{};
    for (std::size_t i = 0; i < N; ++i) {
        const Rank rank = rankOf(n, qs[i]);
        const double at = valueAt(rank.lo);
        out[i] = lerp(at, rank.frac > 0 ? valueAt(rank.lo + 1) : at, rank.frac);
    }
    return out;
}

// Function objects, not functions: a function would be called through a pointer per value.
constexpr auto keepFinite = [](double v) {
    return std::isfinite(v);
};
constexpr auto keepPositive = [](double v) {
    return std::isfinite(v) && v > 0;
};

struct Moments
{
    std::size_t count = 0;
    double sum = 0;
    double lo = 0;
    double hi = 0;
};

/// Count, sum and range of the values `keep` accepts, adding them to `histogram`. Not inlined:
/// inside describe() GCC 12 keeps the range in memory, which doubles the time of this pass.
template <typename Keep>
[[gnu::noinline]] Moments moments(std::span<const double> values,
                                  RankSelector::Histogram &histogram, const Keep &keep)
{
    std::size_t count = 0;
    double sum = 0;
    double lo = std::numeric_limits<double>::infinity();
    double hi = -lo;
    for (const double v : values) {
        if (!keep(v))
            continue;
        ++count;
        sum += v;
        lo = std::min(lo, v);
        hi = std::max(hi, v);
        histogram.add(v);
    }
    return {count, sum, lo, hi};
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
    // The selection's first histogram is taken in this pass, so the series is read once
    // more only for the few buckets that hold the percentiles.
    RankSelector::Histogram histogram;
    const Moments m = positiveOnly ? moments(values, histogram, keepPositive)
                                   : moments(values, histogram, keepFinite);
    if (m.count == 0)
        return std::nullopt;

    SeriesStats stats;
    stats.count = m.count;
    stats.mean = m.sum / static_cast<double>(m.count);
    stats.min = m.lo;
    stats.max = m.hi;
    const auto visit = [&](const auto &f) {
        for (const double v : values) {
            if ((positiveOnly ? keepPositive(v) : keepFinite(v)) && !f(v))
                return;
        }
    };
    const auto p = percentiles(visit, histogram, m.count, std::array<double, 3>{50.0, 90.0, 99.0});
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

    // Series without gaps (the common case) skip the per-row checks below; the sums are taken
    // in the same order either way, so the result is the same to the bit.
    const bool dense = std::all_of(a.begin(), a.begin() + static_cast<std::ptrdiff_t>(n),
                                   [](double v) { return std::isfinite(v); }) &&
                       std::all_of(b.begin(), b.begin() + static_cast<std::ptrdiff_t>(n),
                                   [](double v) { return std::isfinite(v); });
    std::size_t count = 0;
    double sumA = 0, sumB = 0;
    if (dense) {
        count = n;
        for (std::size_t i = 0; i < n; ++i) {
            sumA += a[i];
            sumB += b[i];
        }
    } else {
        for (std::size_t i = 0; i < n; ++i) {
            if (!complete(i))
                continue;
            ++count;
            sumA += a[i];
            sumB += b[i];
        }
    }
    if (count < 2)
        return std::nullopt;

    // Second pass on deviations: the one-pass sum-of-squares formula cancels catastrophically
    // for series with a large offset (e.g. epoch timestamps or big token counters).
    const double meanA = sumA / static_cast<double>(count);
    const double meanB = sumB / static_cast<double>(count);
    double sab = 0, saa = 0, sbb = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (!dense && !complete(i))
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

namespace {

/// pearsonPairs() for four gapless columns of n >= 2 rows: the squared and crossed deviations
/// of all ten pairs in one pass, each accumulated in the order pearson() uses. Spelt out so
/// the sums stay in registers.
std::vector<std::optional<double>> fourPairs(const std::array<const double *, 4> &x,
                                             const std::array<double, 4> &sum, std::size_t n)
{
    const double count = static_cast<double>(n);
    const double m0 = sum[0] / count, m1 = sum[1] / count, m2 = sum[2] / count, m3 = sum[3] / count;
    double s00 = 0, s01 = 0, s02 = 0, s03 = 0, s11 = 0, s12 = 0, s13 = 0, s22 = 0, s23 = 0, s33 = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const double d0 = x[0][i] - m0, d1 = x[1][i] - m1, d2 = x[2][i] - m2, d3 = x[3][i] - m3;
        s00 += d0 * d0;
        s01 += d0 * d1;
        s02 += d0 * d2;
        s03 += d0 * d3;
        s11 += d1 * d1;
        s12 += d1 * d2;
        s13 += d1 * d3;
        s22 += d2 * d2;
        s23 += d2 * d3;
        s33 += d3 * d3;
    }
    const std::array<double, 4> square{s00, s11, s22, s33};
    const std::array<double, 10> cross{s00, s01, s02, s03, s11, s12, s13, s22, s23, s33};
    std::vector<std::optional<double>> out;
    for (std::size_t a = 0, p = 0; a < 4; ++a) {
        for (std::size_t b = a; b < 4; ++b, ++p) {
            if (!(square[a] > 0) || !(square[b] > 0))
                out.emplace_back();
            else
                out.emplace_back(
                    std::clamp(cross[p] / std::sqrt(square[a] * square[b]), -1.0, 1.0));
        }
    }
    return out;
}

} // namespace

std::vector<std::optional<double>>
Statistics::pearsonPairs(std::span<const std::span<const double>> columns)
{
    const std::size_t k = columns.size();
    if (k == 4 && std::all_of(columns.begin(), columns.end(), [&](std::span<const double> c) {
            return c.size() == columns[0].size();
        })) {
        const std::size_t n = columns[0].size();
        std::array<const double *, 4> x{};
        for (std::size_t c = 0; c < 4; ++c)
            x[c] = columns[c].data();
        std::array<double, 4> sum{};
        for (std::size_t i = 0; i < n; ++i) {
            sum[0] += x[0][i];
            sum[1] += x[1][i];
            sum[2] += x[2][i];
            sum[3] += x[3][i];
        }
        // A finite sum proves every value finite (NaN and infinities stick), so the columns
        // have no gaps and pearson() would take these very sums.
        if (n >= 2 &&
            std::all_of(sum.begin(), sum.end(), [](double v) { return std::isfinite(v); }))
            return fourPairs(x, sum, n);
    }
    std::vector<std::optional<double>> out;
    for (std::size_t a = 0; a < k; ++a) {
        for (std::size_t b = a; b < k; ++b)
            out.push_back(pearson(columns[a], columns[b]));
    }
    return out;
}

double Statistics::medianInterval(std::span<const double> times)
{
    if (const auto regular = RegularInterval::median(times, RegularInterval::candidate(times)))
        return *regular;
    const auto visit = [&times](const auto &f) {
        for (std::size_t i = 1; i < times.size(); ++i) {
            const double d = times[i] - times[i - 1];
            if (std::isfinite(d) && d > 0 && !f(d))
                return;
        }
    };
    std::size_t count = 0;
    RankSelector::Histogram histogram;
    visit([&](double d) {
        ++count;
        histogram.add(d);
        return true;
    });
    if (count == 0)
        return 0;
    return percentiles(visit, histogram, count, std::array<double, 1>{50.0})[0];
}

} // namespace hpa::core
