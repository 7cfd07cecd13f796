#include "naive_decimator.h"

#include <cmath>
#include <limits>

namespace hpa::bench {

std::vector<core::PlotPoint> NaiveDecimator::minMax(std::span<const double> x,
                                                    std::span<const double> y, double x0, double x1,
                                                    int pixels)
{
    struct Column
    {
        std::size_t lo = std::numeric_limits<std::size_t>::max();
        std::size_t hi = std::numeric_limits<std::size_t>::max();
    };
    std::vector<Column> columns(static_cast<std::size_t>(std::max(pixels, 1)));
    const double scale = static_cast<double>(columns.size()) / (x1 - x0);
    for (std::size_t i = 0; i < x.size(); ++i) {
        if (x[i] < x0 || x[i] > x1 || !std::isfinite(y[i]))
            continue;
        const auto c = std::min(static_cast<std::size_t>((x[i] - x0) * scale), columns.size() - 1);
        Column &col = columns[c];
        if (col.lo == std::numeric_limits<std::size_t>::max() || y[i] < y[col.lo])
            col.lo = i;
        if (col.hi == std::numeric_limits<std::size_t>::max() || y[i] > y[col.hi])
            col.hi = i;
    }
    std::vector<core::PlotPoint> out;
    out.reserve(columns.size() * 2);
    for (const Column &col : columns) {
        if (col.lo == std::numeric_limits<std::size_t>::max())
            continue;
        const std::size_t first = std::min(col.lo, col.hi);
        const std::size_t second = std::max(col.lo, col.hi);
        out.push_back({x[first], y[first]});
        if (second != first)
            out.push_back({x[second], y[second]});
    }
    return out;
}

} // namespace hpa::bench
