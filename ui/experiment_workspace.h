#pragma once

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
class DataView;
class ExperimentHeader;
class TimeWindow;

/// The central area: header, the linked charts (one stack, or two side by side when
/// comparing) and the Data tab. Owns the shared TimeWindow and ChartCursor.
class ExperimentWorkspace : public QWidget
{
    Q_OBJECT
public:
    explicit ExperimentWorkspace(QWidget *parent = nullptr);
    ~ExperimentWorkspace() override;

    void setExperiment(std::shared_ptr<const LoadedExperiment> experiment);
    void clear();
    bool hasExperiment() const { return m_primary != nullptr; }
    std::shared_ptr<const LoadedExperiment> experiment() const { return m_primary; }

    TimeWindow *timeWindow() const { return m_window; }
    ChartCursor *cursor() const { return m_cursor; }
    /// The chart sources currently shown (A, and B when comparing).
    const QVector<ChartSource> &sources() const { return m_sources; }
    /// The stacks on screen: one, or two when comparing side by side.
    QVector<ChartStack *> chartStacks() const;

    void setAxisMode(TimeAxisMode mode);
    void setExtraChartVisible(bool visible);
    /// Selects an event: highlights its instant on every chart and brings it into view.
    void showEvent(int sourceIndex, int eventIndex);
    void showChartsTab();

signals:
    void sourcesChanged(const QVector<ChartSource> &sources);
    /// A marker was clicked in a chart.
    void eventClicked(int sourceIndex, int eventIndex);

private:
    void applySources();

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
    TimeAxisMode m_axisMode = TimeAxisMode::WallClock;
    bool m_extraVisible = true;
};

} // namespace hpa::ui
