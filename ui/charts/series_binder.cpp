#include "ui/charts/series_binder.h"

#include <QAbstractAxis>
#include <QChart>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>

#include <algorithm>
#include <cmath>
#include <span>

namespace hpa::ui {

void SeriesBinder::Extent::include(double v)
{
    if (!std::isfinite(v))
        return;
    min = std::min(min, v);
    max = std::max(max, v);
}

void SeriesBinder::Extent::include(const Extent &other)
{
    if (!other.valid())
        return;
    include(other.min);
    include(other.max);
}

SeriesBinder::SeriesBinder(QChart *chart, QAbstractAxis *xAxis, QAbstractAxis *yAxis, QString name)
    : m_chart(chart), m_xAxis(xAxis), m_yAxis(yAxis), m_name(std::move(name))
{
    addSegment();
}

SeriesBinder::~SeriesBinder()
{
    for (QLineSeries *series : m_segments) {
        m_chart->removeSeries(series);
        delete series;
    }
}

void SeriesBinder::setData(std::shared_ptr<const std::vector<double>> time,
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
}

void SeriesBinder::setPen(const QPen &pen)
{
    m_pen = pen;
    for (QLineSeries *series : m_segments)
        series->setPen(pen);
}

QLineSeries *SeriesBinder::addSegment()
{
    auto *series = new QLineSeries;
    series->setName(m_name);
    m_chart->addSeries(series);
    series->attachAxis(m_xAxis);
    series->attachAxis(m_yAxis);
    series->setPen(m_pen);
    if (!m_segments.isEmpty()) {
        for (QLegendMarker *marker : m_chart->legend()->markers(series))
            marker->setVisible(false);
    }
    m_segments << series;
    m_segmentSizes << 0;
    return series;
}

SeriesBinder::Extent SeriesBinder::prepare(double x0, double x1, int pixels)
{
    Extent extent;
    QList<QList<QPointF>> &parts = m_pending;
    parts.clear();
    if (m_time && m_values) {
        const std::vector<core::PlotPoint> points =
            m_index.decimate(x0 + m_origin, x1 + m_origin, pixels);
        // Stair corners only matter while samples are wider apart than a pixel; denser than
        // that they are invisible and would double the points handed to Qt.
        const bool stairs = m_step && points.size() < static_cast<std::size_t>(pixels);
        QList<QPointF> current;
        double lastBeforeRange = NAN;
        for (const core::PlotPoint &p : points) {
            if (std::isnan(p.y)) {
                if (!current.isEmpty())
                    parts << std::exchange(current, {});
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
            parts << current;
        // A step drawn from the left neighbour is visible up to the first sample inside.
        if (m_step)
            extent.include(lastBeforeRange);
        if (!extent.valid() && !parts.isEmpty()) {
            // Zoomed between two samples: the line crossing the view is what is visible.
            for (const QList<QPointF> &part : parts) {
                for (const QPointF &q : part)
                    extent.include(q.y());
            }
        }
    }
    if (parts.size() > kMaxSegments) {
        QList<QPointF> tail;
        for (qsizetype i = kMaxSegments - 1; i < parts.size(); ++i)
            tail += parts.at(i);
        parts.resize(kMaxSegments - 1);
        parts << tail;
    }
    return extent;
}

void SeriesBinder::clear()
{
    for (qsizetype i = 0; i < m_segments.size(); ++i) {
        if (m_segmentSizes[i] == 0)
            continue;
        m_segments[i]->clear();
        m_segmentSizes[i] = 0;
    }
}

void SeriesBinder::commit()
{
    m_drawn.clear();
    while (m_segments.size() < m_pending.size())
        addSegment();
    for (qsizetype i = 0; i < m_segments.size(); ++i) {
        const QList<QPointF> points = i < m_pending.size() ? m_pending.at(i) : QList<QPointF>{};
        if (points.isEmpty() && m_segmentSizes[i] == 0)
            continue;
        m_segments[i]->replace(points);
        m_segmentSizes[i] = static_cast<int>(points.size());
        m_drawn += points;
    }
    m_pending.clear();
}

} // namespace hpa::ui
