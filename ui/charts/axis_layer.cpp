#include "ui/charts/axis_layer.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QVarLengthArray>

#include <cmath>

namespace hpa::ui {

namespace {

constexpr double kTickLength = 4;
constexpr double kLabelGap = 3;
/// Distance of a value axis title's centre from the chart's edge.
constexpr double kTitleInset = 12;

} // namespace

AxisLayer::AxisLayer(QGraphicsItem *parent) : QGraphicsItem(parent) {}

void AxisLayer::setGeometry(const QRectF &bounds, const QRectF &plot)
{
    if (bounds == m_bounds && plot == m_plot)
        return;
    if (bounds != m_bounds)
        prepareGeometryChange();
    m_bounds = bounds;
    m_plot = plot;
    update();
}

void AxisLayer::setTimeAxis(double from, double to, QList<Tick> ticks)
{
    if (from == m_from && to == m_to && ticks == m_ticks)
        return;
    m_from = from;
    m_to = to;
    m_ticks = std::move(ticks);
    update();
}

void AxisLayer::setLeftAxis(const ValueAxis &axis)
{
    if (axis == m_left)
        return;
    m_left = axis;
    update();
}

void AxisLayer::setRightAxis(std::optional<ValueAxis> axis)
{
    if (axis == m_right)
        return;
    m_right = std::move(axis);
    update();
}

void AxisLayer::setTimeLabelsVisible(bool visible)
{
    if (visible == m_timeLabels)
        return;
    m_timeLabels = visible;
    update();
}

void AxisLayer::setValueLabelsVisible(bool visible)
{
    if (visible == m_valueLabels)
        return;
    m_valueLabels = visible;
    update();
}

void AxisLayer::setColors(const Colors &colors)
{
    if (colors == m_colors)
        return;
    m_colors = colors;
    update();
}

void AxisLayer::setCosmeticLines(bool cosmetic)
{
    if (cosmetic == m_cosmetic)
        return;
    m_cosmetic = cosmetic;
    update();
}

void AxisLayer::setFont(const QFont &font)
{
    if (font == m_font)
        return;
    m_font = font;
    update();
}

int AxisLayer::decimalsFor(double step)
{
    if (!(step > 0) || !std::isfinite(step))
        return 0;
    // The fewest digits that write every multiple of the step exactly: 2.5 needs one, 0.25 two.
    for (int decimals = 0; decimals < 6; ++decimals) {
        const double scaled = step * std::pow(10.0, decimals);
        if (std::fabs(scaled - std::round(scaled)) <= 1e-6 * scaled)
            return decimals;
    }
    return 6;
}

QRectF AxisLayer::boundingRect() const
{
    return m_bounds;
}

double AxisLayer::xToScene(double x) const
{
    const double span = m_to - m_from;
    return span > 0 ? m_plot.left() + (x - m_from) / span * m_plot.width() : m_plot.left();
}

double AxisLayer::yToScene(const AxisScale &scale, double v) const
{
    const double span = scale.max - scale.min;
    return span > 0 ? m_plot.bottom() - (v - scale.min) / span * m_plot.height() : m_plot.bottom();
}

void AxisLayer::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    if (m_plot.isEmpty())
        return;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, false);
    const auto pen = [this](const QColor &color) {
        QPen p(color, m_cosmetic ? 1.0 : 0.8);
        p.setCosmetic(m_cosmetic);
        return p;
    };

    // Grid: one batch of lines per colour, the cheapest thing the raster engine draws.
    QVarLengthArray<QLineF, 64> grid;
    for (const Tick &tick : m_ticks) {
        const double x = xToScene(tick.x);
        if (x >= m_plot.left() - 0.5 && x <= m_plot.right() + 0.5)
            grid.append(QLineF(x, m_plot.top(), x, m_plot.bottom()));
    }
    const AxisScale &left = m_left.scale;
    for (int i = 0; i < left.tickCount; ++i) {
        const double v = left.min + (left.max - left.min) * i / std::max(1, left.tickCount - 1);
        const double y = yToScene(left, v);
        grid.append(QLineF(m_plot.left(), y, m_plot.right(), y));
    }
    painter->setPen(pen(m_colors.grid));
    painter->drawLines(grid.constData(), static_cast<int>(grid.size()));

    QVarLengthArray<QLineF, 64> frame;
    frame.append(QLineF(m_plot.bottomLeft(), m_plot.bottomRight()));
    frame.append(QLineF(m_plot.topLeft(), m_plot.bottomLeft()));
    if (m_right)
        frame.append(QLineF(m_plot.topRight(), m_plot.bottomRight()));
    for (const Tick &tick : m_ticks) {
        const double x = xToScene(tick.x);
        if (x >= m_plot.left() - 0.5 && x <= m_plot.right() + 0.5)
            frame.append(QLineF(x, m_plot.bottom(), x, m_plot.bottom() + kTickLength));
    }
    painter->setPen(pen(m_colors.line));
    painter->drawLines(frame.constData(), static_cast<int>(frame.size()));

    painter->setFont(m_font);
    painter->setPen(m_colors.text);
    if (m_timeLabels) {
        const QFontMetricsF metrics(m_font);
        const double top = m_plot.bottom() + kTickLength + kLabelGap;
        for (const Tick &tick : m_ticks) {
            const double x = xToScene(tick.x);
            if (x < m_plot.left() - 0.5 || x > m_plot.right() + 0.5)
                continue;
            const double width = metrics.horizontalAdvance(tick.label);
            // Kept inside the chart: the first and last labels would be cut at its edges.
            const double l =
                std::clamp(x - width / 2, m_bounds.left(), m_bounds.right() - width - 1);
            painter->drawText(QPointF(l, top + metrics.ascent()), tick.label);
        }
    }
    if (m_valueLabels) {
        paintValueLabels(painter, m_left, true);
        if (m_right)
            paintValueLabels(painter, *m_right, false);
        QFont titleFont = m_font;
        titleFont.setBold(true);
        painter->setFont(titleFont);
        painter->setPen(m_colors.title);
        paintTitle(painter, m_left.title, true);
        if (m_right)
            paintTitle(painter, m_right->title, false);
    }
    painter->restore();
}

void AxisLayer::paintValueLabels(QPainter *painter, const ValueAxis &axis, bool left) const
{
    const QFontMetricsF metrics(m_font);
    const AxisScale &s = axis.scale;
    for (int i = 0; i < s.tickCount; ++i) {
        const double v = s.min + (s.max - s.min) * i / std::max(1, s.tickCount - 1);
        const QString label = QString::number(v, 'f', axis.decimals);
        const double y = yToScene(s, v) - metrics.height() / 2 + metrics.ascent();
        const double x = left ? m_plot.left() - kLabelGap - 2 - metrics.horizontalAdvance(label)
                              : m_plot.right() + kLabelGap + 2;
        painter->drawText(QPointF(x, y), label);
    }
}

void AxisLayer::paintTitle(QPainter *painter, const QString &title, bool left) const
{
    if (title.isEmpty())
        return;
    painter->save();
    const double x = left ? m_bounds.left() + kTitleInset : m_bounds.right() - kTitleInset;
    painter->translate(x, m_plot.center().y());
    painter->rotate(-90);
    const QFontMetricsF metrics(painter->font());
    const double width = metrics.horizontalAdvance(title);
    painter->drawText(QPointF(-width / 2, metrics.ascent() - metrics.height() / 2), title);
    painter->restore();
}

} // namespace hpa::ui
