#pragma once

#include "core/plot/step_curve.h"

#include <vector>

namespace hpa::core {

/// Speed: the corners of a step curve to draw over a time range `pixels` columns wide. A
/// what-if of a long run has a step every few syncs (100k steps at 1M rows), and a dashed pen
/// stroked along every one of them took seconds per paint; a column never shows more than
/// where the line enters, its lowest and highest count, and where it leaves, so that is all
/// this keeps (at most four steps per column, plus the step in force at `from`).
class StepCorners
{
public:
    struct Corner
    {
        double time;
        int count;
    };

    /// The steps of `curve` (unknown counts, < 0, skipped as the chart skips them) that the
    /// range [from, to] shows, reduced per column; each is drawn from its time until the next
    /// one's. The step in force at `from` comes first (at its own time, before `from`), and
    /// the first step after `to` last, so the line spans the range. Empty when the range or
    /// the curve is empty.
    static std::vector<Corner> of(const StepCurve &curve, double from, double to, int pixels);
};

} // namespace hpa::core
