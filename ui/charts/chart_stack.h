#pragma once

#include "ui/charts/chart_source.h"

#include <QList>
#include <QSet>
#include <QString>
#include <QVector>
#include <QWidget>

#include <memory>
#include <utility>
#include <vector>

class QAction;
class QPainter;
class QVBoxLayout;

namespace hpa::ui {

class EventMarkers;

class ChartCursor;
class DemandCurve;
class MetricChartView;
class TimeWindow;
class ValueRangeLinks;

/// The six charts (plus the optional extra-columns chart) stacked on one shared time axis.
/// Every chart follows the shared TimeWindow and ChartCursor it is given; two stacks given the
/// same window and cursor (side-by-side comparison) follow each other too.
class ChartStack : public QWidget
{
    Q_OBJECT
public:
    ChartStack(TimeWindow *window, ChartCursor *cursor, QWidget *parent = nullptr);
    ~ChartStack() override;

    /// One source for a single experiment or a side-by-side column; two for an overlay.
    /// Charts for series no source has are hidden. Unless `setOwnsTimeRange(false)`, also
    /// sets the window's full range to the sources' extent.
    void setSources(const QVector<ChartSource> &sources);
    /// The same runs with more data (followed live): the charts are kept when they are the
    /// same ones, and the shown range stays where it is (TimeWindow::extendFullRange).
    void extendSources(const QVector<ChartSource> &sources);
    const QVector<ChartSource> &sources() const { return m_sources; }
    /// Side by side, the embedder sets the union of both stacks' extents on the shared window
    /// itself and turns this off.
    void setOwnsTimeRange(bool owns) { m_ownsTimeRange = owns; }
    /// [first, last] sample x over all sources; {0, 0} without samples.
    static std::pair<double, double> dataExtent(const QVector<ChartSource> &sources);

    void setAxisMode(TimeAxisMode mode);
    TimeAxisMode axisMode() const { return m_axisMode; }
    /// Shows or hides the chart of extra numeric columns (when the file has any).
    void setExtraChartVisible(bool visible);
    bool hasExtraColumns() const;
    /// Actions every chart offers on right-click (owned by the caller).
    void setContextActions(const QList<QAction *> &actions);
    /// Shares each chart's value axes with the same chart of every other stack given the same
    /// `links` (side by side); nullptr: each chart fits its own data. Must outlive the stack
    /// or be reset first.
    void setValueRangeLinks(ValueRangeLinks *links);
    /// Keys of the charts this stack shows for its own data (see setAlignedKeys()).
    QSet<QString> ownChartKeys() const;
    /// Side by side: also shows the charts with these keys where this run has no series for
    /// them, with a message saying so, so that row i of A and of B is the same chart and the
    /// pair's plots have the same height. Empty: only charts with data are shown.
    void setAlignedKeys(const QSet<QString> &keys);
    /// Draws, over its replicas chart, the demand of each of this stack's sources among
    /// `curves` (A's, and B's when overlaid, in B's style), also after the sources change
    /// while those runs stay shown; empty: none (View → Show Required Replicas off).
    void setDemands(const QVector<std::shared_ptr<const DemandCurve>> &curves);
    /// One run's demand: setDemands({curve}).
    void setDemand(std::shared_ptr<const DemandCurve> curve);
    /// The first curve given (the demand of source 0's run when the window sets it).
    std::shared_ptr<const DemandCurve> demand() const { return m_demands.value(0); }
    const QVector<std::shared_ptr<const DemandCurve>> &demands() const { return m_demands; }
    /// Shows or hides the markers of the comparison run (source 1 of an overlay).
    void setSecondaryMarkersVisible(bool visible);

    QVector<MetricChartView *> charts() const { return m_charts; }
    /// The charts currently shown, top to bottom.
    QVector<MetricChartView *> visibleCharts() const;
    /// Draws every visible chart stacked into `target` (export): same zoom, light theme when
    /// `forPaper`; the screen look is restored afterwards.
    void render(QPainter *painter, const QRectF &target, bool forPaper);
    /// Size of the visible charts as on screen; render() keeps this aspect ratio.
    QSizeF exportSize() const;

signals:
    /// A marker was clicked: event `eventIndex` of source `sourceIndex`.
    void eventClicked(int sourceIndex, int eventIndex);

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();
    void updateVisibility();
    /// Whether `view` is shown for this stack's own data.
    bool showsOwnData(const MetricChartView *view) const;
    void applyScreenPalette();
    /// The event markers of m_sources: those of the last call when `grown` (the sources are
    /// the same runs, grown) and no run has an event more or another origin; else built anew.
    std::shared_ptr<const EventMarkers> markersOf(bool grown);

    TimeWindow *m_window;
    ChartCursor *m_cursor;
    QVBoxLayout *m_layout;
    QVector<ChartSource> m_sources;
    QVector<MetricChartView *> m_charts;
    QList<QAction *> m_actions;
    TimeAxisMode m_axisMode = TimeAxisMode::WallClock;
    bool m_extraVisible = true;
    bool m_ownsTimeRange = true;
    bool m_secondaryMarkers = true;
    ValueRangeLinks *m_links = nullptr;
    QSet<QString> m_alignedKeys;
    QVector<std::shared_ptr<const DemandCurve>> m_demands;
    std::shared_ptr<const EventMarkers> m_markers;
    /// Per source of m_markers: events, origin and style they were built from.
    struct MarkedSource
    {
        const core::Experiment *experiment = nullptr;
        std::size_t events = 0;
        double origin = 0;
        bool secondary = false;
        bool sameMarkers(const MarkedSource &o) const
        {
            return events == o.events && origin == o.origin && secondary == o.secondary;
        }
    };
    std::vector<MarkedSource> m_marked;
};

} // namespace hpa::ui
