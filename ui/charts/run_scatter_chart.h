#pragma once

#include <QString>
#include <QVector>
#include <QWidget>

#include <optional>

namespace hpa::core {
class RunScatter;
}

namespace hpa::ui {

/// One value per run on two axes across many runs (cost vs quality), with the Pareto front
/// drawn and its runs ringed. Hover names the run; a click asks to open it. Draws the same
/// picture on screen and into PNG, SVG and PDF files (render()).
class RunScatterChart : public QWidget
{
    Q_OBJECT
public:
    struct Point
    {
        double x = 0, y = 0;
        QString name, path;
    };

    explicit RunScatterChart(QWidget *parent = nullptr);

    /// `points` are the runs that have both values; `unplaced` how many runs lack one (said
    /// under the chart, never drawn at 0). `lowerX`/`lowerY`: which way is better, for the
    /// Pareto front (nullopt: no front).
    void setData(const QVector<Point> &points, const QString &xLabel, const QString &yLabel,
                 std::optional<bool> lowerX, std::optional<bool> lowerY, int unplaced);
    /// Shows `scatter` (the library's rule for placing runs, core::RunScatter), the axes
    /// titled by their columns.
    void setScatter(const core::RunScatter &scatter);
    const QVector<Point> &points() const { return m_points; }
    /// Indices into points() of the Pareto front, by x.
    const QVector<int> &front() const { return m_front; }
    QString title() const;

    /// The point under `pos` (widget coordinates), -1 when none is within a few pixels.
    int pointAt(const QPointF &pos) const;
    /// Where point `i` is drawn in a widget of the current size.
    QPointF position(int i) const;

    /// Draws the chart into `target` (screen colours when `paper` is false).
    void render(QPainter *painter, const QRectF &target, bool paper) const;
    /// Writes PNG, SVG or PDF by `path`'s suffix at `size` pixels; false with `error`. The
    /// file is replaced only once complete.
    bool exportTo(const QString &path, QSize size, QString *error) const;

    QSize sizeHint() const override { return {640, 420}; }

signals:
    void runClicked(const QString &path);
    void runHovered(const QString &name);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    QRectF plotRect(const QRectF &target) const;
    QPointF map(const Point &p, const QRectF &plot) const;

    QVector<Point> m_points;
    QVector<int> m_front;
    QString m_xLabel, m_yLabel;
    double m_xMin = 0, m_xMax = 1, m_yMin = 0, m_yMax = 1;
    int m_xTicks = 2, m_yTicks = 2;
    int m_unplaced = 0;
    int m_hover = -1;
};

} // namespace hpa::ui
