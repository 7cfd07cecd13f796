#include "ui/charts/metric_chart.h"

#include "ui/charts/job_bars.h"

#include "core/model/collected_series.h"
#include "core/model/metric_keys.h"
#include "core/plot/time_ticks.h"
#include "ui/charts/axis_scale.h"
#include "ui/charts/demand_layer.h"
#include "ui/charts/font_scale.h"
#include "ui/charts/value_range_link.h"

#include <QGraphicsLayout>

#include <algorithm>
#include <cmath>

namespace hpa::ui {

namespace {

/// Room per time label; wall-clock labels are eight characters wide.
constexpr double kPixelsPerTimeTick = 90;
/// Room per value label on the y axes.
constexpr double kPixelsPerValueTick = 24;
constexpr double kAxesZValue = 3;
/// The demand's areas lie under the replica lines, over the grid.
constexpr double kDemandZValue = 3.5;
constexpr double kCurveZValue = 4;

/// The y extent of `segments` without the values `rule` flags as outliers.
CurveDecimator::Extent extentWithout(const QList<QList<QPointF>> &segments,
                                     const core::WaitingRule &rule)
{
    CurveDecimator::Extent e;
    for (const QList<QPointF> &segment : segments) {
        for (const QPointF &p : segment) {
            if (!rule.isLeak(p.y()))
                e.include(p.y());
        }
    }
    return e;
}

int decimalsOf(const AxisScale &scale)
{
    return AxisLayer::decimalsFor(
        scale.tickCount > 1 ? (scale.max - scale.min) / (scale.tickCount - 1) : 1);
}

/// The values to draw, shared with the experiment: latencies' zeros are dropped by the
/// decimator (SeriesSpec::zeroIsMissing), not by a copy of the column per chart and update.
std::shared_ptr<const core::ColumnValues> drawnValues(const ChartSource &source,
                                                      const SeriesSpec &spec)
{
    return {source.experiment, source.experiment->metrics.values(spec.key)};
}

} // namespace

MetricChart::MetricChart(ChartSpec spec, QGraphicsItem *parent)
    : QChart(parent), m_spec(std::move(spec)), m_axes(new AxisLayer(this)),
      m_layer(new CurveLayer(this)), m_legend(new ChartLegend(this))
{
    // Lines over the grid; the overlay (markers, cursor) is painted over both by the view.
    m_axes->setZValue(kAxesZValue);
    m_layer->setZValue(kCurveZValue);
    for (std::size_t i = 0; i < m_demands.size(); ++i) {
        m_demands[i] = new DemandLayer(this);
        m_demands[i]->setZValue(kDemandZValue);
        m_demands[i]->setVisible(false);
    }
    setTitle(m_spec.title.toHtmlEscaped()); // titles are rich text; rules contain "<="
    QFont titleFont = font();
    titleFont.setBold(true);
    setTitleFont(titleFont);
    setBackgroundRoundness(0);
    setMargins(QMargins(4, 4, 4, 4));
    legend()->hide();
    m_legend->setFont(FontScale::scaled(font(), 0.9));
    m_axes->setFont(font());
    AxisLayer::ValueAxis left;
    left.title = m_spec.yTitle;
    m_axes->setLeftAxis(left);
    if (!m_spec.rightTitle.isEmpty()) {
        AxisLayer::ValueAxis right;
        right.title = m_spec.rightTitle;
        m_axes->setRightAxis(right);
    }
    // Follows every plot area change at once; the view re-decimates for a new width itself.
    connect(this, &QChart::plotAreaChanged, this, &MetricChart::placeLayers);
    connect(this, &QGraphicsWidget::geometryChanged, this, &MetricChart::placeLayers);
    applyPalette(ChartPalette::make(ChartPalette::Mode::Light));
}

MetricChart::~MetricChart()
{
    if (m_link) {
        disconnect(m_link, nullptr, this, nullptr);
        m_link->leave(this);
    }
}

void MetricChart::setSources(const QVector<ChartSource> &sources, const QVector<double> &gapSeconds,
                             double from, double to)
{
    m_from = from;
    m_to = to;
    setSources(sources, gapSeconds);
}

void MetricChart::setSources(const QVector<ChartSource> &sources, const QVector<double> &gapSeconds)
{
    // A followed run that grew keeps its lines' indexes: each is extended, not rebuilt.
    std::vector<std::unique_ptr<Bound>> previous = std::move(m_bound);
    m_bound.clear();
    m_readout.clear();
    m_sources = sources;
    m_clockOrigin = sources.isEmpty() ? 0 : sources.first().origin;
    m_hasData = false;
    for (const ChartSource &source : sources)
        m_hasData = m_hasData || !m_spec.presentKeys(source).isEmpty();
    m_notCollected = m_hasData && m_spec.isNotCollected(sources);
    m_notCollectedMessage = m_hasData ? m_spec.notCollectedMessage(sources) : QString();
    // Placed bench jobs give the jobs chart its Gantt strip and, when the server collected
    // no latency, the latency chart its client-side segments (JobBars).
    // When it did collect latency, both are drawn on its TTFT axis, each labelled.
    m_clientBars.clear();
    const QVector<JobBar> bars = m_spec.kind == ChartKind::Jobs || m_spec.kind == ChartKind::Latency
                                     ? JobBars::of(sources)
                                     : QVector<JobBar>();
    if (!bars.isEmpty()) {
        m_notCollected = m_spec.kind == ChartKind::Latency && (!m_hasData || m_notCollected);
        if (m_spec.kind == ChartKind::Latency && !m_notCollected)
            m_clientBars = bars;
        m_hasData = true;
    }
    if (m_notCollected && m_notCollectedMessage.isEmpty())
        m_notCollectedMessage =
            tr("server-side latency not collected; client-side, per job (vllm bench)");

    for (int s = 0; s < sources.size(); ++s) {
        const ChartSource &source = sources.at(s);
        if (!source.experiment)
            continue;
        const core::MetricsTable &table = source.experiment->metrics;
        std::vector<std::string> readoutKeys;
        int styleIndex = -1;
        for (const SeriesSpec &spec : m_spec.series) {
            if (!spec.target)
                ++styleIndex;
            if (!table.has(spec.key))
                continue;
            readoutKeys.push_back(spec.key);
            if (m_notCollected || (spec.target && s > 0))
                continue;
            // A column the monitor never filled is not a line at 0 (the message says so).
            if (!spec.target &&
                !core::CollectedSeries::isCollected(spec.key, *table.values(spec.key)))
                continue;
            // Beside the client-side segments, the server's lines say whose they are.
            const QString own = !m_clientBars.isEmpty() && !spec.dashed
                                    ? QStringLiteral("server-side ") + spec.name
                                    : spec.name;
            const QString name =
                source.label.isEmpty() ? own : source.label + QStringLiteral(": ") + own;
            auto bound = std::make_unique<Bound>();
            bound->spec = spec;
            bound->source = s;
            bound->secondary = source.secondary;
            bound->runColor = source.runColor;
            bound->styleIndex = std::max(0, styleIndex);
            bound->name = name;
            const core::WaitingRule &rule = source.experiment->waitingRule;
            if (spec.key == core::keys::Waiting && rule.unit == core::WaitingUnit::AsWritten &&
                rule.applies && rule.count > 0)
                bound->outliers = &rule;
            if (source.unchangedRows > 0) {
                for (std::unique_ptr<Bound> &old : previous) {
                    if (old && old->source == s && old->spec.key == spec.key) {
                        bound->decimator = std::move(old->decimator);
                        old.reset();
                        break;
                    }
                }
            }
            bound->decimator.setData({source.experiment, &table.time()}, drawnValues(source, spec),
                                     source.origin, s < gapSeconds.size() ? gapSeconds.at(s) : 0,
                                     spec.step, spec.zeroIsMissing, source.unchangedRows);
            m_bound.push_back(std::move(bound));
        }
        m_readout.addSource(source.label.toStdString(), table, source.origin, readoutKeys);
    }
    // The lines are handed to the layer once, decimated: an empty interim set would repaint
    // the whole plot where a followed run's new row needs its own pixels only.
    m_holdCurves = true;
    // Each demand belongs to one run: kept (at the new origin) while that run is shown.
    matchDemands();
    // A chart showing its "not collected" message has no scale worth reading.
    m_axes->setValueLabelsVisible(!m_notCollected);
    applyPalette(m_palette);
    m_holdCurves = false;
    setRange(m_from, m_to);
}

void MetricChart::setDemands(const QVector<std::shared_ptr<const DemandCurve>> &curves)
{
    const bool had = std::any_of(m_demands.begin(), m_demands.end(), [](const DemandLayer *layer) {
        return layer->curve() != nullptr;
    });
    m_demandCurves = curves;
    if (!had && std::none_of(curves.begin(), curves.end(), [](const auto &c) { return bool(c); }))
        return;
    matchDemands();
    applyPalette(m_palette);
    setRange(m_from, m_to);
}

void MetricChart::matchDemands()
{
    const bool labelled = m_sources.size() > 1;
    for (std::size_t i = 0; i < m_demands.size(); ++i) {
        std::shared_ptr<const DemandCurve> mine;
        const int s = int(i);
        if (m_spec.kind == ChartKind::Replicas && s < m_sources.size()) {
            for (const std::shared_ptr<const DemandCurve> &curve : m_demandCurves) {
                if (curve && curve->experiment() == m_sources[s].experiment.get())
                    mine = curve;
            }
        }
        const ChartSource *source = mine ? &m_sources[s] : nullptr;
        m_demands[i]->setRun(labelled && source ? source->label : QString(),
                             source && source->secondary);
        m_demands[i]->setCurve(std::move(mine), source ? source->origin : 0);
    }
}

const DemandLayer &MetricChart::demandLayer(int source) const
{
    return *m_demands.at(std::size_t(std::clamp(source, 0, int(m_demands.size()) - 1)));
}

void MetricChart::setAbsentMessage(const QString &message)
{
    if (m_hasData)
        return;
    m_notCollected = !message.isEmpty();
    m_notCollectedMessage = message;
    m_axes->setValueLabelsVisible(!m_notCollected);
}

void MetricChart::setAxisMode(TimeAxisMode mode)
{
    m_axisMode = mode;
    rebuildTimeAxis();
}

void MetricChart::setXLabelsVisible(bool visible)
{
    m_axes->setTimeLabelsVisible(visible);
}

void MetricChart::setRange(double from, double to)
{
    m_from = from;
    m_to = to;
    const int pixels = std::max(1, static_cast<int>(plotArea().width()));
    CurveDecimator::Extent left, right;
    for (const auto &b : m_bound) {
        CurveDecimator::Extent e = b->decimator.prepare(from, to, pixels);
        if (b->outliers) {
            // A flagged cell would squash the rest of the line to the floor; it is drawn
            // clipped with its value instead (clippedOutliers()).
            const CurveDecimator::Extent kept =
                extentWithout(b->decimator.segments(), *b->outliers);
            if (kept.valid())
                e = kept;
        }
        (b->spec.rightAxis ? right : left).include(e);
    }
    for (const JobBar &bar : m_clientBars) {
        if (bar.to < from || bar.from > to)
            continue;
        for (const std::optional<double> &v : {bar.ttftMedianMs, bar.ttftP99Ms}) {
            if (v && *v > 0 && std::isfinite(*v))
                left.include(*v);
        }
    }
    const CurveDecimator::Extent replicas = left;
    for (DemandLayer *demand : m_demands)
        left.include(demand->axisExtent(demand->prepare(from, to, pixels), replicas));
    rebuildTimeAxis();
    m_ownLeft = left;
    m_ownRight = right;
    if (m_link) {
        // Reporting may refit every member of the link, this one included: skip that pass.
        m_reporting = true;
        m_reportedTicks = tickCapacity();
        m_link->report(this, left, right, m_reportedTicks);
        m_reporting = false;
    }
    fitValueAxes();
}

void MetricChart::setValueRangeLink(ValueRangeLink *link)
{
    if (m_link == link)
        return;
    if (m_link) {
        m_link->leave(this);
        disconnect(m_link, nullptr, this, nullptr);
    }
    m_link = link;
    if (m_link) {
        connect(m_link, &ValueRangeLink::changed, this, [this] {
            if (!m_reporting)
                fitValueAxes();
        });
        connect(m_link, &QObject::destroyed, this, [this] { m_link = nullptr; });
        m_reportedTicks = tickCapacity();
        m_link->report(this, m_ownLeft, m_ownRight, m_reportedTicks);
    }
    fitValueAxes();
}

QList<QPointF> MetricChart::clippedOutliers() const
{
    QList<QPointF> out;
    const double top = m_axes->leftAxis().scale.max;
    for (const auto &b : m_bound) {
        if (!b->outliers || b->spec.rightAxis)
            continue;
        for (const QList<QPointF> &segment : b->decimator.segments()) {
            for (qsizetype i = 0; i < segment.size(); ++i) {
                const QPointF &p = segment[i];
                // A step line repeats each value at the next corner: one entry per cell.
                const bool corner = b->spec.step && i > 0 && segment[i - 1].y() == p.y();
                if (corner || p.x() < m_from || p.x() > m_to || !(p.y() > top) ||
                    !b->outliers->isLeak(p.y()))
                    continue;
                out << p;
            }
        }
    }
    return out;
}

int MetricChart::tickCapacity() const
{
    // Labels closer than a line of text would overlap.
    return std::clamp(static_cast<int>(plotArea().height() / kPixelsPerValueTick), 3, 6);
}

void MetricChart::fitValueAxes()
{
    CurveDecimator::Extent left = m_ownLeft, right = m_ownRight;
    int maxTicks = tickCapacity();
    if (m_link) {
        // A resize changed what this plot holds: the pair must agree on the ticks too, or
        // the same extent rounds to different ranges (0-15 beside 0-12).
        if (maxTicks != m_reportedTicks && !m_reporting) {
            m_reporting = true;
            m_reportedTicks = maxTicks;
            m_link->report(this, m_ownLeft, m_ownRight, maxTicks);
            m_reporting = false;
        }
        left = m_link->left();
        right = m_link->right();
        maxTicks = std::max(3, m_link->maxTicks());
    }
    AxisLayer::ValueAxis leftAxis = m_axes->leftAxis();
    if (m_spec.fixedPercent) {
        leftAxis.scale = AxisScale{0, 100, maxTicks >= 6 ? 6 : maxTicks >= 5 ? 5 : 3};
    } else {
        leftAxis.scale = left.valid() ? AxisScale::nice(left.min, left.max, m_spec.startAtZero,
                                                        m_spec.integerAxis, maxTicks)
                                      : AxisScale{};
    }
    leftAxis.decimals = decimalsOf(leftAxis.scale);
    m_axes->setLeftAxis(leftAxis);
    if (std::optional<AxisLayer::ValueAxis> rightAxis = m_axes->rightAxis()) {
        rightAxis->scale = right.valid()
                               ? AxisScale::nice(right.min, right.max, true, false, maxTicks)
                               : AxisScale{};
        rightAxis->decimals = decimalsOf(rightAxis->scale);
        m_axes->setRightAxis(rightAxis);
    }
    updateCurves();
}

void MetricChart::placeLayers()
{
    CurveLayer::Ranges ranges;
    ranges.x0 = m_from;
    ranges.x1 = m_to;
    ranges.left0 = m_axes->leftAxis().scale.min;
    ranges.left1 = m_axes->leftAxis().scale.max;
    if (const auto &right = m_axes->rightAxis()) {
        ranges.right0 = right->scale.min;
        ranges.right1 = right->scale.max;
    }
    m_layer->setPlot(plotArea(), ranges);
    for (DemandLayer *demand : m_demands)
        demand->setPlot(plotArea(), ranges);
    m_axes->setGeometry(QRectF(QPointF(0, 0), size()), plotArea());
}

void MetricChart::updateCurves()
{
    if (m_holdCurves)
        return;
    placeLayers();
    QList<Curve> curves;
    curves.reserve(static_cast<qsizetype>(m_bound.size()));
    QList<QPointF> shade;
    for (const auto &b : m_bound) {
        const bool right = b->spec.rightAxis && m_axes->rightAxis();
        curves << Curve{b->name, b->pen, right, b->decimator.segments()};
        // The shade spans gaps in the target line: a target is a setting, not a measurement.
        if (m_spec.shadeAboveTarget && b->spec.target && b->source == 0) {
            for (const QList<QPointF> &segment : b->decimator.segments())
                shade += segment;
        }
    }
    // A target is a setting, not a measurement: it holds over the whole x-range, also where
    // A has ended and B (overlaid) goes on.
    if (!shade.isEmpty()) {
        if (shade.front().x() > m_from)
            shade.prepend(QPointF(m_from, shade.front().y()));
        if (shade.back().x() < m_to)
            shade.append(QPointF(m_to, shade.back().y()));
    }
    m_layer->setCurves(std::move(curves));
    m_layer->setShade(std::move(shade), m_palette.targetShade);
}

void MetricChart::rebuildTimeAxis()
{
    const int maxTicks = std::max(2, static_cast<int>(plotArea().width() / kPixelsPerTimeTick));
    const bool clock = m_axisMode == TimeAxisMode::WallClock && !m_sources.isEmpty();
    const auto ticks = core::TimeTicks::ticks(
        m_from, m_to, maxTicks, clock ? core::TimeLabelMode::Clock : core::TimeLabelMode::Elapsed,
        m_clockOrigin);
    QList<AxisLayer::Tick> out;
    out.reserve(static_cast<qsizetype>(ticks.size()));
    for (const core::TimeTick &tick : ticks)
        out << AxisLayer::Tick{tick.x, QString::fromStdString(tick.label)};
    m_axes->setTimeAxis(m_from, m_to, std::move(out));
}

QList<ChartLegend::Entry> MetricChart::runLegend(const ChartPalette &palette) const
{
    QList<ChartLegend::Entry> entries;
    // Every run is named, also one this chart has no line of (its legend says which is which
    // on every chart alike).
    for (const ChartSource &source : m_sources) {
        if (source.runColor < 0)
            continue;
        const QString name = source.runName.isEmpty()
                                 ? source.label
                                 : source.label + QStringLiteral(": ") + source.runName;
        entries << ChartLegend::Entry{name, palette.runPen(source.runColor, 0)};
    }
    QList<int> styles;
    for (const auto &b : m_bound) {
        if (!b->spec.target && !styles.contains(b->styleIndex))
            styles << b->styleIndex;
    }
    const QColor muted = palette.mutedText;
    const bool several = styles.size() > 1; // one series needs no key to its dash
    for (const auto &b : m_bound) {
        if (b->spec.target) { // drawn for the first run only ("A: Target")
            entries << ChartLegend::Entry{b->name, b->pen};
            continue;
        }
        if (!several || !styles.contains(b->styleIndex))
            continue;
        styles.removeAll(b->styleIndex);
        QPen pen = palette.runPen(0, b->styleIndex);
        pen.setColor(muted);
        entries << ChartLegend::Entry{b->spec.name, pen};
    }
    return entries;
}

void MetricChart::applyChartColors(const ChartPalette &palette)
{
    setBackgroundBrush(palette.background);
    setBackgroundPen(Qt::NoPen);
    // The plot background item does not follow a fixed plot area, so the chart has one colour.
    setPlotAreaBackgroundVisible(false);
    setTitleBrush(palette.text);
}

void MetricChart::applyPalette(const ChartPalette &palette)
{
    // The chart's own brushes lay the chart out again: only when they change (a followed
    // run's new row gives the lines their pens again, nothing else).
    if (!m_chartColorsSet || !(palette == m_palette)) {
        m_chartColorsSet = true;
        applyChartColors(palette);
    }
    m_palette = palette;
    m_legend->setTextColor(palette.text);
    m_axes->setColors({palette.text, palette.mutedText, palette.grid, palette.axisLine});
    m_axes->setCosmeticLines(palette.cosmeticPens());
    QList<ChartLegend::Entry> entries;
    for (const auto &b : m_bound) {
        b->pen = b->spec.target ? palette.linePen(palette.target, 1.4, Qt::DashLine)
                 : b->runColor >= 0
                     ? palette.runPen(b->runColor, b->styleIndex)
                     : palette.seriesPen(b->spec.colorIndex, b->spec.dashed, b->secondary);
        entries << ChartLegend::Entry{b->name, b->pen};
    }
    const bool byRun = std::any_of(m_sources.begin(), m_sources.end(),
                                   [](const ChartSource &s) { return s.runColor >= 0; });
    if (byRun)
        entries = runLegend(palette);
    if (!m_clientBars.isEmpty()) {
        entries << ChartLegend::Entry{JobBars::medianLegendName(),
                                      JobBars::segmentPen(palette, 0, false)}
                << ChartLegend::Entry{JobBars::p99LegendName(),
                                      JobBars::segmentPen(palette, 0, true)};
    }
    for (DemandLayer *demand : m_demands) {
        demand->applyPalette(palette);
        entries << demand->legendEntries();
    }
    m_legend->setEntries(std::move(entries));
    updateCurves();
}

} // namespace hpa::ui
