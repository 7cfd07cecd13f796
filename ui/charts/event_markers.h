#pragma once

#include "core/model/scaling_event.h"
#include "ui/charts/chart_source.h"

#include <QVector>

#include <array>
#include <optional>
#include <span>
#include <vector>

namespace hpa::ui {

/// One scaling event placed on the chart's x axis.
struct EventMarker
{
    double x = 0;
    core::EventKind kind = core::EventKind::ReplicasChanged;
    int source = 0; ///< index into the chart sources
    int index = 0;  ///< index into that experiment's events
    bool secondary = false;
};

/// The scaling events of every source, sorted by x, for drawing the visible ones and for
/// finding the one under the mouse without scanning them all.
class EventMarkers
{
public:
    void setSources(const QVector<ChartSource> &sources);

    /// Markers with x in [x0, x1] (binary search).
    std::span<const EventMarker> visible(double x0, double x1) const;
    /// What to draw of [x0, x1] on pixel columns `pixelWidth` axis units wide, one of them
    /// starting at `pixelOrigin`: per look (kind, and primary or comparison source) the first
    /// marker of every column that has one, plus the markers exactly at `exact` (the selected
    /// event). A million-row run has ~100 events per pixel column at full range; drawn one by
    /// one they cost seconds a paint and look the same. O(drawn * log n), whatever n is.
    std::vector<EventMarker> decimated(double x0, double x1, double pixelOrigin, double pixelWidth,
                                       std::optional<double> exact = std::nullopt) const;
    /// The marker closest to `x` within `tolerance`, if any.
    std::optional<EventMarker> nearest(double x, double tolerance) const;
    std::size_t size() const { return m_markers.size(); }

private:
    /// Markers of one look sorted by x, with their x apart for the per-column search.
    struct Group
    {
        std::vector<double> xs;
        std::vector<EventMarker> markers;
    };
    static constexpr std::size_t kGroups = 6;
    static std::size_t groupOf(const EventMarker &m);

    std::vector<EventMarker> m_markers;
    std::array<Group, kGroups> m_groups;
};

} // namespace hpa::ui
