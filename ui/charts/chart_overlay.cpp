#include "ui/charts/chart_overlay.h"

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>

namespace hpa::ui {

namespace {

QPen cosmetic(const QColor &color, double width, Qt::PenStyle style = Qt::SolidLine,
              bool paper = false)
{
    QPen pen(color, width, style);
    pen.setCosmetic(!paper);
    return pen;
}

QColor markerColor(core::EventKind kind, const ChartPalette &palette)
{
    switch (kind) {
    case core::EventKind::ScaleUp:
        return palette.scaleUp;
    case core::EventKind::ScaleDown:
        return palette.scaleDown;
    case core::EventKind::ReplicasChanged:
        break;
    }
    return palette.replicasChanged;
}

} // namespace

double ChartOverlay::toScene(const OverlayState &state, double x)
{
    const double span = state.to - state.from;
    if (!(span > 0))
        return state.plot.left();
    return state.plot.left() + (x - state.from) / span * state.plot.width();
}

void ChartOverlay::paint(QPainter *painter, const OverlayState &state, const ChartPalette &palette)
{
    if (state.plot.isEmpty())
        return;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, false);
    painter->setClipRect(state.plot.adjusted(-1, -1, 1, 1));
    paintEvents(painter, state, palette);
    if (state.highlight && *state.highlight >= state.from && *state.highlight <= state.to) {
        const double x = toScene(state, *state.highlight);
        painter->setPen(cosmetic(palette.highlight, 7));
        painter->drawLine(QPointF(x, state.plot.top()), QPointF(x, state.plot.bottom()));
        painter->setPen(cosmetic(palette.highlight.darker(140), 1));
        painter->drawLine(QPointF(x, state.plot.top()), QPointF(x, state.plot.bottom()));
    }
    if (state.band) {
        const double a = std::clamp(state.band->first, state.plot.left(), state.plot.right());
        const double b = std::clamp(state.band->second, state.plot.left(), state.plot.right());
        const QRectF rect(QPointF(std::min(a, b), state.plot.top()),
                          QPointF(std::max(a, b), state.plot.bottom()));
        painter->fillRect(rect, palette.band);
        painter->setPen(cosmetic(palette.band.darker(160), 1));
        painter->drawRect(rect);
    }
    if (state.cursor && *state.cursor >= state.from && *state.cursor <= state.to) {
        const double x = toScene(state, *state.cursor);
        painter->setPen(cosmetic(palette.cursor, 1));
        painter->drawLine(QPointF(x, state.plot.top()), QPointF(x, state.plot.bottom()));
    }
    paintMessage(painter, state, palette);
    painter->setClipping(false);
    paintReadout(painter, state, palette);
    painter->restore();
}

void ChartOverlay::paintEvents(QPainter *painter, const OverlayState &state,
                               const ChartPalette &palette)
{
    for (const EventMarker &m : state.events) {
        const double x = toScene(state, m.x);
        const bool changed = m.kind == core::EventKind::ReplicasChanged;
        const Qt::PenStyle style =
            changed ? Qt::DotLine : (m.secondary ? Qt::DashLine : Qt::SolidLine);
        QColor color = markerColor(m.kind, palette);
        color.setAlpha(changed ? 150 : 200);
        painter->setPen(cosmetic(color, changed ? 1 : 1.5, style, !palette.cosmeticPens()));
        painter->drawLine(QPointF(x, state.plot.top()), QPointF(x, state.plot.bottom()));
        if (!changed) {
            // A small flag at the top tells up from down without relying on colour alone.
            const double y = state.plot.top();
            const double dy = m.kind == core::EventKind::ScaleUp ? -4 : 4;
            const QPointF tip(x, y + 5 + dy);
            const QPolygonF arrow{QPointF(x - 4, y + 5), QPointF(x + 4, y + 5), tip};
            painter->setBrush(color);
            painter->setPen(Qt::NoPen);
            painter->drawPolygon(arrow);
            painter->setBrush(Qt::NoBrush);
        }
    }
}

void ChartOverlay::paintMessage(QPainter *painter, const OverlayState &state,
                                const ChartPalette &palette)
{
    if (state.message.isEmpty())
        return;
    QFont font = painter->font();
    font.setPointSizeF(font.pointSizeF() * 1.1);
    painter->setFont(font);
    const QRectF area = state.plot.adjusted(12, 8, -12, -8);
    const QRectF text =
        painter->boundingRect(area, Qt::AlignCenter | Qt::TextWordWrap, state.message);
    QColor fill = palette.plotBackground;
    fill.setAlpha(230);
    painter->fillRect(text.adjusted(-10, -6, 10, 6), fill);
    painter->setPen(palette.mutedText);
    painter->drawText(area, Qt::AlignCenter | Qt::TextWordWrap, state.message);
}

void ChartOverlay::paintReadout(QPainter *painter, const OverlayState &state,
                                const ChartPalette &palette)
{
    if (state.readout.isEmpty() || !state.cursor)
        return;
    const QFontMetricsF fm(painter->font());
    double width = 0;
    for (const QString &line : state.readout)
        width = std::max(width, fm.horizontalAdvance(line));
    const double lineHeight = fm.height();
    const QSizeF size(width + 16, lineHeight * state.readout.size() + 10);
    const double cursorX = toScene(state, *state.cursor);
    double left = cursorX + 14;
    if (left + size.width() > state.bounds.right())
        left = cursorX - 14 - size.width();
    left = std::max(left, state.bounds.left());
    const double top =
        std::clamp(state.plot.top() + 4, state.bounds.top(),
                   std::max(state.bounds.top(), state.bounds.bottom() - size.height()));
    const QRectF box(QPointF(left, top), size);
    painter->setPen(cosmetic(palette.tooltipBorder, 1));
    painter->setBrush(palette.tooltipBackground);
    painter->drawRect(box);
    painter->setPen(palette.text);
    double y = box.top() + 5 + fm.ascent();
    for (const QString &line : state.readout) {
        painter->drawText(QPointF(box.left() + 8, y), line);
        y += lineHeight;
    }
}

} // namespace hpa::ui
