#pragma once

#include "ui/charts/axis_scale.h"

#include <QColor>
#include <QFont>
#include <QGraphicsItem>
#include <QList>
#include <QString>

#include <optional>

namespace hpa::ui {

/// The axes of a chart: grid, frame lines, tick labels and axis titles around the plot area.
/// Qt Charts' axes re-lay every label out as a rich-text document on each range change (most
/// of a zoom step's cost); these are painted straight from the tick lists. A setter that
/// changes nothing repaints nothing (a followed run's new row leaves the axes as they were).
class AxisLayer : public QGraphicsItem
{
public:
    struct Tick
    {
        double x = 0; ///< axis units
        QString label;
        bool operator==(const Tick &) const = default;
    };
    /// A value axis: its scale and title; labels show `decimals` digits after the point.
    struct ValueAxis
    {
        AxisScale scale;
        int decimals = 0;
        QString title;
        bool operator==(const ValueAxis &) const = default;
    };
    struct Colors
    {
        QColor text, title, grid, line;
        bool operator==(const Colors &) const = default;
    };

    explicit AxisLayer(QGraphicsItem *parent = nullptr);

    /// The plot area inside `bounds` (the whole chart), in the parent's coordinates.
    void setGeometry(const QRectF &bounds, const QRectF &plot);
    void setTimeAxis(double from, double to, QList<Tick> ticks);
    void setLeftAxis(const ValueAxis &axis);
    void setRightAxis(std::optional<ValueAxis> axis);
    /// Time labels under the plot (only the bottom chart of a stack shows them).
    void setTimeLabelsVisible(bool visible);
    /// Value labels and titles (hidden when the chart shows "not collected").
    void setValueLabelsVisible(bool visible);
    void setColors(const Colors &colors);
    /// `cosmetic`: lines stay one device pixel wide (screen), otherwise they scale (paper).
    void setCosmeticLines(bool cosmetic);
    void setFont(const QFont &font);

    const ValueAxis &leftAxis() const { return m_left; }
    const std::optional<ValueAxis> &rightAxis() const { return m_right; }
    const QList<Tick> &timeTicks() const { return m_ticks; }

    /// The fewest digits after the point that write every multiple of `step` exactly.
    static int decimalsFor(double step);

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option,
               QWidget *widget = nullptr) override;

private:
    double xToScene(double x) const;
    double yToScene(const AxisScale &scale, double v) const;
    void paintValueLabels(QPainter *painter, const ValueAxis &axis, bool left) const;
    void paintTitle(QPainter *painter, const QString &title, bool left) const;

    QRectF m_bounds;
    QRectF m_plot;
    double m_from = 0, m_to = 1;
    QList<Tick> m_ticks;
    ValueAxis m_left;
    std::optional<ValueAxis> m_right;
    Colors m_colors;
    QFont m_font;
    bool m_timeLabels = true;
    bool m_valueLabels = true;
    bool m_cosmetic = true;
};

} // namespace hpa::ui
