#include "core/model/hpa_recommendation_window.h"

#include <algorithm>

namespace hpa::core {

void HpaRecommendationWindow::Queue::push(Entry e, bool keepMax)
{
    // An older entry that is not more extreme than the new one can never be the extreme
    // again: the new one stays in every window at least as long.
    while (!empty() && (keepMax ? entries.back().replicas <= e.replicas
                                : entries.back().replicas >= e.replicas))
        entries.pop_back();
    if (empty()) {
        entries.clear();
        head = 0;
    } else if (head > 1024 && head * 2 > entries.size()) {
        entries.erase(entries.begin(), entries.begin() + static_cast<std::ptrdiff_t>(head));
        head = 0;
    }
    entries.push_back(e);
}

void HpaRecommendationWindow::Queue::dropBefore(double cutoff, bool strict)
{
    // Upstream's tests: `timestamp.Before(cutoff)` is outdated without behavior,
    // `timestamp.After(cutoff)` is inside with behavior.
    while (!empty() && (strict ? entries[head].time <= cutoff : entries[head].time < cutoff))
        ++head;
}

void HpaRecommendationWindow::store(double now, int replicas)
{
    m_max.push({now, replicas}, true);
    if (m_withBehavior)
        m_min.push({now, replicas}, false);
}

void HpaRecommendationWindow::clear()
{
    m_max = {};
    m_min = {};
}

int HpaRecommendationWindow::stabilize(double now, int raw, double downscaleWindowSeconds)
{
    m_max.dropBefore(now - downscaleWindowSeconds, false);
    const int result = m_max.empty() ? raw : std::max(raw, m_max.front());
    store(now, raw);
    return result;
}

int HpaRecommendationWindow::stabilizeWithBehaviors(double now, int raw, int current,
                                                    double upWindowSeconds,
                                                    double downWindowSeconds)
{
    m_min.dropBefore(now - upWindowSeconds, true);
    m_max.dropBefore(now - downWindowSeconds, true);
    const int up = m_min.empty() ? raw : std::min(raw, m_min.front());
    const int down = m_max.empty() ? raw : std::max(raw, m_max.front());
    int recommendation = current;
    if (recommendation < up)
        recommendation = up;
    if (recommendation > down)
        recommendation = down;
    store(now, raw);
    return recommendation;
}

std::size_t HpaRecommendationWindow::size() const
{
    return (m_max.entries.size() - m_max.head) + (m_min.entries.size() - m_min.head);
}

} // namespace hpa::core
