#include "core/plot/decimator.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace hpa::core {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// Appends kept samples in index order and inserts the NaN break points between them, so both
/// the plain and the decimated path share one definition of where a line must be split.
class Emitter
{
public:
    Emitter(std::span<const double> x, std::span<const double> y, double gapSeconds,
            std::vector<PlotPoint> &out)
        : m_x(x), m_y(y), m_gap(gapSeconds), m_out(out)
    {}

    /// Emits sample i (indices must increase); missing values are never drawn themselves.
    void emit(std::size_t i)
    {
        if (!std::isfinite(m_y[i]) || !std::isfinite(m_x[i]))
            return;
        if (m_hasLast)
            emitBreakBefore(i);
        m_out.push_back({m_x[i], m_y[i]});
        m_last = i;
        m_hasLast = true;
    }

private:
    void emitBreakBefore(std::size_t i)
    {
        // The gap test looks at neighbouring samples of the series, not at the emitted points:
        // zoomed out, kept min/max points lie a column apart even where the data is dense.
        // The index ranges between consecutive kept samples are disjoint, so these scans cost
        // O(visible) in total over the whole call.
        double prev = m_x[m_last];
        for (std::size_t k = m_last + 1; k <= i; ++k) {
            if (!std::isfinite(m_y[k])) {
                m_out.push_back({m_x[k], kNaN});
                return;
            }
            if (m_gap > 0 && m_x[k] - prev > m_gap) {
                m_out.push_back({prev + (m_x[k] - prev) / 2, kNaN});
                return;
            }
            prev = m_x[k];
        }
    }

    std::span<const double> m_x;
    std::span<const double> m_y;
    double m_gap;
    std::vector<PlotPoint> &m_out;
    std::size_t m_last = 0;
    bool m_hasLast = false;
};

} // namespace

std::size_t Decimator::pixelColumn(double x, double x0, double x1, std::size_t columns)
{
    const double width = x1 - x0;
    if (!(width > 0))
        return 0;
    const double c = (x - x0) / width * static_cast<double>(columns);
    if (!(c > 0))
        return 0;
    return std::min(static_cast<std::size_t>(std::min(c, static_cast<double>(columns))),
                    columns - 1);
}

std::pair<std::size_t, std::size_t> Decimator::visibleSlice(std::span<const double> x, double x0,
                                                            double x1)
{
    if (x.empty())
        return {0, 0};
    if (x1 < x0)
        std::swap(x0, x1);
    const auto lo = static_cast<std::size_t>(std::lower_bound(x.begin(), x.end(), x0) - x.begin());
    const auto hi = static_cast<std::size_t>(std::upper_bound(x.begin(), x.end(), x1) - x.begin());
    return {lo > 0 ? lo - 1 : 0, hi < x.size() ? hi + 1 : x.size()};
}

std::vector<PlotPoint> Decimator::minMax(std::span<const double> x, std::span<const double> y,
                                         double x0, double x1, int pixels, double gapSeconds)
{
    std::vector<PlotPoint> out;
    const std::size_t n = std::min(x.size(), y.size());
    if (n == 0 || !std::isfinite(x0) || !std::isfinite(x1))
        return out;
    if (x1 < x0)
        std::swap(x0, x1);
    x = x.first(n);
    y = y.first(n);

    const auto [first, last] = visibleSlice(x, x0, x1);
    // Split the slice into the left neighbour, the samples inside [x0, x1] and the right one.
    const std::size_t begin = first < last && x[first] < x0 ? first + 1 : first;
    const std::size_t end = last > begin && x[last - 1] > x1 ? last - 1 : last;
    const std::size_t columns = static_cast<std::size_t>(std::max(pixels, 1));

    Emitter emitter(x, y, gapSeconds, out);
    if (end - begin <= 2 * columns) {
        out.reserve(last - first + 2);
        for (std::size_t i = first; i < last; ++i)
            emitter.emit(i);
        return out;
    }

    out.reserve(2 * columns + 8);
    if (begin > first)
        emitter.emit(first);
    const auto columnOf = [&](double xv) {
        return pixelColumn(xv, x0, x1, columns);
    };

    // x is ascending, so each column is one contiguous run of indices.
    std::size_t i = begin;
    while (i < end) {
        const std::size_t column = columnOf(x[i]);
        std::size_t finite = 0;
        std::size_t minIdx = 0, maxIdx = 0;
        std::size_t firstFinite = 0, secondFinite = 0;
        for (; i < end && columnOf(x[i]) == column; ++i) {
            if (!std::isfinite(y[i]))
                continue;
            if (finite == 0) {
                minIdx = maxIdx = firstFinite = i;
            } else {
                if (finite == 1)
                    secondFinite = i;
                if (y[i] < y[minIdx])
                    minIdx = i;
                if (y[i] > y[maxIdx])
                    maxIdx = i;
            }
            ++finite;
        }
        if (finite == 0)
            continue;
        if (finite <= 2) {
            emitter.emit(firstFinite);
            if (finite == 2)
                emitter.emit(secondFinite);
            continue;
        }
        emitter.emit(std::min(minIdx, maxIdx));
        if (minIdx != maxIdx)
            emitter.emit(std::max(minIdx, maxIdx));
    }
    if (last > end)
        emitter.emit(last - 1);
    return out;
}

} // namespace hpa::core
