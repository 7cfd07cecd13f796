#include "ui/charts/curve_decimator.h"

#include <algorithm>
#include <cmath>
#include <cstring>

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

void CurveDecimator::setData(std::shared_ptr<const core::ColumnValues> time,
                             std::shared_ptr<const core::ColumnValues> values, double origin,
                             double gapSeconds, bool step, bool zeroIsMissing,
                             std::size_t unchangedRows)
{
    const auto missing = zeroIsMissing ? core::SeriesIndex::Missing::NotPositiveToo
                                       : core::SeriesIndex::Missing::NotFinite;
    const std::size_t indexed = m_index.size();
    // The last indexed sample is compared as well: a cheap guard against a caller whose
    // `unchangedRows` refers to other data than this index was built on.
    const bool extend =
        time && values && m_time && m_values && indexed > 0 && indexed <= unchangedRows &&
        time->size() >= indexed && values->size() >= indexed && origin == m_origin &&
        gapSeconds == m_gap && step == m_step && m_index.missing() == missing &&
        (*time)[indexed - 1] == (*m_time)[indexed - 1] &&
        std::memcmp(&(*values)[indexed - 1], &(*m_values)[indexed - 1], sizeof(double)) == 0;
    m_time = std::move(time);
    m_values = std::move(values);
    m_origin = origin;
    m_gap = gapSeconds;
    m_step = step;
    if (extend) {
        // The lines stay until prepare() finds that a point moved.
        m_index.extend(*m_time, *m_values);
        return;
    }
    if (m_time && m_values)
        m_index = core::SeriesIndex(*m_time, *m_values, m_gap, missing);
    else
        m_index = core::SeriesIndex();
    m_segments.clear();
    m_prepared.valid = false;
}

namespace {

bool samePoints(const std::vector<core::PlotPoint> &a, const std::vector<core::PlotPoint> &b)
{
    // Bit for bit: the breaks' NaNs are made alike, and a false "differ" only costs a rebuild.
    return a.size() == b.size() &&
           (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(core::PlotPoint)) == 0);
}

} // namespace

CurveDecimator::Extent CurveDecimator::prepare(double x0, double x1, int pixels)
{
    Extent extent;
    if (!m_time || !m_values) {
        m_segments.clear();
        m_prepared.valid = false;
        return extent;
    }
    const bool sameRange = m_prepared.valid && m_prepared.x0 == x0 && m_prepared.x1 == x1 &&
                           m_prepared.pixels == pixels;
    if (sameRange)
        m_previous = m_points;
    // The points of the last prepare() are picked up again when only rows were appended.
    m_index.decimate(x0 + m_origin, x1 + m_origin, pixels, m_points, m_resume);
    if (sameRange && samePoints(m_points, m_previous))
        return m_extent;
    m_segments.clear();
    const std::vector<core::PlotPoint> &points = m_points;
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
    m_prepared = {true, x0, x1, pixels};
    m_extent = extent;
    return extent;
}

} // namespace hpa::ui
