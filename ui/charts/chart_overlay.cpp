#include "ui/charts/chart_overlay.h"

#include "ui/charts/font_scale.h"
#include "ui/charts/waterfall_painter.h"

#include <QFontMetricsF>
#include <QImage>
#include <QPainter>
#include <QPainterPath>
#include <QPolygonF>

#include <algorithm>
#include <cmath>
#include <limits>
#include <tuple>

namespace hpa::ui {

namespace {

QPen cosmetic(const QColor &color, double width)
{
    QPen pen(color, width);
    pen.setCosmetic(true);
    return pen;
}

struct MarkerLook
{
    QColor color;
    Qt::PenStyle style = Qt::SolidLine;
    bool changed = false; ///< a replica count change: no flag
    double flag = 0;      ///< height of the flag, up (negative) or down
};

MarkerLook markerLook(const EventMarker &m, const ChartPalette &palette)
{
    MarkerLook look;
    look.changed = m.kind == core::EventKind::ReplicasChanged;
    look.style = look.changed ? Qt::DotLine : (m.secondary ? Qt::DashLine : Qt::SolidLine);
    switch (m.kind) {
    case core::EventKind::ScaleUp:
        look.color = palette.scaleUp;
        look.flag = -4;
        break;
    case core::EventKind::ScaleDown:
        look.color = palette.scaleDown;
        look.flag = 4;
        break;
    case core::EventKind::ReplicasChanged:
        look.color = palette.replicasChanged;
        break;
    }
    look.color.setAlpha(look.changed ? 150 : 200);
    return look;
}

/// Markers closer than this on average are drawn as a strip of short ticks along the top of
/// the plot (one row per kind) instead of full-height lines, which would bury the data: a
/// week at one sample a second has a scaling event every few pixels.
constexpr double kMinFullHeightSpacingPx = 6;
/// Height of one kind's row of ticks in that strip.
constexpr double kRugRowPx = 4;

/// The vertical extent markers of `kind` are drawn over, in scene units.
std::pair<double, double> markerSpan(const OverlayState &state, core::EventKind kind, bool rug,
                                     double deviceScale)
{
    if (!rug)
        return {state.plot.top(), state.plot.bottom()};
    const double row = kRugRowPx / std::max(deviceScale, 1e-9);
    const double top = state.plot.top() + row * static_cast<int>(kind);
    return {top, top + row};
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
    if (state.span && state.span->second >= state.from && state.span->first <= state.to) {
        // The selected job's span, behind the markers: a band with edges.
        const double a = toScene(state, std::max(state.span->first, state.from));
        const double b = toScene(state, std::min(state.span->second, state.to));
        const QRectF rect(QPointF(std::min(a, b), state.plot.top()),
                          QPointF(std::max(a, b) + 1, state.plot.bottom()));
        QColor fill = palette.highlight;
        fill.setAlpha(55);
        painter->fillRect(rect, fill);
        painter->setPen(cosmetic(palette.highlight.darker(140), 1));
        painter->drawLine(rect.topLeft(), rect.bottomLeft());
        painter->drawLine(rect.topRight(), rect.bottomRight());
    }
    if (state.gantt)
        JobBars::paintGantt(painter, state.plot, state.from, state.to, *state.gantt, palette);
    if (state.clientLatency && state.clientAxis)
        JobBars::paintClientLatencyOnAxis(painter, state.plot, state.from, state.to,
                                          *state.clientAxis, *state.clientLatency, palette);
    else if (state.clientLatency)
        JobBars::paintClientLatency(painter, state.plot, state.from, state.to, *state.clientLatency,
                                    palette);
    paintEvents(painter, state, palette);
    if (state.waterfall)
        WaterfallPainter::paint(painter, state.plot, state.from, state.to, *state.waterfall,
                                palette);
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
    paintClipped(painter, state, palette);
    paintMessage(painter, state, palette);
    painter->setClipping(false);
    paintReadout(painter, state, palette);
    painter->restore();
}

void ChartOverlay::paintClipped(QPainter *painter, const OverlayState &state,
                                const ChartPalette &palette)
{
    if (state.clipped.isEmpty())
        return;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, true);
    const QFontMetricsF metrics(painter->font());
    const double h = metrics.height() * 0.45;
    double lastRight = -std::numeric_limits<double>::infinity();
    for (const QPointF &p : state.clipped) {
        const double x = toScene(state, p.x());
        const double top = state.plot.top();
        // An upward wedge at the top edge: the line goes on above the axis.
        QPolygonF wedge;
        wedge << QPointF(x, top) << QPointF(x - h * 0.6, top + h) << QPointF(x + h * 0.6, top + h);
        painter->setPen(Qt::NoPen);
        painter->setBrush(palette.target);
        painter->drawPolygon(wedge);
        const QString text = QString::number(p.y(), 'g', 10);
        const double left = x + h * 0.8;
        if (left < lastRight) // labels of close cells would overlap: the wedge says enough
            continue;
        painter->setPen(palette.text);
        painter->drawText(QPointF(left, top + metrics.ascent()), text);
        lastRight = left + metrics.horizontalAdvance(text) + 4;
    }
    painter->restore();
}

void ChartOverlay::paintEvents(QPainter *painter, const OverlayState &state,
                               const ChartPalette &palette)
{
    const double span = state.to - state.from;
    if (!state.markers || !(span > 0) || state.plot.width() <= 0)
        return;
    // Decimated to the pixel columns the painter maps to (not the scene's), so an export at
    // 300 DPI gets its finer columns.
    const QTransform device = painter->combinedTransform();
    const double scale = device.m11() * state.plot.width() / span; // device px per axis unit
    const double origin = state.from - device.map(QPointF(state.plot.left(), 0)).x() / scale;
    std::vector<EventMarker> markers =
        state.markers->decimated(state.from, state.to, origin, 1 / scale, state.highlight);
    if (!state.secondaryMarkers)
        std::erase_if(markers, [](const EventMarker &m) { return m.secondary; });
    const double deviceWidth = state.plot.width() * device.m11();
    const bool rug =
        static_cast<double>(markers.size()) * kMinFullHeightSpacingPx > std::fabs(deviceWidth);
    // Grouped by look, so the pen changes a handful of times, not once per marker.
    std::sort(markers.begin(), markers.end(), [](const EventMarker &a, const EventMarker &b) {
        return std::tuple(a.kind, a.secondary, a.x) < std::tuple(b.kind, b.secondary, b.x);
    });
    const auto end = markers.end();
    for (auto first = markers.begin(); first != end;) {
        const auto last = std::find_if(first, end, [&](const EventMarker &m) {
            return m.kind != first->kind || m.secondary != first->secondary;
        });
        const std::span<const EventMarker> group(first, last);
        const auto span = markerSpan(state, first->kind, rug, device.m22());
        if (palette.cosmeticPens() && device.type() <= QTransform::TxScale)
            paintMarkerRuns(painter, state, palette, group, span, !rug);
        else
            paintMarkerLines(painter, state, palette, group, span, !rug);
        first = last;
    }
}

void ChartOverlay::paintMarkerLines(QPainter *painter, const OverlayState &state,
                                    const ChartPalette &palette,
                                    std::span<const EventMarker> markers,
                                    std::pair<double, double> span, bool flags)
{
    const MarkerLook look = markerLook(markers.front(), palette);
    painter->setPen(palette.linePen(look.color, look.changed ? 1 : 1.5, look.style));
    painter->setBrush(look.color);
    const double top = span.first;
    for (const EventMarker &m : markers) {
        const double x = toScene(state, m.x);
        painter->drawLine(QPointF(x, top), QPointF(x, span.second));
        if (flags && !look.changed) {
            // A small flag at the top tells up from down without relying on colour alone.
            const QPointF arrow[3] = {QPointF(x - 4, top + 5), QPointF(x + 4, top + 5),
                                      QPointF(x, top + 5 + look.flag)};
            const QPen pen = painter->pen();
            painter->setPen(Qt::NoPen);
            painter->drawPolygon(arrow, 3);
            painter->setPen(pen);
        }
    }
    painter->setBrush(Qt::NoBrush);
}

void ChartOverlay::paintMarkerRuns(QPainter *painter, const OverlayState &state,
                                   const ChartPalette &palette,
                                   std::span<const EventMarker> markers,
                                   std::pair<double, double> span, bool withFlags)
{
    // On screen a marker is a 1 px column of the plot, so one look's markers are a strip of
    // pixel columns, solid or dotted the same way all the way down: drawn as one texture fill
    // of the plot instead of a stroked line per marker (tens of milliseconds per chart at a
    // million rows) or a fillRect per run of columns (each a thread-pool round trip in Qt's
    // raster engine). Flags of adjacent columns merge into one outline per run.
    const MarkerLook look = markerLook(markers.front(), palette);
    const QTransform device = painter->combinedTransform();
    const double scale = device.m11();
    const QRectF plot = device.mapRect(
        QRectF(QPointF(state.plot.left(), span.first), QPointF(state.plot.right(), span.second)));
    const int left = static_cast<int>(std::floor(plot.left()));
    const int top = static_cast<int>(std::floor(plot.top()));
    const int width = static_cast<int>(std::floor(plot.right())) - left + 1;
    const int height = static_cast<int>(std::floor(plot.bottom())) - top + 1;
    if (width <= 0 || height <= 0)
        return;
    // The dash patterns of a cosmetic 1 px pen: dots 1 on 2 off, dashes 4 on 2 off.
    const int on = look.style == Qt::DotLine ? 1 : look.style == Qt::DashLine ? 4 : 1;
    const int off = look.style == Qt::SolidLine ? 0 : 2;
    QImage strip(width, on + off, QImage::Format_ARGB32_Premultiplied);
    strip.fill(Qt::transparent);
    const QRgb pixel = qPremultiply(look.color.rgba());
    QPainterPath flags;
    flags.setFillRule(Qt::WindingFill); // flags of nearby runs overlap
    const double flagBase = top + 5 * scale;
    const double flagTip = flagBase + look.flag * scale;
    const auto flush = [&](int a, int b) {
        for (int x = std::max(a, left); x <= std::min(b, left + width - 1); ++x) {
            for (int y = 0; y < on; ++y)
                reinterpret_cast<QRgb *>(strip.scanLine(y))[x - left] = pixel;
        }
        if (look.changed || !withFlags)
            return;
        const double l = a + 0.5, r = b + 0.5;
        flags.addPolygon(
            QPolygonF({QPointF(l - 4 * scale, flagBase), QPointF(r + 4 * scale, flagBase),
                       QPointF(r, flagTip), QPointF(l, flagTip)}));
        flags.closeSubpath();
    };
    std::optional<std::pair<int, int>> run;
    for (const EventMarker &m : markers) {
        const int column =
            static_cast<int>(std::floor(device.map(QPointF(toScene(state, m.x), 0)).x()));
        if (run && column <= run->second + 1) {
            run->second = std::max(run->second, column);
            continue;
        }
        if (run)
            flush(run->first, run->second);
        run = std::pair(column, column);
    }
    if (run)
        flush(run->first, run->second);
    painter->save();
    // Everything above is in device pixels. resetTransform() clears only the world transform:
    // on a high-DPI screen (QT_SCALE_FACTOR=1.5) the painter still scales by the device pixel
    // ratio, which drew the markers 1.5 times too far right. Undo that scale too.
    painter->resetTransform();
    painter->setWorldTransform(painter->combinedTransform().inverted());
    painter->setPen(Qt::NoPen);
    painter->setBrushOrigin(left, top);
    painter->fillRect(QRect(left, top, width, height), QBrush(strip));
    painter->fillPath(flags, look.color);
    painter->restore();
}

void ChartOverlay::paintMessage(QPainter *painter, const OverlayState &state,
                                const ChartPalette &palette)
{
    if (state.message.isEmpty())
        return;
    painter->setFont(FontScale::scaled(painter->font(), 1.1));
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
