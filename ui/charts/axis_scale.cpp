#include "ui/charts/axis_scale.h"

#include <algorithm>
#include <cmath>

namespace hpa::ui {

AxisScale AxisScale::nice(double lo, double hi, bool startAtZero, bool integer, int maxTicks)
{
    if (!std::isfinite(lo) || !std::isfinite(hi) || hi < lo)
        return {};
    maxTicks = std::max(maxTicks, 3);
    if (startAtZero && lo > 0)
        lo = 0;
    if (hi == lo)
        hi = lo + (lo == 0 ? 1.0 : std::fabs(lo) * 0.1);

    const double raw = (hi - lo) / (maxTicks - 1);
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    const double normalised = raw / magnitude;
    double step = normalised <= 1     ? 1
                  : normalised <= 2   ? 2
                  : normalised <= 2.5 ? 2.5
                  : normalised <= 5   ? 5
                                      : 10;
    step *= magnitude;
    if (integer)
        step = std::max(1.0, std::ceil(step));

    AxisScale scale;
    scale.min = std::floor(lo / step) * step;
    scale.max = std::ceil(hi / step) * step;
    if (scale.max - hi < 0.04 * (scale.max - scale.min))
        scale.max += step;
    scale.tickCount = static_cast<int>(std::lround((scale.max - scale.min) / step)) + 1;
    return scale;
}

} // namespace hpa::ui
