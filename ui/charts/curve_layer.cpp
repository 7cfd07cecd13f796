#include "ui/charts/curve_layer.h"

#include <QPainter>
#include <QPolygonF>

#include <algorithm>
#include <cmath>
#include <limits>

namespace hpa::ui {

namespace {

/// Segments are cut to the plot grown by this much before drawing: zoomed far in, the
/// neighbours just outside the range map millions of pixels away, where the raster engine's
/// fixed-point coordinates overflow. Cut exactly, the visible part keeps its slope.
constexpr double kMargin = 64;

double toPixel(double v, double v0, double v1, double p0, double p1)
{
    if (!(v1 > v0))
        return (p0 + p1) / 2;
    return p0 + (v - v0) / (v1 - v0) * (p1 - p0);
}

/// Liang-Barsky: the part of segment a-b inside `box`, if any.
bool clipSegment(QPointF &a, QPointF &b, const QRectF &box)
{
    const double dx = b.x() - a.x();
    const double dy = b.y() - a.y();
    double t0 = 0, t1 = 1;
    const auto edge = [&](double p, double q) {
        if (p == 0)
            return q >= 0;
        const double t = q / p;
        if (p < 0) {
            if (t > t1)
                return false;
            t0 = std::max(t0, t);
        } else {
            if (t < t0)
                return false;
            t1 = std::min(t1, t);
        }
        return true;
    };
    if (!edge(-dx, a.x() - box.left()) || !edge(dx, box.right() - a.x()) ||
        !edge(-dy, a.y() - box.top()) || !edge(dy, box.bottom() - a.y()))
        return false;
    const QPointF start = a;
    a = QPointF(start.x() + t0 * dx, start.y() + t0 * dy);
    b = QPointF(start.x() + t1 * dx, start.y() + t1 * dy);
    return true;
}

/// x of the last point `a` and `b` share before they part (the line from it on is redrawn):
/// +inf when equal, -inf when they part at their first point.
double firstChange(const QList<QList<QPointF>> &a, const QList<QList<QPointF>> &b)
{
    constexpr double kInf = std::numeric_limits<double>::infinity();
    double last = -kInf;
    const qsizetype segments = std::min(a.size(), b.size());
    for (qsizetype s = 0; s < segments; ++s) {
        const QList<QPointF> &x = a.at(s), &y = b.at(s);
        const qsizetype n = std::min(x.size(), y.size());
        for (qsizetype i = 0; i < n; ++i) {
            if (x.at(i) != y.at(i))
                return last;
            last = x.at(i).x();
        }
        if (x.size() != y.size())
            return last;
    }
    return a.size() == b.size() ? kInf : last;
}

double firstChange(const QList<QPointF> &a, const QList<QPointF> &b)
{
    return firstChange(QList<QList<QPointF>>{a}, QList<QList<QPointF>>{b});
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
    if (plot == m_plot && ranges == m_ranges)
        return;
    if (plot != m_plot)
        prepareGeometryChange();
    m_plot = plot;
    m_ranges = ranges;
    update();
}

void CurveLayer::setCurves(QList<Curve> curves)
{
    double from = std::numeric_limits<double>::infinity();
    if (curves.size() != m_curves.size()) {
        from = -from;
    } else {
        for (qsizetype i = 0; i < curves.size(); ++i) {
            const Curve &now = curves.at(i), &was = m_curves.at(i);
            from = now.pen == was.pen && now.rightAxis == was.rightAxis && now.name == was.name
                       ? std::min(from, firstChange(was.segments, now.segments))
                       : -std::numeric_limits<double>::infinity();
        }
    }
    m_curves = std::move(curves);
    m_pointCount = 0;
    for (const Curve &curve : m_curves)
        m_pointCount += curve.pointCount();
    updateFrom(from);
}

void CurveLayer::setShade(QList<QPointF> lower, const QBrush &brush)
{
    const double from = brush == m_shadeBrush ? firstChange(m_shade, lower)
                                              : -std::numeric_limits<double>::infinity();
    m_shade = std::move(lower);
    m_shadeBrush = brush;
    updateFrom(from);
}

void CurveLayer::updateFrom(double from)
{
    if (from == std::numeric_limits<double>::infinity())
        return;
    if (!std::isfinite(from) || m_plot.isEmpty()) {
        update();
        return;
    }
    // Wide enough for the widest pen's caps and joins around the point the line leaves.
    constexpr double kPenReach = 4;
    const double x = toPixel(from, m_ranges.x0, m_ranges.x1, m_plot.left(), m_plot.right());
    const double left = std::clamp(std::floor(x - kPenReach), m_plot.left(), m_plot.right());
    update(QRectF(QPointF(left, m_plot.top()), m_plot.bottomRight()));
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
        // The shade is a fill: its corners may lie off the plot without changing its edges
        // there, so they are only pulled in to the drawing margin.
        const QRectF box = m_plot.adjusted(-kMargin, -kMargin, kMargin, kMargin);
        for (const QPointF &p : m_shade) {
            const QPointF q = map(p, false);
            area << QPointF(std::clamp(q.x(), box.left(), box.right()),
                            std::clamp(q.y(), box.top(), box.bottom()));
        }
        area << QPointF(area.last().x(), m_plot.top()) << QPointF(area.first().x(), m_plot.top());
        painter->setPen(Qt::NoPen);
        painter->setBrush(m_shadeBrush);
        painter->drawPolygon(area);
    }
    painter->setBrush(Qt::NoBrush);
    const QRectF box = m_plot.adjusted(-kMargin, -kMargin, kMargin, kMargin);
    QPolygonF line;
    const auto flush = [&] {
        if (line.size() >= 2)
            painter->drawPolyline(line);
        line.clear();
    };
    for (const Curve &curve : m_curves) {
        painter->setPen(curve.pen);
        for (const QList<QPointF> &segment : curve.segments) {
            if (segment.size() == 1) {
                const QPointF p = map(segment.first(), curve.rightAxis);
                if (box.contains(p))
                    painter->drawPoint(p);
                continue;
            }
            QPointF previous = map(segment.first(), curve.rightAxis);
            for (qsizetype i = 1; i < segment.size(); ++i) {
                const QPointF next = map(segment.at(i), curve.rightAxis);
                QPointF a = previous, b = next;
                previous = next;
                if (!clipSegment(a, b, box)) {
                    flush();
                    continue;
                }
                if (line.isEmpty() || line.last() != a) {
                    flush();
                    line << a;
                }
                line << b;
            }
            flush();
        }
    }
    painter->restore();
}

} // namespace hpa::ui
