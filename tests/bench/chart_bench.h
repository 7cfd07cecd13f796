#pragma once

#include <cstddef>
#include <string>

namespace hpa::bench {

/// Figures of the GUI part for one experiment folder (offscreen Qt, real ChartStack).
struct ChartFigures
{
    bool ran = false;
    std::size_t rows = 0;
    double openMs = 0; ///< folder chosen -> six charts painted (load, build, first paint)
    double zoomMs = 0, naiveZoomMs = 0; ///< median wall time of one zoom step, painted
    double zoomCpuMs = 0;               ///< median GUI-thread CPU time of one step
    double zoomUpdateMs = 0;            ///< of which zoomTo() itself: slicing, decimation, axes
    double zoomPaintMs = 0;             ///< painting every chart once (timed apart from the step)
    int steps = 0, naiveSteps = 0;
    int charts = 0, naiveSeries = 0;
    int plotWidth = 0;               ///< narrowest plot area, pixels
    std::size_t maxSeriesPoints = 0; ///< most points any drawn series held after a step
    double maxPointsPerPixel = 0;    ///< of the chart that series is in
};

/// Times the real chart stack against six plain Qt Charts given the full series.
class ChartBench
{
public:
    struct Options
    {
        int width = 1600, height = 1000;
        int zoomSteps = 20;
        /// Baseline steps: each one hands Qt Charts every sample, seconds apiece at 1M rows.
        int naiveSteps = 3;
        double naiveBudgetMs = 10000; ///< no further baseline step once this much is spent
    };

    /// Needs a QApplication. `dir` is loaded again, as the GUI would on choosing it.
    static ChartFigures run(const std::string &dir, const Options &options);
};

} // namespace hpa::bench
