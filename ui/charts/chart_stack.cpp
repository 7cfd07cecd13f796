#include "ui/charts/chart_stack.h"

#include "core/analysis/statistics.h"
#include "ui/charts/chart_cursor.h"
#include "ui/charts/chart_palette.h"
#include "ui/charts/event_markers.h"
#include "ui/charts/metric_chart.h"
#include "ui/charts/metric_chart_view.h"
#include "ui/charts/time_window.h"
#include "ui/charts/value_range_link.h"

#include <QEvent>
#include <QPainter>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>

namespace hpa::ui {

namespace {

/// Sampling gaps longer than this many median intervals are drawn as breaks.
constexpr double kGapFactor = 3.0;

QVector<double> gapThresholds(const QVector<ChartSource> &sources)
{
    QVector<double> gaps;
    for (const ChartSource &source : sources) {
        // The summary's median, when given, saves a pass over every sample per update.
        const double median =
            !source.experiment ? 0.0
            : source.medianIntervalSeconds > 0
                ? source.medianIntervalSeconds
                : core::Statistics::medianInterval(source.experiment->metrics.time());
        gaps << kGapFactor * median;
    }
    return gaps;
}

/// Which charts of two stacks share value axes: the same kind (extra charts by title).
QString linkKey(const ChartSpec &spec)
{
    return QString::number(static_cast<int>(spec.kind)) +
           (spec.kind == ChartKind::Extra ? spec.title : QString());
}

} // namespace

ChartStack::ChartStack(TimeWindow *window, ChartCursor *cursor, QWidget *parent)
    : QWidget(parent), m_window(window), m_cursor(cursor), m_layout(new QVBoxLayout(this))
{
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(0);
    rebuild();
}

ChartStack::~ChartStack() = default;

void ChartStack::setSources(const QVector<ChartSource> &sources)
{
    m_sources = sources;
    rebuild();
    if (m_ownsTimeRange) {
        const auto [from, to] = dataExtent(sources);
        m_window->setFullRange(from, to);
    }
}

void ChartStack::extendSources(const QVector<ChartSource> &sources)
{
    const QVector<ChartSpec> specs = ChartSpec::standard(sources);
    bool same = specs.size() == m_charts.size();
    for (int i = 0; same && i < specs.size(); ++i) {
        const ChartSpec &now = m_charts[i]->metricChart()->spec();
        same = now.title == specs[i].title && now.series.size() == specs[i].series.size();
    }
    m_sources = sources;
    if (same) {
        const QVector<double> gaps = gapThresholds(m_sources);
        // Rows arrive far more often than events: the markers of 100k events are kept.
        const auto markers = markersOf(true);
        for (MetricChartView *view : m_charts)
            view->setSources(m_sources, gaps, markers);
    } else {
        rebuild();
    }
    if (m_ownsTimeRange) {
        const auto [from, to] = dataExtent(sources);
        m_window->extendFullRange(from, to);
    }
}

std::shared_ptr<const EventMarkers> ChartStack::markersOf(bool grown)
{
    std::vector<MarkedSource> marked;
    bool reuse = grown && m_markers && m_marked.size() == std::size_t(m_sources.size());
    for (int s = 0; s < m_sources.size(); ++s) {
        const ChartSource &source = m_sources.at(s);
        const MarkedSource now{source.experiment.get(),
                               source.experiment ? source.experiment->events.size() : 0,
                               source.origin, source.secondary};
        // The same run, or the run it grew from; one read anew may hold other events as many
        // as before, so its markers are built again.
        reuse = reuse && now.sameMarkers(m_marked[std::size_t(s)]) &&
                (source.unchangedRows > 0 || now.experiment == m_marked[std::size_t(s)].experiment);
        marked.push_back(now);
    }
    if (!reuse) {
        auto markers = std::make_shared<EventMarkers>();
        markers->setSources(m_sources);
        m_markers = std::move(markers);
    }
    m_marked = std::move(marked);
    return m_markers;
}

std::pair<double, double> ChartStack::dataExtent(const QVector<ChartSource> &sources)
{
    double from = std::numeric_limits<double>::infinity();
    double to = -std::numeric_limits<double>::infinity();
    for (const ChartSource &source : sources) {
        if (!source.experiment || source.experiment->metrics.empty())
            continue;
        const auto &time = source.experiment->metrics.time();
        from = std::min(from, source.toX(time.front()));
        to = std::max(to, source.toX(time.back()));
    }
    if (from > to)
        return {0, 0};
    return {from, to};
}

void ChartStack::rebuild()
{
    // The extra chart's series depend on the sources, so the views are rebuilt, not patched.
    qDeleteAll(m_charts);
    m_charts.clear();
    const QVector<double> gaps = gapThresholds(m_sources);
    // Shared by every chart: a million-row run has 100k+ events to sort and index.
    const auto markers = markersOf(false);
    for (const ChartSpec &spec : ChartSpec::standard(m_sources)) {
        auto *view = new MetricChartView(spec, m_window, m_cursor, this);
        view->setAxisMode(m_axisMode);
        view->setContextActions(m_actions);
        view->setSecondaryMarkersVisible(m_secondaryMarkers);
        view->setSources(m_sources, gaps, markers);
        view->metricChart()->setDemands(m_demands);
        if (m_links)
            view->metricChart()->setValueRangeLink(m_links->link(linkKey(spec)));
        connect(view, &MetricChartView::eventClicked, this, &ChartStack::eventClicked);
        m_layout->addWidget(view, 1);
        m_charts << view;
    }
    applyScreenPalette();
    updateVisibility();
}

void ChartStack::updateVisibility()
{
    MetricChartView *bottom = nullptr;
    for (MetricChartView *view : m_charts) {
        MetricChart *chart = view->metricChart();
        const bool own = showsOwnData(view);
        const bool aligned = !own && !chart->hasData() &&
                             (chart->spec().kind != ChartKind::Extra || m_extraVisible) &&
                             m_alignedKeys.contains(linkKey(chart->spec()));
        const QString label = m_sources.isEmpty() ? QString() : m_sources.first().label;
        chart->setAbsentMessage(aligned
                                    ? (label.isEmpty() ? QString() : label + QStringLiteral(": ")) +
                                          tr("no series for this chart in this run's files")
                                    : QString());
        view->setVisible(own || aligned);
        if (own || aligned)
            bottom = view;
    }
    for (MetricChartView *view : m_charts) {
        // The bottom chart carries the time labels and is that much taller, so its plot
        // keeps the same height as the others.
        const bool labels = view == bottom;
        view->setTimeLabelsVisible(labels);
        m_layout->setStretchFactor(view, labels ? 12 : 10);
    }
}

bool ChartStack::showsOwnData(const MetricChartView *view) const
{
    const MetricChart *chart = view->metricChart();
    return chart->hasData() && (chart->spec().kind != ChartKind::Extra || m_extraVisible);
}

QSet<QString> ChartStack::ownChartKeys() const
{
    QSet<QString> keys;
    for (const MetricChartView *view : m_charts) {
        if (showsOwnData(view))
            keys.insert(linkKey(view->metricChart()->spec()));
    }
    return keys;
}

void ChartStack::setAlignedKeys(const QSet<QString> &keys)
{
    if (keys == m_alignedKeys)
        return;
    m_alignedKeys = keys;
    updateVisibility();
}

QVector<MetricChartView *> ChartStack::visibleCharts() const
{
    QVector<MetricChartView *> out;
    for (MetricChartView *view : m_charts) {
        if (!view->isHidden())
            out << view;
    }
    return out;
}

void ChartStack::setAxisMode(TimeAxisMode mode)
{
    m_axisMode = mode;
    for (MetricChartView *view : m_charts)
        view->setAxisMode(mode);
}

void ChartStack::setExtraChartVisible(bool visible)
{
    m_extraVisible = visible;
    updateVisibility();
}

bool ChartStack::hasExtraColumns() const
{
    return std::any_of(m_charts.begin(), m_charts.end(), [](const MetricChartView *view) {
        return view->metricChart()->spec().kind == ChartKind::Extra &&
               view->metricChart()->hasData();
    });
}

void ChartStack::setContextActions(const QList<QAction *> &actions)
{
    m_actions = actions;
    for (MetricChartView *view : m_charts)
        view->setContextActions(actions);
}

void ChartStack::setValueRangeLinks(ValueRangeLinks *links)
{
    m_links = links;
    for (MetricChartView *view : m_charts) {
        MetricChart *chart = view->metricChart();
        chart->setValueRangeLink(links ? links->link(linkKey(chart->spec())) : nullptr);
    }
}

void ChartStack::setDemands(const QVector<std::shared_ptr<const DemandCurve>> &curves)
{
    m_demands = curves;
    for (MetricChartView *view : m_charts) {
        view->metricChart()->setDemands(m_demands);
        view->viewport()->update();
    }
}

void ChartStack::setDemand(std::shared_ptr<const DemandCurve> curve)
{
    setDemands(curve ? QVector<std::shared_ptr<const DemandCurve>>{std::move(curve)}
                     : QVector<std::shared_ptr<const DemandCurve>>{});
}

void ChartStack::setSecondaryMarkersVisible(bool visible)
{
    m_secondaryMarkers = visible;
    for (MetricChartView *view : m_charts)
        view->setSecondaryMarkersVisible(visible);
}

void ChartStack::applyScreenPalette()
{
    const ChartPalette palette = ChartPalette::forApplication(this->palette());
    for (MetricChartView *view : m_charts)
        view->applyChartPalette(palette);
}

void ChartStack::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
        applyScreenPalette();
    QWidget::changeEvent(event);
}

QSizeF ChartStack::exportSize() const
{
    QSizeF size(0, 0);
    for (const MetricChartView *view : visibleCharts()) {
        size.setWidth(std::max(size.width(), static_cast<double>(view->width())));
        size.setHeight(size.height() + view->height());
    }
    return size;
}

void ChartStack::render(QPainter *painter, const QRectF &target, bool forPaper)
{
    const QVector<MetricChartView *> views = visibleCharts();
    if (views.isEmpty())
        return;
    if (forPaper) {
        const ChartPalette paper = ChartPalette::make(ChartPalette::Mode::Paper);
        for (MetricChartView *view : views)
            view->applyChartPalette(paper);
    }
    // One uniform scale for all charts so text and lines keep their proportions.
    double total = 0;
    double width = 0;
    for (MetricChartView *view : views) {
        total += view->height();
        width = std::max(width, static_cast<double>(view->width()));
    }
    if (total <= 0 || width <= 0)
        return;
    const double scale = std::min(target.width() / width, target.height() / total);
    double y = target.top();
    for (MetricChartView *view : views) {
        const QRectF slot(target.left() + (target.width() - view->width() * scale) / 2, y,
                          view->width() * scale, view->height() * scale);
        view->setExporting(true);
        view->render(painter, slot, view->viewport()->rect(), Qt::KeepAspectRatio);
        view->setExporting(false);
        y += slot.height();
    }
    if (forPaper)
        applyScreenPalette();
}

} // namespace hpa::ui
