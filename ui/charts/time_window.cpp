#include "ui/charts/time_window.h"

#include <algorithm>

namespace hpa::ui {

TimeWindow::TimeWindow(QObject *parent) : QObject(parent) {}

bool TimeWindow::isZoomed() const
{
    return m_from > m_fullFrom || m_to < m_fullTo;
}

void TimeWindow::setFullRange(double from, double to)
{
    if (to <= from)
        to = from + minimumSpan();
    m_fullFrom = from;
    m_fullTo = to;
    m_stack.clear();
    emit fullRangeChanged(from, to);
    apply(from, to);
}

void TimeWindow::extendFullRange(double from, double to)
{
    if (to <= from)
        to = from + minimumSpan();
    if (from == m_fullFrom && to == m_fullTo)
        return;
    m_fullFrom = from;
    m_fullTo = to;
    emit fullRangeChanged(from, to);
}

void TimeWindow::slideTo(double from, double to)
{
    if (to - from < minimumSpan())
        to = from + minimumSpan();
    if (from == m_from && to == m_to)
        return;
    apply(from, to);
}

void TimeWindow::zoomTo(double from, double to)
{
    if (to < from)
        std::swap(from, to);
    if (to - from < minimumSpan()) {
        const double mid = (from + to) / 2;
        from = mid - minimumSpan() / 2;
        to = mid + minimumSpan() / 2;
    }
    from = std::max(from, m_fullFrom);
    to = std::min(to, m_fullTo);
    if (to <= from || (from == m_from && to == m_to))
        return;
    m_stack.push_back({m_from, m_to});
    apply(from, to);
}

void TimeWindow::zoomBy(double factor, double anchor)
{
    if (factor <= 0)
        return;
    const double span = m_to - m_from;
    const double rel = span > 0 ? (anchor - m_from) / span : 0.5;
    const double newSpan = std::clamp(span * factor, minimumSpan(), m_fullTo - m_fullFrom);
    double from = anchor - rel * newSpan;
    double to = from + newSpan;
    if (from < m_fullFrom) {
        to += m_fullFrom - from;
        from = m_fullFrom;
    }
    if (to > m_fullTo) {
        from -= to - m_fullTo;
        to = m_fullTo;
    }
    zoomTo(std::max(from, m_fullFrom), to);
}

void TimeWindow::pan(double dx)
{
    const double span = m_to - m_from;
    double from = std::clamp(m_from + dx, m_fullFrom, m_fullTo - span);
    if (from == m_from)
        return;
    apply(from, from + span);
}

void TimeWindow::ensureVisible(double x)
{
    if (x >= m_from && x <= m_to)
        return;
    const double span = m_to - m_from;
    if (x < m_fullFrom || x > m_fullTo) {
        reset();
        return;
    }
    // Centre the instant keeping the zoom level, so the user keeps their sense of scale.
    double from = std::clamp(x - span / 2, m_fullFrom, m_fullTo - span);
    m_stack.push_back({m_from, m_to});
    apply(from, from + span);
}

void TimeWindow::back()
{
    if (m_stack.isEmpty())
        return;
    const auto [from, to] = m_stack.takeLast();
    apply(from, to);
}

void TimeWindow::reset()
{
    m_stack.clear();
    apply(m_fullFrom, m_fullTo);
}

void TimeWindow::apply(double from, double to)
{
    m_from = from;
    m_to = to;
    emit rangeChanged(from, to);
}

} // namespace hpa::ui
