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

/// Counting only pays off on long series, and needs the value range to fit a small table.
constexpr std::size_t kMinCountingSize = std::size_t{1} << 12;
constexpr double kMaxCountingRange = 65536;
/// Value sets up to this size are copied and selected in; larger ones are narrowed first.
constexpr std::size_t kGatherSize = std::size_t{1} << 15;
constexpr std::size_t kBuckets = std::size_t{1} << 12;

/// The data is never copied: `visit(f)` calls f(x) on every value taken into account, in
/// order, and stops when f returns false. That saves a copy of each series (8 MB per
/// million rows) and the selection passes over it.

/// Percentiles by counting, when every value is an integer in [lo, hi] and the range is
/// small: replicas, jobs, targets, sampling intervals. The values at each rank are data values,
/// so the results equal those of selection exactly.
template <typename Visit, std::size_t N>
std::optional<std::array<double, N>> countPercentiles(const Visit &visit, std::size_t n, double lo,
                                                      double hi, const std::array<double, N> &qs)
{
    // lo integral and |values| < 2^53 keep x - lo and lo + offset exact.
    if (n < kMinCountingSize || !(hi - lo < kMaxCountingRange) || std::floor(lo) != lo ||
        std::fabs(lo) > 0x1p52)
        return std::nullopt;
    std::vector<std::size_t> counts(static_cast<std::size_t>(hi - lo) + 1);
    bool integral = true;
    visit([&](double x) {
        const double offset = x - lo;
        if (std::floor(offset) != offset)
            return integral = false;
        ++counts[static_cast<std::size_t>(offset)];
        return true;
    });
    if (!integral)
        return std::nullopt;
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
        const Rank rank = rankOf(n, qs[i]);
        const double at = valueAt(rank.lo);
        out[i] = lerp(at, rank.frac > 0 ? valueAt(rank.lo + 1) : at, rank.frac);
    }
    return out;
}

/// One narrowing step: values whose bucket of [lo, hi] (split in kBuckets) is `bucket`.
struct Level
{
    double lo = 0;
    double scale = 0;
    std::size_t bucket = 0;
};

std::size_t bucketOf(double x, double lo, double scale)
{
    // Monotonic in x (subtraction and scaling round monotonically), so buckets keep order.
    return std::min(kBuckets - 1, static_cast<std::size_t>((x - lo) * scale));
}

/// Finds the values of sorted rank `ranks[i]` (ascending, within the m values that pass every
/// level) into `out[i]`: a histogram over [lo, hi] tells which bucket holds each rank, and
/// only those buckets are looked at again, the small ones by copying, the big ones by
/// narrowing further. Exact: the values found are the order statistics themselves.
template <typename Visit>
void selectRanks(const Visit &visit, std::vector<Level> &levels, std::size_t m, double lo,
                 double hi, const std::vector<std::size_t> &ranks, std::vector<double> &out)
{
    const auto inside = [&levels](double x) {
        for (const Level &l : levels) {
            if (bucketOf(x, l.lo, l.scale) != l.bucket)
                return false;
        }
        return true;
    };
    if (lo == hi) {
        std::fill(out.begin(), out.end(), lo);
        return;
    }
    const double scale = static_cast<double>(kBuckets) / (hi - lo);
    if (m <= kGatherSize || !(scale > 0) || !std::isfinite(scale)) {
        std::vector<double> kept;
        kept.reserve(m);
        visit([&](double x) {
            if (inside(x))
                kept.push_back(x);
            return true;
        });
        for (std::size_t i = ranks.size(); i-- > 0;) {
            const auto at = kept.begin() + static_cast<std::ptrdiff_t>(ranks[i]);
            std::nth_element(kept.begin(), at, kept.end());
            out[i] = *at;
        }
        return;
    }
    std::vector<std::size_t> counts(kBuckets);
    visit([&](double x) {
        if (inside(x))
            ++counts[bucketOf(x, lo, scale)];
        return true;
    });
    // The buckets holding a wanted rank, with the ranks inside them.
    struct Group
    {
        std::size_t bucket = 0;
        std::size_t first = 0; ///< index of its first rank in `ranks`
        std::vector<std::size_t> local;
        double lo = std::numeric_limits<double>::infinity();
        double hi = -std::numeric_limits<double>::infinity();
        std::vector<double> kept; ///< its values, when few enough to copy
    };
    std::vector<Group> groups;
    std::vector<int> groupOf(kBuckets, -1);
    std::size_t before = 0;
    for (std::size_t b = 0, r = 0; b < kBuckets && r < ranks.size(); before += counts[b], ++b) {
        if (ranks[r] >= before + counts[b])
            continue;
        Group g;
        g.bucket = b;
        g.first = r;
        while (r < ranks.size() && ranks[r] < before + counts[b])
            g.local.push_back(ranks[r++] - before);
        if (counts[b] <= kGatherSize)
            g.kept.reserve(counts[b]);
        groupOf[b] = static_cast<int>(groups.size());
        groups.push_back(std::move(g));
    }
    // One pass for all of them: range of each, and the values of the small ones.
    visit([&](double x) {
        if (!inside(x))
            return true;
        const int g = groupOf[bucketOf(x, lo, scale)];
        if (g >= 0) {
            Group &group = groups[static_cast<std::size_t>(g)];
            group.lo = std::min(group.lo, x);
            group.hi = std::max(group.hi, x);
            if (counts[group.bucket] <= kGatherSize)
                group.kept.push_back(x);
        }
        return true;
    });
    for (Group &g : groups) {
        std::vector<double> found(g.local.size());
        if (counts[g.bucket] <= kGatherSize) {
            for (std::size_t i = g.local.size(); i-- > 0;) {
                const auto at = g.kept.begin() + static_cast<std::ptrdiff_t>(g.local[i]);
                std::nth_element(g.kept.begin(), at, g.kept.end());
                found[i] = *at;
            }
        } else {
            levels.push_back({lo, scale, g.bucket});
            selectRanks(visit, levels, counts[g.bucket], g.lo, g.hi, g.local, found);
            levels.pop_back();
        }
        std::copy(found.begin(), found.end(), out.begin() + static_cast<std::ptrdiff_t>(g.first));
    }
}

/// Percentiles of the n values `visit` yields, whose range is [lo, hi].
template <typename Visit, std::size_t N>
std::array<double, N> percentiles(const Visit &visit, std::size_t n, double lo, double hi,
                                  const std::array<double, N> &qs)
{
    if (auto counted = countPercentiles(visit, n, lo, hi, qs))
        return *counted;
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
    std::vector<Level> levels;
    selectRanks(visit, levels, n, lo, hi, ranks, values);
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
    const auto keep = [positiveOnly](double v) {
        return std::isfinite(v) && (!positiveOnly || v > 0);
    };
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
    }
    if (count == 0)
        return std::nullopt;

    SeriesStats stats;
    stats.count = count;
    stats.mean = sum / static_cast<double>(count);
    stats.min = lo;
    stats.max = hi;
    const auto visit = [&](const auto &f) {
        for (const double v : values) {
            if (keep(v) && !f(v))
                return;
        }
    };
    const auto p = percentiles(visit, count, lo, hi, std::array<double, 3>{50.0, 90.0, 99.0});
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

double Statistics::medianInterval(std::span<const double> times)
{
    const auto visit = [&times](const auto &f) {
        for (std::size_t i = 1; i < times.size(); ++i) {
            const double d = times[i] - times[i - 1];
            if (std::isfinite(d) && d > 0 && !f(d))
                return;
        }
    };
    std::size_t count = 0;
    double lo = std::numeric_limits<double>::infinity();
    double hi = -lo;
    visit([&](double d) {
        ++count;
        lo = std::min(lo, d);
        hi = std::max(hi, d);
        return true;
    });
    if (count == 0)
        return 0;
    return percentiles(visit, count, lo, hi, std::array<double, 1>{50.0})[0];
}

} // namespace hpa::core
