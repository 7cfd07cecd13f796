#include "ui/experiment_workspace.h"

#include "ui/chart_cursor.h"
#include "ui/charts/chart_stack.h"
#include "ui/data_view.h"
#include "ui/experiment_header.h"
#include "ui/time_window.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QStackedWidget>
#include <QTabWidget>
#include <QVBoxLayout>

namespace hpa::ui {

namespace {
// Six charts must stay readable; below this they scroll instead of squashing.
constexpr int kMinChartAreaHeight = 6 * 118;
} // namespace

ExperimentWorkspace::ExperimentWorkspace(QWidget *parent)
    : QWidget(parent), m_window(new TimeWindow(this)), m_cursor(new ChartCursor(this)),
      m_pages(new QStackedWidget(this)), m_welcome(new QLabel(this)),
      m_header(new ExperimentHeader(this)), m_tabs(new QTabWidget(this)),
      m_chartScroll(new QScrollArea(this)), m_chartHost(new QWidget),
      m_chartLayout(new QHBoxLayout(m_chartHost)), m_stack(new ChartStack(m_window, m_cursor)),
      m_data(new DataView(this))
{
    m_welcome->setAlignment(Qt::AlignCenter);
    m_welcome->setWordWrap(true);
    m_welcome->setText(
        tr("<h2>HPA Lens</h2><p>Open an experiment folder with <b>File → Open Experiment…</b> "
           "(Ctrl+O), or drop one on this window.</p><p>A folder holds the monitor's "
           "<tt>metrics.csv</tt>, and usually <tt>scaling.log</tt> or "
           "<tt>scaling-events.log</tt>.</p>"));

    m_chartLayout->setContentsMargins(0, 0, 0, 0);
    m_chartLayout->setSpacing(6);
    m_chartLayout->addWidget(m_stack);
    m_chartHost->setMinimumHeight(kMinChartAreaHeight);
    m_chartScroll->setWidget(m_chartHost);
    m_chartScroll->setWidgetResizable(true);
    m_chartScroll->setFrameShape(QFrame::NoFrame);
    m_tabs->addTab(m_chartScroll, tr("Charts"));
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

    connect(m_stack, &ChartStack::eventClicked, this, &ExperimentWorkspace::eventClicked);
}

ExperimentWorkspace::~ExperimentWorkspace() = default;

QVector<ChartStack *> ExperimentWorkspace::chartStacks() const
{
    return {m_stack};
}

void ExperimentWorkspace::setExperiment(std::shared_ptr<const LoadedExperiment> experiment)
{
    m_primary = std::move(experiment);
    m_sources.clear();
    if (m_primary) {
        ChartSource source;
        source.experiment = m_primary->experiment;
        source.origin = m_primary->summary.startSeconds;
        m_sources.push_back(source);
        m_header->setExperiment(m_primary->experiment);
        m_data->setExperiment(m_primary->experiment, source.origin);
        m_pages->setCurrentIndex(1);
    } else {
        m_header->clear();
        m_data->setExperiment(nullptr, 0);
        m_pages->setCurrentIndex(0);
    }
    applySources();
}

void ExperimentWorkspace::clear()
{
    setExperiment(nullptr);
}

void ExperimentWorkspace::applySources()
{
    m_cursor->setHighlight(std::nullopt);
    m_cursor->setPosition(std::nullopt);
    double to = 1;
    for (const ChartSource &s : m_sources) {
        const auto &time = s.experiment->metrics.time();
        if (!time.empty())
            to = std::max(to, s.toX(time.back()));
    }
    m_stack->setSources(m_sources);
    m_stack->setAxisMode(m_axisMode);
    m_stack->setExtraChartVisible(m_extraVisible);
    m_window->setFullRange(0, to);
    emit sourcesChanged(m_sources);
}

void ExperimentWorkspace::setAxisMode(TimeAxisMode mode)
{
    m_axisMode = mode;
    for (ChartStack *stack : chartStacks())
        stack->setAxisMode(mode);
}

void ExperimentWorkspace::setExtraChartVisible(bool visible)
{
    m_extraVisible = visible;
    for (ChartStack *stack : chartStacks())
        stack->setExtraChartVisible(visible);
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
