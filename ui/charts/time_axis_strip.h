#pragma once

#include "ui/charts/chart_source.h"

#include <QPointer>
#include <QVector>
#include <QWidget>

namespace hpa::ui {

class MetricChartView;
class TimeWindow;

/// The time axis pinned under the scrolling charts, so it is on screen at any window size
/// (at 1600×1000 the bottom chart's own labels are below the fold). Draws the ticks of the
/// shared TimeWindow under the plot area of each column it is given (one, or A and B side by
/// side), titled "elapsed (mm:ss)" or "time of day", and says which range is shown: the whole
/// run or, after a zoom, the part of it.
class TimeAxisStrip : public QWidget
{
    Q_OBJECT
public:
    explicit TimeAxisStrip(TimeWindow *window, QWidget *parent = nullptr);

    void setAxisMode(TimeAxisMode mode);
    /// Absolute time at x = 0 (wall-clock labels).
    void setClockOrigin(double origin);
    /// The charts whose plot areas the ticks line up with, one per column.
    void setColumns(const QVector<MetricChartView *> &columns);

    /// "elapsed (mm:ss)" or "time of day".
    QString axisTitle() const;
    /// The visible range, e.g. "showing 02:30 – 05:00 of 00:00 – 12:00".
    QString rangeText() const;
    /// Tick labels with their x in this widget's coordinates, as last painted.
    QVector<QPair<double, QString>> tickLabels() const;
    /// Left and right x of column `i`'s plot area in this widget's coordinates.
    QPair<double, double> columnSpan(int i) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override { return sizeHint(); }

signals:
    /// The visible range or how it is labelled changed: rangeText() (the status bar shows it).
    void rangeTextChanged(const QString &text);

protected:
    void paintEvent(QPaintEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QString label(double x, double step) const;
    /// Repaints and emits rangeTextChanged().
    void announceRange();

    TimeWindow *m_window;
    QVector<QPointer<MetricChartView>> m_columns;
    TimeAxisMode m_mode = TimeAxisMode::WallClock;
    double m_origin = 0;
};

} // namespace hpa::ui
