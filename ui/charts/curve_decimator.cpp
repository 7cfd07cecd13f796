#include "ui/charts/curve_decimator.h"

#include <algorithm>
#include <cmath>

namespace hpa::ui {

void CurveDecimator::Extent::include(double v)
{
    if (!std::isfinite(v))
        return;
    min = std::min(min, v);
    max = std::max(max, v);
}

void CurveDecimator::Extent::include(const Extent &other)
{
    if (!other.valid())
        return;
    include(other.min);
    include(other.max);
}

void CurveDecimator::setData(std::shared_ptr<const std::vector<double>> time,
                             std::shared_ptr<const std::vector<double>> values, double origin,
                             double gapSeconds, bool step)
{
    m_time = std::move(time);
    m_values = std::move(values);
    m_origin = origin;
    m_gap = gapSeconds;
    m_step = step;
    m_index = core::SeriesIndex();
    if (m_time && m_values)
        m_index = core::SeriesIndex(*m_time, *m_values, m_gap);
    m_segments.clear();
}

CurveDecimator::Extent CurveDecimator::prepare(double x0, double x1, int pixels)
{
    Extent extent;
    m_segments.clear();
    if (!m_time || !m_values)
        return extent;
    const std::vector<core::PlotPoint> points =
        m_index.decimate(x0 + m_origin, x1 + m_origin, pixels);
    // Stair corners only matter while samples are wider apart than a pixel; denser than that
    // they are invisible and would double the points drawn.
    const bool stairs = m_step && points.size() < static_cast<std::size_t>(pixels);
    QList<QPointF> current;
    double lastBeforeRange = NAN;
    for (const core::PlotPoint &p : points) {
        if (std::isnan(p.y)) {
            if (!current.isEmpty())
                m_segments << std::exchange(current, {});
            continue;
        }
        const double x = p.x - m_origin;
        if (stairs && !current.isEmpty() && current.last().y() != p.y)
            current << QPointF(x, current.last().y());
        current << QPointF(x, p.y);
        if (x < x0)
            lastBeforeRange = p.y;
        else if (x <= x1)
            extent.include(p.y);
    }
    if (!current.isEmpty())
        m_segments << current;
    // A step drawn from the left neighbour is visible up to the first sample inside.
    if (m_step)
        extent.include(lastBeforeRange);
    if (!extent.valid()) {
        // Zoomed between two samples: the line crossing the view is what is visible.
        for (const QList<QPointF> &segment : std::as_const(m_segments)) {
            for (const QPointF &q : segment)
                extent.include(q.y());
        }
    }
    return extent;
}

} // namespace hpa::ui
