#pragma once

#include <QObject>
#include <QVector>

namespace hpa::ui {

/// The visible x-range shared by every chart, with a zoom stack for Back. Charts receive it in
/// their constructor and follow rangeChanged; nothing copies ranges from chart to chart.
/// x is in seconds on the charts' axis (wall clock or elapsed, as the axis mode says).
class TimeWindow : public QObject
{
    Q_OBJECT
public:
    explicit TimeWindow(QObject *parent = nullptr);

    double from() const { return m_from; }
    double to() const { return m_to; }
    double fullFrom() const { return m_fullFrom; }
    double fullTo() const { return m_fullTo; }
    bool isZoomed() const;
    bool canGoBack() const { return !m_stack.isEmpty(); }

    /// The whole extent of the data; resets the zoom stack and shows everything.
    void setFullRange(double from, double to);
    /// The data grew (a run followed live): the whole extent becomes [from, to] while the
    /// shown range and the zoom stack stay as they are.
    void extendFullRange(double from, double to);
    /// Shows [from, to] without pushing onto the stack (follow mode sliding with new data).
    void slideTo(double from, double to);
    /// Zooms to [from, to] (clamped to at least `minimumSpan()`), pushing the current range.
    void zoomTo(double from, double to);
    /// Zooms by `factor` (< 1 in, > 1 out) keeping `anchor` at the same relative position.
    void zoomBy(double factor, double anchor);
    /// Moves the window by `dx` without pushing onto the stack (pans are not zoom steps).
    void pan(double dx);
    /// Makes `x` visible, panning if needed and zooming out only when it must.
    void ensureVisible(double x);
    /// Pops the last zoom.
    void back();
    /// Shows the full range and clears the stack.
    void reset();

    static constexpr double minimumSpan() { return 1.0; }

signals:
    void rangeChanged(double from, double to);
    void fullRangeChanged(double from, double to);

private:
    void apply(double from, double to);

    double m_fullFrom = 0;
    double m_fullTo = 1;
    double m_from = 0;
    double m_to = 1;
    QVector<QPair<double, double>> m_stack;
};

} // namespace hpa::ui
