#include "ui/charts/whatif_layer.h"

#include "ui/charts/metric_chart.h"

#include "core/plot/step_corners.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

namespace hpa::ui {

WhatIfLayer::WhatIfLayer(MetricChart *chart) : QGraphicsObject(chart), m_chart(chart)
{
    // Above the recorded lines and the axes, below nothing the user clicks.
    setZValue(50);
    setAcceptedMouseButtons(Qt::NoButton);
}

QColor WhatIfLayer::color()
{
    return QColor(0xd0, 0x3a, 0xb0); // magenta: no recorded series is drawn in it
}

void WhatIfLayer::setCurve(core::StepCurve curve, const QString &label)
{
    prepareGeometryChange();
    m_curve = std::move(curve);
    m_label = label;
    update();
}

QRectF WhatIfLayer::boundingRect() const
{
    return m_chart->plotArea().adjusted(-2, -20, 2, 2);
}

QPolygonF WhatIfLayer::polyline() const
{
    QPolygonF line;
    if (m_curve.time.empty() || m_chart->sources().isEmpty())
        return line;
    const QRectF plot = m_chart->plotArea();
    const double from = m_chart->rangeFrom(), to = m_chart->rangeTo();
    const AxisScale &scale = m_chart->axes().leftAxis().scale;
    if (!(to > from) || !(scale.max > scale.min))
        return line;
    const ChartSource &source = m_chart->sources().first();
    const auto sx = [&](double t) {
        return plot.left() + (source.toX(t) - from) / (to - from) * plot.width();
    };
    const auto sy = [&](double v) {
        return plot.bottom() - (v - scale.min) / (scale.max - scale.min) * plot.height();
    };
    const int pixels = std::max(1, static_cast<int>(std::ceil(plot.width())));
    for (const core::StepCorners::Corner &c :
         core::StepCorners::of(m_curve, source.toTime(from), source.toTime(to), pixels)) {
        const double x = sx(c.time);
        if (!line.isEmpty())
            line << QPointF(x, line.back().y()); // hold the previous count up to the change
        line << QPointF(x, sy(c.count));
    }
    return line;
}

void WhatIfLayer::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    const QPolygonF line = polyline();
    if (line.isEmpty())
        return;
    const QRectF plot = m_chart->plotArea();
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, false);
    painter->setClipRect(plot.adjusted(-1, -1, 1, 1));
    QPen pen(color(), 2.5, Qt::DashLine);
    pen.setCosmetic(true);
    painter->setPen(pen);
    // Segment by segment: a wide pen stroked along one self-overlapping polyline is filled as
    // one huge outline (3.6 s for 9,000 corners in the raster engine), each segment alone in
    // a few milliseconds.
    QVector<QLineF> segments;
    segments.reserve(line.size());
    for (qsizetype i = 1; i < line.size(); ++i) {
        if (line[i] != line[i - 1])
            segments << QLineF(line[i - 1], line[i]);
    }
    painter->drawLines(segments);
    painter->setClipping(false);
    QString label = m_label;
    const int peak = m_curve.maximum();
    if (!label.isEmpty() && peak > m_chart->axes().leftAxis().scale.max)
        label += tr(" — peaks at %1, above this axis").arg(peak);
    if (!label.isEmpty()) {
        QFont font = painter->font();
        font.setBold(true);
        painter->setFont(font);
        painter->setPen(color());
        const QRectF box(plot.left() + 6, plot.top() + 2, plot.width() - 12, 18);
        painter->drawText(box, Qt::AlignRight | Qt::AlignTop, label);
    }
    painter->restore();
}

} // namespace hpa::ui
