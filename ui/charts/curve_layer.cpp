#include "ui/charts/curve_layer.h"

#include <QPainter>
#include <QPolygonF>

#include <algorithm>
#include <cmath>

namespace hpa::ui {

namespace {

/// Lines are drawn in scene coordinates; a point mapped this far outside the plot is clipped
/// anyway, and keeping it finite keeps the raster engine away from overflowing fixed-point.
constexpr double kFar = 1e6;

double toPixel(double v, double v0, double v1, double p0, double p1)
{
    if (!(v1 > v0))
        return (p0 + p1) / 2;
    return std::clamp(p0 + (v - v0) / (v1 - v0) * (p1 - p0), -kFar, kFar);
}

} // namespace

qsizetype Curve::pointCount() const
{
    qsizetype n = 0;
    for (const QList<QPointF> &segment : segments)
        n += segment.size();
    return n;
}

CurveLayer::CurveLayer(QGraphicsItem *parent) : QGraphicsItem(parent)
{
    // Painting never reaches outside the plot area, so nothing else needs repainting.
    setFlag(QGraphicsItem::ItemClipsToShape);
}

void CurveLayer::setPlot(const QRectF &plot, const Ranges &ranges)
{
    if (plot != m_plot)
        prepareGeometryChange();
    m_plot = plot;
    m_ranges = ranges;
    update();
}

void CurveLayer::setCurves(QList<Curve> curves)
{
    m_curves = std::move(curves);
    m_pointCount = 0;
    for (const Curve &curve : m_curves)
        m_pointCount += curve.pointCount();
    update();
}

void CurveLayer::setShade(QList<QPointF> lower, const QBrush &brush)
{
    m_shade = std::move(lower);
    m_shadeBrush = brush;
    update();
}

QPointF CurveLayer::map(const QPointF &p, bool rightAxis) const
{
    const double y0 = rightAxis ? m_ranges.right0 : m_ranges.left0;
    const double y1 = rightAxis ? m_ranges.right1 : m_ranges.left1;
    return {toPixel(p.x(), m_ranges.x0, m_ranges.x1, m_plot.left(), m_plot.right()),
            toPixel(p.y(), y0, y1, m_plot.bottom(), m_plot.top())};
}

QRectF CurveLayer::boundingRect() const
{
    return m_plot;
}

void CurveLayer::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    if (m_plot.isEmpty())
        return;
    painter->save();
    painter->setClipRect(m_plot, Qt::IntersectClip);
    if (m_shade.size() >= 2) {
        QPolygonF area;
        area.reserve(m_shade.size() + 2);
        for (const QPointF &p : m_shade)
            area << map(p, false);
        area << QPointF(area.last().x(), m_plot.top()) << QPointF(area.first().x(), m_plot.top());
        painter->setPen(Qt::NoPen);
        painter->setBrush(m_shadeBrush);
        painter->drawPolygon(area);
    }
    painter->setBrush(Qt::NoBrush);
    QPolygonF line;
    for (const Curve &curve : m_curves) {
        painter->setPen(curve.pen);
        for (const QList<QPointF> &segment : curve.segments) {
            line.resize(segment.size());
            for (qsizetype i = 0; i < segment.size(); ++i)
                line[i] = map(segment.at(i), curve.rightAxis);
            if (line.size() == 1)
                painter->drawPoint(line.first());
            else
                painter->drawPolyline(line);
        }
    }
    painter->restore();
}

} // namespace hpa::ui
