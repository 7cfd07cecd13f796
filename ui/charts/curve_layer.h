#pragma once

#include <QBrush>
#include <QGraphicsItem>
#include <QList>
#include <QPen>
#include <QPointF>
#include <QString>

namespace hpa::ui {

/// One logical line of a chart as drawn: its decimated points in axis units, split where
/// the line breaks (sampling gaps, missing values).
struct Curve
{
    QString name;
    QPen pen;
    bool rightAxis = false; ///< measured on the right axis instead of the left one
    QList<QList<QPointF>> segments;

    qsizetype pointCount() const;
};

/// Draws a chart's lines (and the shade above a target) straight onto the plot area. Qt
/// Charts series lay out and build a hit-test outline of every point on each range change,
/// ~20 ms per series at 3,000 points; this only maps the decimated points and draws
/// polylines, so a zoom step costs what its pixels cost. Holds no Qt Charts type, so the
/// chart library around it can be swapped.
class CurveLayer : public QGraphicsItem
{
public:
    /// Axis ranges of the plot area: x, the left y axis and the right one.
    struct Ranges
    {
        double x0 = 0, x1 = 1;
        double left0 = 0, left1 = 1;
        double right0 = 0, right1 = 1;
        bool operator==(const Ranges &) const = default;
    };

    explicit CurveLayer(QGraphicsItem *parent = nullptr);

    /// The plot area in the parent's coordinates, and what its edges stand for.
    void setPlot(const QRectF &plot, const Ranges &ranges);
    /// Repaints from the first point that differs from the curves shown (a followed run's new
    /// row repaints the pixels right of its predecessor only), everything when a pen or the
    /// number of curves changed.
    void setCurves(QList<Curve> curves);
    const QList<Curve> &curves() const { return m_curves; }
    /// Fills from the line `lower` (left axis units) up to the top of the plot.
    void setShade(QList<QPointF> lower, const QBrush &brush);
    const QList<QPointF> &shade() const { return m_shade; }
    /// All points of all curves.
    qsizetype pointCount() const { return m_pointCount; }
    /// Screen position (parent coordinates) of axis point `p` on the left or right axis.
    QPointF map(const QPointF &p, bool rightAxis) const;

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option,
               QWidget *widget = nullptr) override;

private:
    /// Repaints the plot right of axis x `from` (the first point that moved), all of it when
    /// `from` is -inf; nothing when +inf.
    void updateFrom(double from);

    QRectF m_plot;
    Ranges m_ranges;
    QList<Curve> m_curves;
    QList<QPointF> m_shade;
    QBrush m_shadeBrush;
    qsizetype m_pointCount = 0;
};

} // namespace hpa::ui
