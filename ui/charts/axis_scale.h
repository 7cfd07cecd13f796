#pragma once

namespace hpa::ui {

/// A value-axis range on round numbers with its tick count.
struct AxisScale
{
    double min = 0;
    double max = 1;
    int tickCount = 2;

    bool operator==(const AxisScale &) const = default;

    /// The smallest round range holding [lo, hi] with at most `maxTicks` ticks: steps of
    /// 1, 2, 2.5 or 5 times a power of ten (whole numbers when `integer`), from 0 when
    /// `startAtZero` and the data is not negative, with headroom so a line at the maximum
    /// does not run along the frame. Non-finite or empty input gives [0, 1].
    static AxisScale nice(double lo, double hi, bool startAtZero, bool integer, int maxTicks = 6);
};

} // namespace hpa::ui
