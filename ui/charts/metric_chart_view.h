#pragma once

#include "ui/charts/chart_spec.h"
#include "ui/charts/event_markers.h"

#include <QChartView>
#include <QList>

#include <memory>
#include <optional>

class QAction;

namespace hpa::ui {

class ChartCursor;
class ChartPalette;
class MetricChart;
class TimeWindow;

/// One chart of the stack on screen. All zooming and panning goes through the shared
/// TimeWindow (Qt Charts never zooms by itself) and the cursor through the shared ChartCursor,
/// so every chart that shares them follows. Markers, cursor and highlight are painted over
/// the plot rather than added as series.
class MetricChartView : public QChartView
{
    Q_OBJECT
public:
    MetricChartView(ChartSpec spec, TimeWindow *window, ChartCursor *cursor,
                    QWidget *parent = nullptr);
    ~MetricChartView() override;

    MetricChart *metricChart() const { return m_chart; }
    /// `markers`: the sources' events, built once for a whole stack; built here when null.
    void setSources(const QVector<ChartSource> &sources, const QVector<double> &gapSeconds,
                    std::shared_ptr<const EventMarkers> markers = nullptr);
    void setAxisMode(TimeAxisMode mode);
    /// Only the bottom chart of a stack labels its time axis.
    void setTimeLabelsVisible(bool visible);
    bool timeLabelsVisible() const { return m_timeLabels; }
    /// While a context menu is open, each of its actions carries this dynamic property: the
    /// chart it was opened on (QObject *), so a shared action knows which chart to act on.
    static constexpr const char *kContextChartProperty = "hpaContextChart";
    /// Actions offered on right-click (owned by the caller).
    void setContextActions(const QList<QAction *> &actions) { m_actions = actions; }
    void applyChartPalette(const ChartPalette &palette);

    bool showsNotCollectedMessage() const;
    QString notCollectedMessage() const;
    /// Number of event markers inside the visible range.
    int visibleMarkerCount() const;
    /// The tooltip lines shown while the mouse is over this chart; empty otherwise.
    QStringList readoutLines() const;
    /// The plot area in viewport coordinates.
    QRectF plotRect() const;
    /// Axis x under viewport x `px`.
    double xAt(double px) const;
    /// Viewport x of axis position `x`.
    double viewportX(double x) const;
    /// Shows or hides the markers of comparison sources (ChartSource::secondary).
    void setSecondaryMarkersVisible(bool visible);
    /// The tooltip at viewport position `pos`: the title's (KV unit rule), else none.
    QString toolTipAt(const QPointF &pos) const;
    /// Hides the cursor and readout while drawing for export.
    void setExporting(bool exporting) { m_exporting = exporting; }

signals:
    void eventClicked(int sourceIndex, int eventIndex);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void drawForeground(QPainter *painter, const QRectF &rect) override;
    bool viewportEvent(QEvent *event) override;

private:
    enum class Drag
    {
        None,
        Band,
        Pan
    };

    void layoutPlotArea();
    void onRangeChanged(double from, double to);
    void updateAntialiasing();

    MetricChart *m_chart;
    TimeWindow *m_window;
    ChartCursor *m_cursor;
    std::shared_ptr<const EventMarkers> m_markers = std::make_shared<EventMarkers>();
    QList<QAction *> m_actions;
    Drag m_drag = Drag::None;
    double m_pressX = 0;
    double m_dragX = 0;
    bool m_hovered = false;
    bool m_timeLabels = true;
    bool m_exporting = false;
    bool m_secondaryMarkers = true;
};

} // namespace hpa::ui
