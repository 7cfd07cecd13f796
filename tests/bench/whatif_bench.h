#pragma once

#include <ostream>
#include <string>

namespace hpa::bench {

/// An edit in the What-if panel as the window handles it: WhatIfSession replays and scores the
/// edited spec on a worker thread, WhatIfOverlay puts the new curve on the replicas chart of a
/// real ChartStack, and the chart is painted. Timed from the edit to the painted chart, beside
/// the same edit done the straightforward way (the replay and scorecard from scratch on the GUI
/// thread, the curve kept row by row, then the same drawing).
class WhatIfBench
{
public:
    /// Needs a QApplication. Prints one line to `out`.
    static void run(const std::string &dir, int width, int height, std::ostream &out);
};

} // namespace hpa::bench
