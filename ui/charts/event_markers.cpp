#include "ui/charts/event_markers.h"

#include <algorithm>
#include <cmath>

namespace hpa::ui {

std::size_t EventMarkers::groupOf(const EventMarker &m)
{
    const auto kind = static_cast<std::size_t>(m.kind) % (kGroups / 2);
    return kind * 2 + (m.secondary ? 1 : 0);
}

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
    const auto byX = [](const EventMarker &a, const EventMarker &b) {
        return a.x < b.x;
    };
    // One source's log is nearly always in time order already.
    if (!std::is_sorted(m_markers.begin(), m_markers.end(), byX))
        std::stable_sort(m_markers.begin(), m_markers.end(), byX);
    for (Group &g : m_groups) {
        g.xs.clear();
        g.markers.clear();
    }
    for (const EventMarker &m : m_markers) {
        Group &g = m_groups[groupOf(m)];
        g.xs.push_back(m.x);
        g.markers.push_back(m);
    }
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

std::vector<EventMarker> EventMarkers::decimated(double x0, double x1, double pixelOrigin,
                                                 double pixelWidth,
                                                 std::optional<double> exact) const
{
    std::vector<EventMarker> out;
    if (!(pixelWidth > 0) || !std::isfinite(pixelWidth) || !std::isfinite(pixelOrigin)) {
        for (const EventMarker &m : visible(x0, x1))
            out.push_back(m);
        return out;
    }
    for (const Group &g : m_groups) {
        auto it = std::lower_bound(g.xs.begin(), g.xs.end(), x0);
        while (it != g.xs.end() && *it <= x1) {
            out.push_back(g.markers[static_cast<std::size_t>(it - g.xs.begin())]);
            // Skip the rest of this marker's column: the next search starts at the next one.
            const double column = std::floor((*it - pixelOrigin) / pixelWidth);
            const double next = pixelOrigin + (column + 1) * pixelWidth;
            it = next > *it ? std::lower_bound(it + 1, g.xs.end(), next) : it + 1;
        }
    }
    if (exact && *exact >= x0 && *exact <= x1) {
        for (const EventMarker &m : visible(*exact, *exact))
            out.push_back(m);
    }
    return out;
}

std::optional<EventMarker> EventMarkers::nearest(double x, double tolerance) const
{
    // The closest marker is one of the two around x: no scan of a dense column.
    const auto less = [](const EventMarker &m, double v) {
        return m.x < v;
    };
    const auto it = std::lower_bound(m_markers.begin(), m_markers.end(), x, less);
    std::optional<EventMarker> best;
    if (it != m_markers.end())
        best = *it;
    if (it != m_markers.begin() && (!best || x - std::prev(it)->x <= best->x - x)) {
        // Of several markers at the same x, the first one, as a scan in x order would find.
        best = *std::lower_bound(m_markers.begin(), it, std::prev(it)->x, less);
    }
    if (best && std::fabs(best->x - x) <= tolerance)
        return best;
    return std::nullopt;
}

} // namespace hpa::ui
