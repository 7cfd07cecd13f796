#include "core/plot/step_corners.h"

#include <algorithm>
#include <cmath>
#include <cstddef>

namespace hpa::core {

std::vector<StepCorners::Corner> StepCorners::of(const StepCurve &curve, double from, double to,
                                                 int pixels)
{
    std::vector<Corner> out;
    const std::size_t n = std::min(curve.time.size(), curve.count.size());
    if (n == 0 || !(to > from) || pixels <= 0)
        return out;
    // The step in force at `from`: the last known one at or before it.
    std::size_t i = static_cast<std::size_t>(
        std::upper_bound(curve.time.begin(), curve.time.begin() + static_cast<std::ptrdiff_t>(n),
                         from) -
        curve.time.begin());
    std::size_t first = i;
    while (first > 0) {
        --first;
        if (curve.count[first] >= 0) {
            out.push_back({curve.time[first], curve.count[first]});
            break;
        }
    }
    const double perPixel = (to - from) / pixels;
    // Per column: the steps where the line enters, is lowest, highest, and leaves, in time order.
    long column = -1;
    std::size_t enter = 0, low = 0, high = 0, leave = 0;
    const auto flush = [&] {
        if (column < 0)
            return;
        std::size_t picks[4] = {enter, low, high, leave};
        std::sort(picks, picks + 4);
        for (std::size_t k = 0; k < 4; ++k) {
            if (k == 0 || picks[k] != picks[k - 1])
                out.push_back({curve.time[picks[k]], curve.count[picks[k]]});
        }
    };
    for (; i < n && curve.time[i] <= to; ++i) {
        const int c = curve.count[i];
        if (c < 0)
            continue;
        const auto col = static_cast<long>(std::floor((curve.time[i] - from) / perPixel));
        if (col != column) {
            flush();
            column = col;
            enter = low = high = leave = i;
            continue;
        }
        if (c < curve.count[low])
            low = i;
        if (c > curve.count[high])
            high = i;
        leave = i;
    }
    flush();
    // The step after the range, so the line holds to the right edge (the chart clips it).
    for (; i < n; ++i) {
        if (curve.count[i] >= 0) {
            out.push_back({curve.time[i], curve.count[i]});
            break;
        }
    }
    return out;
}

} // namespace hpa::core
