#include "ui/charts/metric_chart.h"

#include "core/time_ticks.h"
#include "ui/charts/axis_scale.h"
#include "ui/charts/series_binder.h"

#include <QAreaSeries>
#include <QCategoryAxis>
#include <QGraphicsLayout>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QValueAxis>

#include <cmath>

namespace hpa::ui {

namespace {

/// Room per time label; wall-clock labels are eight characters wide.
constexpr double kPixelsPerTimeTick = 90;
/// Room per value label on the y axes.
constexpr double kPixelsPerValueTick = 24;

QString labelFormat(const AxisScale &scale)
{
    const double step = scale.tickCount > 1 ? (scale.max - scale.min) / (scale.tickCount - 1) : 1;
    if (step >= 1 || step <= 0)
        return QStringLiteral("%.0f");
    return step >= 0.1 ? QStringLiteral("%.1f") : QStringLiteral("%.2f");
}

void applyScale(QValueAxis *axis, const AxisScale &scale)
{
    axis->setRange(scale.min, scale.max);
    axis->setTickCount(scale.tickCount);
    axis->setLabelFormat(labelFormat(scale));
}

/// The values to draw: latencies lose their zeros (no answer, not a measurement).
std::shared_ptr<const std::vector<double>> drawnValues(const ChartSource &source,
                                                       const SeriesSpec &spec)
{
    const std::vector<double> *values = source.experiment->metrics.values(spec.key);
    if (!spec.zeroIsMissing)
        return {source.experiment, values};
    auto cleaned = std::make_shared<std::vector<double>>(*values);
    for (double &v : *cleaned) {
        if (!(v > 0))
            v = NAN;
    }
    return cleaned;
}

} // namespace

MetricChart::MetricChart(ChartSpec spec, QGraphicsItem *parent)
    : QChart(parent), m_spec(std::move(spec)), m_xAxis(new QCategoryAxis(this)),
      m_yAxis(new QValueAxis(this))
{
    setTitle(m_spec.title.toHtmlEscaped()); // titles are rich text; rules contain "<="
    QFont titleFont = font();
    titleFont.setBold(true);
    setTitleFont(titleFont);
    setBackgroundRoundness(0);
    setMargins(QMargins(4, 4, 4, 4));
    legend()->setAlignment(Qt::AlignTop);
    // The view places the legend itself: with a fixed plot area the automatic layout would
    // let it overlap the plot.
    legend()->detachFromChart();
    legend()->setBackgroundVisible(false);
    QFont legendFont = font();
    legendFont.setPointSizeF(legendFont.pointSizeF() * 0.9);
    legend()->setFont(legendFont);

    m_xAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    addAxis(m_xAxis, Qt::AlignBottom);
    m_yAxis->setTitleText(m_spec.yTitle);
    addAxis(m_yAxis, Qt::AlignLeft);
    if (!m_spec.rightTitle.isEmpty()) {
        m_rightAxis = new QValueAxis(this);
        m_rightAxis->setTitleText(m_spec.rightTitle);
        addAxis(m_rightAxis, Qt::AlignRight);
    }
    if (m_spec.shadeAboveTarget) {
        // Added before any line so the shade stays underneath.
        m_shadeUpper = new QLineSeries(this);
        m_shadeLower = new QLineSeries(this);
        m_shade = new QAreaSeries(m_shadeUpper, m_shadeLower);
        m_shade->setName(QStringLiteral("Above target"));
        addSeries(m_shade);
        m_shade->attachAxis(m_xAxis);
        m_shade->attachAxis(m_yAxis);
        m_shade->setPen(Qt::NoPen);
    }
    applyPalette(ChartPalette::make(ChartPalette::Mode::Light));
}

MetricChart::~MetricChart()
{
    // Binders remove their series while the chart still exists.
    m_bound.clear();
}

void MetricChart::setSources(const QVector<ChartSource> &sources, const QVector<double> &gapSeconds)
{
    m_bound.clear();
    m_readout.clear();
    m_sources = sources;
    m_clockOrigin = sources.isEmpty() ? 0 : sources.first().origin;
    m_hasData = false;
    for (const ChartSource &source : sources)
        m_hasData = m_hasData || !m_spec.presentKeys(source).isEmpty();
    m_notCollected = m_hasData && m_spec.isNotCollected(sources);

    for (int s = 0; s < sources.size(); ++s) {
        const ChartSource &source = sources.at(s);
        if (!source.experiment)
            continue;
        const core::MetricsTable &table = source.experiment->metrics;
        std::vector<std::string> readoutKeys;
        for (const SeriesSpec &spec : m_spec.series) {
            if (!table.has(spec.key))
                continue;
            readoutKeys.push_back(spec.key);
            if (m_notCollected || (spec.target && s > 0))
                continue;
            const QString name = source.label.isEmpty()
                                     ? spec.name
                                     : source.label + QStringLiteral(": ") + spec.name;
            QValueAxis *axis = spec.rightAxis && m_rightAxis ? m_rightAxis : m_yAxis;
            Bound bound{spec, s, source.secondary,
                        std::make_unique<SeriesBinder>(this, m_xAxis, axis, name)};
            bound.binder->setData({source.experiment, &table.time()}, drawnValues(source, spec),
                                  source.origin, s < gapSeconds.size() ? gapSeconds.at(s) : 0,
                                  spec.step);
            m_bound.push_back(std::move(bound));
        }
        m_readout.addSource(source.label.toStdString(), table, source.origin, readoutKeys);
    }
    // A chart showing its "not collected" message has no scale worth reading.
    m_yAxis->setLabelsVisible(!m_notCollected);
    m_yAxis->setTitleVisible(!m_notCollected);
    if (m_rightAxis) {
        m_rightAxis->setLabelsVisible(!m_notCollected);
        m_rightAxis->setTitleVisible(!m_notCollected);
    }
    if (m_shade) {
        for (QLegendMarker *marker : legend()->markers(m_shade))
            marker->setVisible(false);
    }
    applyPalette(m_palette);
    setRange(m_from, m_to);
}

void MetricChart::setAxisMode(TimeAxisMode mode)
{
    m_axisMode = mode;
    rebuildTimeAxis();
}

void MetricChart::setXLabelsVisible(bool visible)
{
    m_xAxis->setLabelsVisible(visible);
}

void MetricChart::setRange(double from, double to)
{
    m_from = from;
    m_to = to;
    const int pixels = std::max(1, static_cast<int>(plotArea().width()));
    SeriesBinder::Extent left, right;
    for (const Bound &b : m_bound) {
        const SeriesBinder::Extent e = b.binder->prepare(from, to, pixels);
        (b.spec.rightAxis && m_rightAxis ? right : left).include(e);
    }
    // Every axis change makes Qt Charts lay out (and build a hit-test outline of) every series
    // on it again, O(points) each: emptied first, the series are laid out once, on commit.
    for (const Bound &b : m_bound)
        b.binder->clear();
    if (m_shade) {
        m_shadeLower->clear();
        m_shadeUpper->clear();
    }
    m_xAxis->setRange(from, to);
    rebuildTimeAxis();
    // Qt Charts elides a y label to "..." when ticks are closer than a line of text.
    const int maxTicks =
        std::clamp(static_cast<int>(plotArea().height() / kPixelsPerValueTick), 3, 6);
    if (m_spec.fixedPercent) {
        applyScale(m_yAxis, AxisScale{0, 100, maxTicks >= 6 ? 6 : maxTicks >= 5 ? 5 : 3});
    } else {
        applyScale(m_yAxis, left.valid() ? AxisScale::nice(left.min, left.max, m_spec.startAtZero,
                                                           m_spec.integerAxis, maxTicks)
                                         : AxisScale{});
    }
    if (m_rightAxis) {
        applyScale(m_rightAxis, right.valid()
                                    ? AxisScale::nice(right.min, right.max, true, false, maxTicks)
                                    : AxisScale{});
    }
    for (const Bound &b : m_bound)
        b.binder->commit();
    updateShade();
    // New tick labels make Qt Charts post a relayout of the axes; done now, it costs one
    // paint instead of a paint before and another after the deferred layout.
    if (layout())
        layout()->activate();
}

void MetricChart::updateShade()
{
    if (!m_shade)
        return;
    QList<QPointF> lower;
    for (const Bound &b : m_bound) {
        if (b.spec.target && b.source == 0)
            lower = b.binder->drawnPoints();
    }
    QList<QPointF> upper = lower;
    const double top = m_yAxis->max();
    for (QPointF &p : upper)
        p.setY(std::max(top, p.y()));
    m_shadeLower->replace(lower);
    m_shadeUpper->replace(upper);
}

void MetricChart::rebuildTimeAxis()
{
    for (const QString &label : m_xAxis->categoriesLabels())
        m_xAxis->remove(label);
    m_xAxis->setStartValue(m_from);
    const int maxTicks = std::max(2, static_cast<int>(plotArea().width() / kPixelsPerTimeTick));
    const bool clock = m_axisMode == TimeAxisMode::WallClock && !m_sources.isEmpty();
    const auto ticks = core::TimeTicks::ticks(
        m_from, m_to, maxTicks, clock ? core::TimeLabelMode::Clock : core::TimeLabelMode::Elapsed,
        m_clockOrigin);
    for (const core::TimeTick &tick : ticks)
        m_xAxis->append(QString::fromStdString(tick.label), tick.x);
    m_xAxis->setRange(m_from, m_to);
}

void MetricChart::styleAxis(QAbstractAxis *axis, bool grid)
{
    axis->setLabelsBrush(m_palette.text);
    axis->setTitleBrush(m_palette.mutedText);
    axis->setLinePenColor(m_palette.axisLine);
    axis->setGridLineVisible(grid);
    axis->setGridLineColor(m_palette.grid);
    axis->setShadesVisible(false);
}

void MetricChart::applyPalette(const ChartPalette &palette)
{
    m_palette = palette;
    setBackgroundBrush(palette.background);
    setBackgroundPen(Qt::NoPen);
    // The plot background item does not follow a fixed plot area, so the chart has one colour.
    setPlotAreaBackgroundVisible(false);
    setTitleBrush(palette.text);
    legend()->setLabelColor(palette.text);
    styleAxis(m_xAxis, true);
    styleAxis(m_yAxis, true);
    if (m_rightAxis)
        styleAxis(m_rightAxis, false);
    if (m_shade)
        m_shade->setBrush(palette.targetShade);
    for (const Bound &b : m_bound) {
        if (b.spec.target) {
            b.binder->setPen(palette.linePen(palette.target, 1.4, Qt::DashLine));
        } else {
            b.binder->setPen(palette.seriesPen(b.spec.colorIndex, b.spec.dashed, b.secondary));
        }
    }
}

QList<QLineSeries *> MetricChart::lineSeries() const
{
    QList<QLineSeries *> out;
    for (const Bound &b : m_bound)
        out += b.binder->segments();
    return out;
}

qsizetype MetricChart::drawnPointCount() const
{
    qsizetype n = 0;
    for (const Bound &b : m_bound)
        n += b.binder->drawnPoints().size();
    return n;
}

} // namespace hpa::ui
