#pragma once

#include <string>
#include <vector>

namespace hpa::core {

/// How tick labels on a time axis read.
enum class TimeLabelMode
{
    Elapsed, ///< `mm:ss` (or `h:mm:ss`) of x itself
    Clock    ///< `HH:MM:SS` of origin + x; dates once ticks are days apart
};

struct TimeTick
{
    double x = 0; ///< axis position
    std::string label;
};

/// Tick positions on round time steps for a time axis whose x is in seconds.
class TimeTicks
{
public:
    /// The round steps in seconds, ascending: 1 s ... 30 min, 1 h ... 12 h, 1 d.
    static const std::vector<double> &steps();

    /// The smallest round step that puts at most `maxTicks` ticks on a span of `span` seconds.
    /// Past one day the step grows by whole days (1, 2, 5, 10, 20, 50 ... days).
    static double chooseStep(double span, int maxTicks);

    /// Ticks inside [from, to]. In clock mode the ticks fall on round clock times of
    /// origin + x (so `origin` is the absolute time at x = 0); in elapsed mode on round
    /// multiples of x. Empty when the range is empty or not finite.
    static std::vector<TimeTick> ticks(double from, double to, int maxTicks, TimeLabelMode mode,
                                       double origin = 0);

    /// Label of one position: what a tick at `x` would read.
    static std::string label(double x, double step, TimeLabelMode mode, double origin = 0);
};

} // namespace hpa::core
