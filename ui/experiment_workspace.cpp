#include "ui/experiment_workspace.h"

#include "core/analysis/run_comparison.h"
#include "ui/charts/chart_cursor.h"
#include "ui/charts/chart_stack.h"
#include "ui/charts/metric_chart_view.h"
#include "ui/charts/time_axis_strip.h"
#include "ui/charts/time_window.h"
#include "ui/charts/value_range_link.h"
#include "ui/comparison_view.h"
#include "ui/data_view.h"
#include "ui/experiment_header.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QStackedWidget>
#include <QTabWidget>
#include <QVBoxLayout>

namespace hpa::ui {

ExperimentWorkspace::ExperimentWorkspace(QWidget *parent)
    : QWidget(parent), m_window(new TimeWindow(this)), m_cursor(new ChartCursor(this)),
      m_pages(new QStackedWidget(this)), m_welcome(new QLabel(this)),
      m_header(new ExperimentHeader(this)), m_tabs(new QTabWidget(this)),
      m_chartScroll(new QScrollArea(this)), m_chartHost(new QWidget),
      m_chartLayout(new QHBoxLayout(m_chartHost)), m_stack(new ChartStack(m_window, m_cursor)),
      m_data(new DataView(this)), m_stackB(new ChartStack(m_window, m_cursor)),
      m_comparison(new ComparisonView(this)), m_strip(new TimeAxisStrip(m_window, this)),
      m_links(new ValueRangeLinks(this))
{
    m_welcome->setAlignment(Qt::AlignCenter);
    m_welcome->setWordWrap(true);
    m_welcome->setText(
        tr("<h2>HPA Lens</h2><p>Open an experiment folder with <b>File → Open Experiment…</b> "
           "(Ctrl+O), or drop one on this window.</p><p>A folder holds the monitor's "
           "<tt>metrics.csv</tt>, and usually <tt>scaling.log</tt> or "
           "<tt>scaling-events.log</tt>.</p>"));

    // The workspace sets the window's extent itself: with two runs it is their union.
    m_stack->setOwnsTimeRange(false);
    m_stackB->setOwnsTimeRange(false);
    m_stackB->hide();
    // Lives in the tab widget only while comparing; outside it, it must not float over the header.
    m_comparison->hide();
    m_chartLayout->setContentsMargins(0, 0, 0, 0);
    m_chartLayout->setSpacing(6);
    m_chartLayout->addWidget(m_stack);
    m_chartLayout->addWidget(m_stackB);
    // No fixed minimum here: the host's minimum comes from the charts' own, so when they do
    // not fit they scroll instead of being squeezed on top of each other.
    m_chartScroll->setWidget(m_chartHost);
    m_chartScroll->setWidgetResizable(true);
    m_chartScroll->setFrameShape(QFrame::NoFrame);
    // The time axis stays under the scrolling charts, always on screen.
    auto *chartPage = new QWidget(this);
    auto *chartPageLayout = new QVBoxLayout(chartPage);
    chartPageLayout->setContentsMargins(0, 0, 0, 0);
    chartPageLayout->setSpacing(0);
    chartPageLayout->addWidget(m_chartScroll, 1);
    chartPageLayout->addWidget(m_strip);
    m_tabs->addTab(chartPage, tr("Charts"));
    m_tabs->addTab(m_data, tr("Data"));
    m_tabs->setDocumentMode(true);

    auto *page = new QWidget(this);
    auto *pageLayout = new QVBoxLayout(page);
    pageLayout->setContentsMargins(0, 0, 0, 0);
    pageLayout->setSpacing(0);
    pageLayout->addWidget(m_header);
    pageLayout->addWidget(m_tabs, 1);

    m_pages->addWidget(m_welcome);
    m_pages->addWidget(page);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pages);

    connectStack(m_stack, 0);
    connectStack(m_stackB, 1);
}

ExperimentWorkspace::~ExperimentWorkspace() = default;

void ExperimentWorkspace::connectStack(ChartStack *stack, int sourceOffset)
{
    // Side by side each stack shows one run, so B's stack speaks of its source 0 = B.
    connect(stack, &ChartStack::eventClicked, this, [this, sourceOffset](int source, int event) {
        const bool sideBySide = m_others.size() == 1 && m_layout == CompareLayout::SideBySide;
        emit eventClicked(sideBySide ? source + sourceOffset : source, event);
    });
}

QVector<ChartStack *> ExperimentWorkspace::chartStacks() const
{
    if (m_others.size() == 1 && m_layout == CompareLayout::SideBySide)
        return {m_stack, m_stackB};
    return {m_stack};
}

void ExperimentWorkspace::setExperiment(std::shared_ptr<const LoadedExperiment> experiment)
{
    m_primary = std::move(experiment);
    // A new A ends the comparison: the Comparison tab must never show the old pair.
    const bool wasComparing = isComparing();
    m_others.clear();
    updateComparisonTab();
    if (m_primary) {
        m_header->setExperiment(m_primary->experiment);
        m_data->setExperiment(m_primary->experiment, m_primary->summary.startSeconds);
        m_pages->setCurrentIndex(1);
    } else {
        m_header->clear();
        m_data->setExperiment(nullptr, 0);
        m_pages->setCurrentIndex(0);
    }
    applySources();
    if (wasComparing)
        emit comparisonEnded();
}

void ExperimentWorkspace::clear()
{
    setExperiment(nullptr);
}

void ExperimentWorkspace::setComparison(std::shared_ptr<const LoadedExperiment> b)
{
    QVector<std::shared_ptr<const LoadedExperiment>> others;
    if (b)
        others << std::move(b);
    setComparisonRuns(std::move(others));
}

void ExperimentWorkspace::setComparisonRuns(QVector<std::shared_ptr<const LoadedExperiment>> others)
{
    if (!m_primary)
        return;
    others.removeAll(nullptr);
    const auto most = static_cast<qsizetype>(core::RunComparison::kMaxRuns - 1);
    if (others.size() > most)
        others.resize(most);
    m_others = std::move(others);
    updateComparisonTab();
    applySources();
}

void ExperimentWorkspace::updateComparisonTab()
{
    const int tab = m_tabs->indexOf(m_comparison);
    if (m_primary && isComparing()) {
        std::vector<core::ExperimentSummary> summaries{m_primary->summary};
        for (const auto &run : m_others)
            summaries.push_back(run->summary);
        m_comparison->setComparison(core::RunComparison(std::move(summaries)));
        if (tab < 0)
            m_tabs->addTab(m_comparison, tr("Comparison"));
    } else {
        m_comparison->setComparison(std::nullopt);
        if (tab >= 0)
            m_tabs->removeTab(tab);
        m_comparison->hide();
    }
}

void ExperimentWorkspace::setCompareLayout(CompareLayout layout)
{
    if (layout == m_layout)
        return;
    m_layout = layout;
    if (isComparing())
        applySources();
}

void ExperimentWorkspace::setAlignment(core::AlignMode mode, double offsetSeconds)
{
    m_alignMode = mode;
    m_alignOffset = offsetSeconds;
    if (isComparing())
        applySources();
}

void ExperimentWorkspace::buildSources()
{
    m_sources.clear();
    if (m_primary) {
        ChartSource a;
        a.experiment = m_primary->experiment;
        a.unchangedRows = m_primary->unchangedRows;
        a.medianIntervalSeconds = m_primary->summary.medianIntervalSeconds;
        a.origin = isComparing() ? core::Alignment::origin(*a.experiment, m_alignMode)
                                 : m_primary->summary.startSeconds;
        m_sources.push_back(a);
    }
    for (qsizetype i = 0; m_primary && i < m_others.size(); ++i) {
        ChartSource other;
        other.experiment = m_others[i]->experiment;
        other.medianIntervalSeconds = m_others[i]->summary.medianIntervalSeconds;
        other.origin =
            core::Alignment::origin(*other.experiment, m_alignMode,
                                    m_alignMode == core::AlignMode::Offset ? m_alignOffset : 0.0);
        other.label = QString::fromStdString(core::RunComparison::letter(std::size_t(i) + 1));
        m_sources[0].label = QStringLiteral("A");
        other.secondary = true;
        m_sources.push_back(other);
    }
    // Three runs or more: one colour per run rather than A's and B's series hues.
    for (qsizetype i = 0; isNWay() && i < m_sources.size(); ++i) {
        m_sources[i].runColor = static_cast<int>(i);
        m_sources[i].runName = QString::fromStdString(m_sources[i].experiment->displayName());
    }
    // Runs of one campaign often share their metadata name: the legend then names the folder.
    for (qsizetype i = 0; isNWay() && i < m_sources.size(); ++i) {
        for (qsizetype j = 0; j < m_sources.size(); ++j) {
            if (j != i &&
                m_sources[j].experiment->displayName() == m_sources[i].experiment->displayName())
                m_sources[i].runName = QString::fromStdString(m_sources[i].experiment->name);
        }
    }
}

void ExperimentWorkspace::updateExperiment(std::shared_ptr<const LoadedExperiment> experiment)
{
    if (!m_primary || !experiment) {
        setExperiment(std::move(experiment));
        return;
    }
    m_primary = std::move(experiment);
    m_header->setExperiment(m_primary->experiment);
    // The origin (the first sample) stays while the run only grows.
    if (!m_data->appendRows(m_primary->experiment, m_primary->unchangedRows))
        m_data->setExperiment(m_primary->experiment, m_primary->summary.startSeconds);
    // Alone, the run has no comparison to update (the tab was cleared when it was opened).
    if (isComparing())
        updateComparisonTab();
    buildSources();
    const bool sideBySide = m_sources.size() == 2 && m_layout == CompareLayout::SideBySide;
    if (sideBySide) {
        m_stack->extendSources({m_sources[0]});
        ChartSource b = m_sources[1];
        b.secondary = false;
        m_stackB->extendSources({b});
    } else {
        m_stack->extendSources(m_sources);
    }
    const auto [from, to] = ChartStack::dataExtent(m_sources);
    m_window->extendFullRange(from, to > from ? to : from + 1);
    emit sourcesChanged(m_sources);
}

void ExperimentWorkspace::applySources()
{
    m_cursor->setHighlight(std::nullopt);
    m_cursor->setPosition(std::nullopt);
    buildSources();
    const bool sideBySide = m_sources.size() == 2 && m_layout == CompareLayout::SideBySide;
    if (sideBySide) {
        m_stack->setSources({m_sources[0]});
        ChartSource b = m_sources[1];
        b.secondary = false; // its own column: drawn in the normal style
        m_stackB->setSources({b});
    } else {
        m_stack->setSources(m_sources);
        m_stackB->setSources({});
    }
    m_stackB->setVisible(sideBySide);
    m_stack->setValueRangeLinks(sideBySide && m_sharedRanges ? m_links : nullptr);
    m_stackB->setValueRangeLinks(sideBySide && m_sharedRanges ? m_links : nullptr);
    m_strip->setAxisMode(m_axisMode);
    m_strip->setClockOrigin(m_sources.isEmpty() ? 0 : m_sources.first().origin);
    QVector<MetricChartView *> columns;
    for (ChartStack *stack : chartStacks()) {
        if (!stack->visibleCharts().isEmpty())
            columns << stack->visibleCharts().first();
    }
    m_strip->setColumns(columns);
    for (ChartStack *stack : chartStacks()) {
        stack->setAxisMode(m_axisMode);
        stack->setExtraChartVisible(m_extraVisible);
    }
    applyDemand();
    alignSideBySideRows();
    const auto [from, to] = ChartStack::dataExtent(m_sources);
    m_window->setFullRange(from, to > from ? to : from + 1);
    emit sourcesChanged(m_sources);
}

void ExperimentWorkspace::alignSideBySideRows()
{
    // Row i of A and of B is the same chart, whichever run lacks it, so the pair's plots have
    // the same height and the shared value ranges round alike.
    const bool sideBySide = m_sources.size() == 2 && m_layout == CompareLayout::SideBySide;
    const QSet<QString> rows =
        sideBySide ? m_stack->ownChartKeys() | m_stackB->ownChartKeys() : QSet<QString>();
    m_stack->setAlignedKeys(rows);
    m_stackB->setAlignedKeys(rows);
}

void ExperimentWorkspace::setAxisMode(TimeAxisMode mode)
{
    m_axisMode = mode;
    m_stack->setAxisMode(mode);
    m_stackB->setAxisMode(mode);
    m_strip->setAxisMode(mode);
}

void ExperimentWorkspace::setSharedValueRanges(bool shared)
{
    if (shared == m_sharedRanges)
        return;
    m_sharedRanges = shared;
    const bool sideBySide = m_others.size() == 1 && m_layout == CompareLayout::SideBySide;
    m_stack->setValueRangeLinks(sideBySide && shared ? m_links : nullptr);
    m_stackB->setValueRangeLinks(sideBySide && shared ? m_links : nullptr);
}

void ExperimentWorkspace::setDemandCurves(const QVector<std::shared_ptr<const DemandCurve>> &curves)
{
    m_demand = curves;
    applyDemand();
}

void ExperimentWorkspace::applyDemand()
{
    // Each chart draws the curves of the runs it shows: A's and B's overlaid in one stack,
    // or one each side by side.
    m_stack->setDemands(m_demand);
    m_stackB->setDemands(m_demand);
}

void ExperimentWorkspace::setSecondaryMarkersVisible(bool visible)
{
    m_stack->setSecondaryMarkersVisible(visible);
}

void ExperimentWorkspace::setExtraChartVisible(bool visible)
{
    m_extraVisible = visible;
    m_stack->setExtraChartVisible(visible);
    m_stackB->setExtraChartVisible(visible);
    alignSideBySideRows();
}

void ExperimentWorkspace::showEvent(int sourceIndex, int eventIndex)
{
    if (sourceIndex < 0 || sourceIndex >= m_sources.size())
        return;
    const ChartSource &source = m_sources[sourceIndex];
    const auto &events = source.experiment->events;
    if (eventIndex < 0 || static_cast<std::size_t>(eventIndex) >= events.size())
        return;
    const double x = source.toX(events[static_cast<std::size_t>(eventIndex)].time);
    m_cursor->setHighlight(x);
    m_window->ensureVisible(x);
}

void ExperimentWorkspace::showChartsTab()
{
    m_tabs->setCurrentIndex(0);
}

} // namespace hpa::ui
