#include "ui/charts/follow_mode.h"

#include "ui/charts/time_window.h"

#include <algorithm>
#include <cmath>

namespace hpa::ui {

FollowMode::FollowMode(TimeWindow *window, QObject *parent) : QObject(parent), m_window(window)
{
    connect(m_window, &TimeWindow::rangeChanged, this, &FollowMode::onRangeChanged);
}

void FollowMode::setWidth(Width width, double windowSeconds)
{
    m_width = width;
    m_windowSeconds = std::max(windowSeconds, TimeWindow::minimumSpan());
    if (m_following)
        slide();
}

void FollowMode::resume()
{
    setFollowing(true);
    slide();
}

void FollowMode::stop()
{
    setFollowing(false);
}

void FollowMode::dataExtended()
{
    if (m_following)
        slide();
}

double FollowMode::wholeRunEnd(double fullFrom, double fullTo, double shownTo)
{
    const double span = std::max(fullTo - fullFrom, TimeWindow::minimumSpan());
    // The widest page the rule below makes: 1.05 x the run plus a step of up to 2.5 tenths.
    if (shownTo >= fullTo && shownTo - fullFrom <= 1.3 * span + 1.0)
        return shownTo;
    const double tenth = span / 10.0;
    double step = std::pow(10.0, std::floor(std::log10(tenth)));
    for (const double factor : {2.0, 5.0, 10.0}) {
        if (step >= tenth)
            break;
        step = std::pow(10.0, std::floor(std::log10(tenth))) * factor;
    }
    step = std::max(step, 1.0);
    return fullFrom + std::ceil(1.05 * span / step) * step;
}

void FollowMode::slide()
{
    const bool whole = m_width == Width::WholeRun;
    const double end = whole ? wholeRunEnd(m_window->fullFrom(), m_window->fullTo(), m_window->to())
                             : m_window->fullTo();
    const double from =
        whole ? m_window->fullFrom() : std::max(m_window->fullFrom(), end - m_windowSeconds);
    m_sliding = true;
    m_window->slideTo(from, end);
    m_sliding = false;
}

void FollowMode::onRangeChanged(double, double to)
{
    if (m_sliding || !m_following)
        return;
    // The user moved the range: still following while the newest sample stays in view (a
    // zoom around the end), not once it is out of view (a look into the past).
    const double tolerance = 1e-6 * std::max(1.0, m_window->fullTo() - m_window->fullFrom());
    if (to < m_window->fullTo() - tolerance)
        setFollowing(false);
}

void FollowMode::setFollowing(bool following)
{
    if (m_following == following)
        return;
    m_following = following;
    emit followingChanged(following);
}

} // namespace hpa::ui
