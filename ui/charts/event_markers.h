#pragma once

#include "core/scaling_event.h"
#include "ui/charts/chart_source.h"

#include <QVector>

#include <optional>
#include <span>

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
    /// The marker closest to `x` within `tolerance`, if any.
    std::optional<EventMarker> nearest(double x, double tolerance) const;
    std::size_t size() const { return m_markers.size(); }

private:
    std::vector<EventMarker> m_markers;
};

} // namespace hpa::ui
