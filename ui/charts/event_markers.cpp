#include "ui/charts/event_markers.h"

#include <algorithm>
#include <cmath>

namespace hpa::ui {

void EventMarkers::setSources(const QVector<ChartSource> &sources)
{
    m_markers.clear();
    for (int s = 0; s < sources.size(); ++s) {
        const ChartSource &source = sources.at(s);
        if (!source.experiment)
            continue;
        const auto &events = source.experiment->events;
        for (std::size_t i = 0; i < events.size(); ++i) {
            m_markers.push_back({source.toX(events[i].time), events[i].kind, s, static_cast<int>(i),
                                 source.secondary});
        }
    }
    std::stable_sort(m_markers.begin(), m_markers.end(),
                     [](const EventMarker &a, const EventMarker &b) { return a.x < b.x; });
}

std::span<const EventMarker> EventMarkers::visible(double x0, double x1) const
{
    const auto less = [](const EventMarker &m, double x) {
        return m.x < x;
    };
    const auto greater = [](double x, const EventMarker &m) {
        return x < m.x;
    };
    const auto first = std::lower_bound(m_markers.begin(), m_markers.end(), x0, less);
    const auto last = std::upper_bound(first, m_markers.end(), x1, greater);
    return {first, last};
}

std::optional<EventMarker> EventMarkers::nearest(double x, double tolerance) const
{
    std::optional<EventMarker> best;
    for (const EventMarker &m : visible(x - tolerance, x + tolerance)) {
        if (!best || std::fabs(m.x - x) < std::fabs(best->x - x))
            best = m;
    }
    return best;
}

} // namespace hpa::ui
