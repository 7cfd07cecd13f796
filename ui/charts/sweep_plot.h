#pragma once

#include <QString>
#include <QVector>
#include <QWidget>

#include <optional>

namespace hpa::ui {

/// The Sweep view's scatter: one dot per what-if (x = under-provisioning, y = replica-hours,
/// both costs), the Pareto front joined and highlighted, the recording drawn as a distinct
/// marker. Clicking a dot selects it and announces its index. What-ifs with the same two
/// KPIs (a setting that never came into play) share one dot, drawn larger with their number
/// ("×3") beside it; its tooltip lists every combination it stands for, and clicking it
/// picks the first of them.
class SweepPlot : public QWidget
{
    Q_OBJECT
public:
    struct Point
    {
        double x = 0, y = 0;
        bool pareto = false;
        QString label; ///< the combination, for the tooltip
    };

    explicit SweepPlot(QWidget *parent = nullptr);

    void setPoints(QVector<Point> points, std::optional<QPointF> recording, const QString &xTitle,
                   const QString &yTitle);
    void clear();
    void setSelected(int index);
    int selected() const { return m_selected; }
    const QVector<Point> &points() const { return m_points; }

    /// Widget position of point `index` (or of the recording with -1), for tests.
    QPointF position(int index) const;
    /// The point nearest `pos` within 8 px, else -1; of points with the same KPIs, the first.
    int pointAt(const QPointF &pos) const;
    /// The points with the same KPIs as point `index` (itself included), in order.
    QVector<int> sameAs(int index) const;
    /// The tooltip of point `index`'s dot: every combination it stands for and its KPIs.
    QString toolTipText(int index) const;
    /// Dots drawn: the points with distinct KPIs.
    int dotCount() const;

    /// A time or value label as painted: its text and the box it is drawn in.
    struct TickLabel
    {
        QString text;
        QRectF box;
    };
    /// The x axis's labels, each kept inside the widget (the outer ones would be cut at the
    /// edges if centred on their tick).
    QVector<TickLabel> xTickLabels() const;

    QSize sizeHint() const override { return {420, 300}; }

signals:
    void pointClicked(int index);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    bool event(QEvent *event) override;

private:
    QRectF plotRect() const;
    QPointF map(double x, double y) const;

    QVector<Point> m_points;
    /// Per point: the first point with the same KPIs (itself when it is the first).
    QVector<int> m_groupOf;
    std::optional<QPointF> m_recording;
    QString m_xTitle, m_yTitle;
    double m_x0 = 0, m_x1 = 1, m_y0 = 0, m_y1 = 1;
    int m_xTicks = 2, m_yTicks = 2;
    int m_selected = -1;
};

} // namespace hpa::ui
