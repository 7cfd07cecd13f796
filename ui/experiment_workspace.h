#pragma once

#include "core/analysis/alignment.h"
#include "ui/charts/chart_source.h"
#include "ui/loaded_experiment.h"

#include <QVector>
#include <QWidget>

#include <memory>

class QLabel;
class QScrollArea;
class QStackedWidget;
class QTabWidget;
class QHBoxLayout;

namespace hpa::ui {

class ChartCursor;
class ChartStack;
class ComparisonView;
class DemandCurve;
class DataView;
class ExperimentHeader;
class TimeAxisStrip;
class TimeWindow;
class ValueRangeLinks;

/// The central area: header, the linked charts (one stack, or two side by side when
/// comparing) and the Data tab. Owns the shared TimeWindow and ChartCursor.
class ExperimentWorkspace : public QWidget
{
    Q_OBJECT
public:
    explicit ExperimentWorkspace(QWidget *parent = nullptr);
    ~ExperimentWorkspace() override;

    enum class CompareLayout
    {
        Overlay,   ///< B drawn into A's charts in a second style
        SideBySide ///< two columns of charts, A left, B right, on one time window
    };

    void setExperiment(std::shared_ptr<const LoadedExperiment> experiment);
    /// The same run with more data (followed live): unlike setExperiment(), the comparison,
    /// the zoom and the charts are kept; the charts, tables and the comparison are extended.
    void updateExperiment(std::shared_ptr<const LoadedExperiment> experiment);
    void clear();

    /// Shows B next to A (nullptr ends the comparison): setComparisonRuns with one run.
    void setComparison(std::shared_ptr<const LoadedExperiment> b);
    /// Compares A with `others` (B, C, … up to seven, in this order; empty ends the
    /// comparison). Two runs keep the A/B look (overlay or side by side); three or more are
    /// overlaid, one colour per run (ChartSource::runColor). Null entries are dropped.
    void setComparisonRuns(QVector<std::shared_ptr<const LoadedExperiment>> others);
    /// Run B, or nullptr when not comparing.
    std::shared_ptr<const LoadedExperiment> comparisonLoaded() const { return m_others.value(0); }
    /// B, C, … as shown.
    const QVector<std::shared_ptr<const LoadedExperiment>> &comparisonRuns() const
    {
        return m_others;
    }
    bool isComparing() const { return !m_others.isEmpty(); }
    /// Three runs or more: overlaid whatever the layout, one colour per run.
    bool isNWay() const { return m_others.size() > 1; }
    void setCompareLayout(CompareLayout layout);
    CompareLayout compareLayout() const { return m_layout; }
    /// Which moment of each run sits at x = 0; `offsetSeconds` shifts B for AlignMode::Offset.
    void setAlignment(core::AlignMode mode, double offsetSeconds = 0);
    core::AlignMode alignMode() const { return m_alignMode; }
    double alignOffset() const { return m_alignOffset; }
    bool hasExperiment() const { return m_primary != nullptr; }
    /// The run shown (A), with its summary; nullptr before one is loaded.
    std::shared_ptr<const LoadedExperiment> loaded() const { return m_primary; }

    TimeWindow *timeWindow() const { return m_window; }
    ChartCursor *cursor() const { return m_cursor; }
    /// The chart sources currently shown (A, and B when comparing).
    const QVector<ChartSource> &sources() const { return m_sources; }
    /// The stacks on screen: one, or two when comparing side by side.
    QVector<ChartStack *> chartStacks() const;

    void setAxisMode(TimeAxisMode mode);
    void setExtraChartVisible(bool visible);
    /// Side by side, each chart of A and the same chart of B share one value range (default).
    void setSharedValueRanges(bool shared);
    bool sharedValueRanges() const { return m_sharedRanges; }
    /// The demand curves drawn over the replicas charts, one per source (A, B); a null entry or
    /// an empty list draws none. An overlay draws A's only; side by side each column its
    /// run's. A curve of a run no longer shown is ignored.
    void setDemandCurves(const QVector<std::shared_ptr<const DemandCurve>> &curves);
    const QVector<std::shared_ptr<const DemandCurve>> &demandCurves() const { return m_demand; }
    /// Shows or hides the event markers of B (and C, …) in an overlay.
    void setSecondaryMarkersVisible(bool visible);
    /// The time axis pinned under the charts.
    TimeAxisStrip *timeAxisStrip() const { return m_strip; }
    ComparisonView *comparisonView() const { return m_comparison; }
    /// Selects an event: highlights its instant on every chart and brings it into view.
    void showEvent(int sourceIndex, int eventIndex);
    void showChartsTab();

signals:
    void sourcesChanged(const QVector<ChartSource> &sources);
    /// A marker was clicked in a chart.
    void eventClicked(int sourceIndex, int eventIndex);
    /// A new experiment A was shown while comparing: the comparison ended with it, so no view
    /// keeps the old pair.
    void comparisonEnded();

private:
    void alignSideBySideRows();
    void applySources();
    /// m_sources for the runs shown (A, and B when comparing).
    void buildSources();
    void applyDemand();
    void connectStack(ChartStack *stack, int sourceOffset);
    void updateComparisonTab();

    TimeWindow *m_window;
    ChartCursor *m_cursor;
    QStackedWidget *m_pages;
    QLabel *m_welcome;
    ExperimentHeader *m_header;
    QTabWidget *m_tabs;
    QScrollArea *m_chartScroll;
    QWidget *m_chartHost;
    QHBoxLayout *m_chartLayout;
    ChartStack *m_stack;
    DataView *m_data;
    std::shared_ptr<const LoadedExperiment> m_primary;
    QVector<ChartSource> m_sources;
    ChartStack *m_stackB;
    ComparisonView *m_comparison;
    QVector<std::shared_ptr<const LoadedExperiment>> m_others;
    CompareLayout m_layout = CompareLayout::Overlay;
    core::AlignMode m_alignMode = core::AlignMode::FirstSample;
    double m_alignOffset = 0;
    TimeAxisMode m_axisMode = TimeAxisMode::WallClock;
    bool m_extraVisible = true;
    bool m_sharedRanges = true;
    TimeAxisStrip *m_strip;
    ValueRangeLinks *m_links;
    QVector<std::shared_ptr<const DemandCurve>> m_demand;
};

} // namespace hpa::ui
