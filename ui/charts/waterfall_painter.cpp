#include "ui/charts/waterfall_painter.h"

#include "ui/charts/font_scale.h"

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace hpa::ui {

namespace {

double toScene(const QRectF &plot, double from, double to, double x)
{
    const double span = to - from;
    return span > 0 ? plot.left() + (x - from) / span * plot.width() : plot.left();
}

} // namespace

QRectF WaterfallPainter::barRect(const QRectF &plot, double lineHeight)
{
    const double h = lineHeight + 4;
    return {plot.left(), plot.bottom() - h - 3, plot.width(), h};
}

QColor WaterfallPainter::segmentColor(EpisodeWaterfall::Kind kind, const ChartPalette &palette)
{
    switch (kind) {
    case EpisodeWaterfall::Kind::Reaction:
        return palette.scaleDown; // orange: waiting for the HPA
    case EpisodeWaterfall::Kind::CatchUp:
        return palette.seriesColor(0, false); // the requested replicas' own hue
    case EpisodeWaterfall::Kind::ToRelief:
        return palette.scaleUp;
    case EpisodeWaterfall::Kind::Censored:
    case EpisodeWaterfall::Kind::Other:
        break;
    }
    return palette.mutedText;
}

void WaterfallPainter::paint(QPainter *painter, const QRectF &plot, double from, double to,
                             const EpisodeWaterfall &waterfall, const ChartPalette &palette)
{
    const auto [first, last] = waterfall.span();
    if (plot.isEmpty() || last < from || first > to)
        return;
    painter->save();
    painter->setClipRect(plot.adjusted(-1, -1, 1, 1));
    const auto x = [&](double v) {
        return toScene(plot, from, to, v);
    };
    const double left = std::max(plot.left() - 2, x(first));
    const double right = std::min(plot.right() + 2, x(last));

    QColor band = palette.highlight;
    band.setAlpha(35);
    painter->fillRect(
        QRectF(QPointF(left, plot.top()), QPointF(std::max(right, left + 1), plot.bottom())), band);
    // A dashed line at each milestone, across the whole plot.
    const double milestones[] = {waterfall.breachX, waterfall.decisionX.value_or(NAN),
                                 waterfall.caughtUpX.value_or(NAN),
                                 waterfall.reliefX.value_or(NAN)};
    painter->setPen(palette.linePen(palette.mutedText, 1.0, Qt::DashLine));
    for (double m : milestones) {
        if (std::isfinite(m) && m >= from && m <= to)
            painter->drawLine(QPointF(x(m), plot.top()), QPointF(x(m), plot.bottom()));
    }

    painter->setFont(FontScale::scaled(painter->font(), 0.9));
    const QFontMetricsF metrics(painter->font());
    const QRectF bar = barRect(plot, metrics.height());
    // Labels that do not fit in their segment go above the bar, on as many rows as needed.
    std::vector<double> rowEnds;
    const auto above = [&](double at, const QString &text, const QColor &color) {
        const double width = metrics.horizontalAdvance(text);
        const double start = std::clamp(at, plot.left() + 2, plot.right() - width - 2);
        std::size_t row = 0;
        while (row < rowEnds.size() && rowEnds[row] > start)
            ++row;
        if (row == rowEnds.size())
            rowEnds.push_back(0);
        rowEnds[row] = start + width + 8;
        const QRectF box(start - 2, bar.top() - (row + 1) * (metrics.height() + 2), width + 4,
                         metrics.height());
        QColor fill = palette.plotBackground;
        fill.setAlpha(220);
        painter->fillRect(box, fill);
        painter->setPen(color.darker(palette.mode == ChartPalette::Mode::Dark ? 70 : 130));
        painter->drawText(box, Qt::AlignCenter, text);
    };

    above(left, waterfall.title(), palette.text);
    const QVector<EpisodeWaterfall::Segment> segments = waterfall.segments();
    for (const EpisodeWaterfall::Segment &s : segments) {
        const QColor color = segmentColor(s.kind, palette);
        const double a = x(s.x0), b = x(s.x1);
        QRectF rect(QPointF(a, bar.top()), QPointF(std::max(b, a + 2), bar.bottom()));
        QColor fill = color;
        // Translucent: the lines under the bar stay visible.
        fill.setAlpha(s.kind == EpisodeWaterfall::Kind::Censored ? 70 : 120);
        painter->fillRect(rect, fill);
        if (s.kind == EpisodeWaterfall::Kind::Censored)
            painter->fillRect(rect, QBrush(palette.mutedText, Qt::BDiagPattern));
        painter->setPen(palette.linePen(color.darker(150), 1.0));
        painter->drawRect(rect);
        const double width = metrics.horizontalAdvance(s.label);
        const QRectF visible = rect & plot;
        if (width + 6 <= visible.width()) {
            painter->setPen(palette.text);
            painter->drawText(visible, Qt::AlignCenter, s.label);
        } else {
            above(std::max(a, plot.left()), s.label, color);
        }
    }
    painter->restore();
}

} // namespace hpa::ui
