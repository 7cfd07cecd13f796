#include "core/plot/time_ticks.h"

#include "core/model/timestamp.h"

#include <algorithm>
#include <cmath>

namespace hpa::core {

namespace {

constexpr double kDay = 86400.0;
/// Fraction of a step treated as rounding noise when snapping to tick positions.
constexpr double kEpsilon = 1e-9;

} // namespace

const std::vector<double> &TimeTicks::steps()
{
    static const std::vector<double> kSteps{
        1,    2,    5,     10,    15,    30,    // seconds
        60,   120,  300,   600,   900,   1800,  // minutes
        3600, 7200, 10800, 21600, 43200, kDay}; // hours, one day
    return kSteps;
}

double TimeTicks::chooseStep(double span, int maxTicks)
{
    maxTicks = std::max(maxTicks, 1);
    if (!(span > 0) || !std::isfinite(span))
        return steps().front();
    for (double step : steps()) {
        if (span / step <= maxTicks)
            return step;
    }
    // Whole days in a 1-2-5 progression keep labels readable on runs of weeks.
    for (double decade = 1;; decade *= 10) {
        for (double m : {1.0, 2.0, 5.0}) {
            const double step = m * decade * kDay;
            if (span / step <= maxTicks)
                return step;
        }
    }
}

std::string TimeTicks::label(double x, double step, TimeLabelMode mode, double origin)
{
    if (mode == TimeLabelMode::Elapsed)
        return Timestamp::formatElapsed(x);
    const double t = origin + x;
    if (step >= kDay)
        return Timestamp::format(t, true).substr(0, 10);
    return Timestamp::formatClock(t);
}

std::vector<TimeTick> TimeTicks::ticks(double from, double to, int maxTicks, TimeLabelMode mode,
                                       double origin)
{
    std::vector<TimeTick> out;
    if (!std::isfinite(from) || !std::isfinite(to) || !std::isfinite(origin) || to <= from)
        return out;
    const double step = chooseStep(to - from, maxTicks);
    // Snap in the labelled clock so ticks read 16:00:00, not 16:00:03.
    const double shift = mode == TimeLabelMode::Clock ? origin : 0.0;
    const double firstIndex = std::ceil((from + shift) / step - kEpsilon);
    const double lastIndex = std::floor((to + shift) / step + kEpsilon);
    for (double k = firstIndex; k <= lastIndex; ++k) {
        const double x = k * step - shift;
        out.push_back({x, label(x, step, mode, origin)});
    }
    return out;
}

} // namespace hpa::core
