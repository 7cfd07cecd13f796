#include "ui/charts/metric_chart_view.h"

#include "ui/charts/chart_cursor.h"
#include "ui/charts/chart_overlay.h"
#include "ui/charts/demand_layer.h"
#include "ui/charts/metric_chart.h"
#include "ui/charts/time_window.h"

#include <QAction>
#include <QContextMenuEvent>
#include <QFontMetrics>
#include <QGraphicsLayout>
#include <QMenu>
#include <QMouseEvent>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <tuple>

namespace hpa::ui {

namespace {

// Fixed gutters so the plot areas of all charts in a stack line up on the same x pixels
// whatever their tick labels are. The right one leaves room for the latency chart's ITL axis.
constexpr double kLeftGutter = 78;
constexpr double kRightGutter = 70;
constexpr double kClickTolerancePx = 4;
constexpr double kMinBandPx = 5;
constexpr double kWheelZoomIn = 0.8;
constexpr double kWheelZoomOut = 1.25;
constexpr double kKeyPanFraction = 0.1;
/// All series of a chart together: above this many points per plot pixel, no antialiasing.
constexpr double kAntialiasPointsPerPixel = 1.0;

} // namespace

MetricChartView::MetricChartView(ChartSpec spec, TimeWindow *window, ChartCursor *cursor,
                                 QWidget *parent)
    : QChartView(parent), m_chart(new MetricChart(std::move(spec))), m_window(window),
      m_cursor(cursor)
{
    // QChartView made a default chart of its own; setChart() only releases it.
    QChart *defaultChart = chart();
    setChart(m_chart);
    delete defaultChart;
    setRubberBand(QChartView::NoRubberBand);
    setFrameShape(QFrame::NoFrame);
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setMinimumHeight(150);
    connect(m_window, &TimeWindow::rangeChanged, this, &MetricChartView::onRangeChanged);
    connect(m_cursor, &ChartCursor::positionChanged, viewport(), qOverload<>(&QWidget::update));
    connect(m_cursor, &ChartCursor::highlightChanged, viewport(), qOverload<>(&QWidget::update));
}

MetricChartView::~MetricChartView() = default;

void MetricChartView::setSources(const QVector<ChartSource> &sources,
                                 const QVector<double> &gapSeconds,
                                 std::shared_ptr<const EventMarkers> markers)
{
    if (!markers) {
        auto own = std::make_shared<EventMarkers>();
        own->setSources(sources);
        markers = std::move(own);
    }
    // What the overlay draws besides the lines: when none of it changed (a followed run's
    // new row), the chart's layers repaint only what moved, the new row's pixels.
    const auto overlay = [this] {
        return std::make_tuple(m_markers.get(), notCollectedMessage(), m_chart->clippedOutliers(),
                               JobBars::of(m_chart->sources()), m_chart->plotArea());
    };
    const auto before = overlay();
    m_markers = std::move(markers);
    layoutPlotArea();
    m_chart->setSources(sources, gapSeconds, m_window->from(), m_window->to());
    updateAntialiasing();
    // The readout under the cursor may name a value of the new row.
    if (m_cursor->position() || overlay() != before)
        viewport()->update();
}

void MetricChartView::setAxisMode(TimeAxisMode mode)
{
    m_chart->setAxisMode(mode);
}

void MetricChartView::setTimeLabelsVisible(bool visible)
{
    m_timeLabels = visible;
    m_chart->setXLabelsVisible(visible);
    layoutPlotArea();
    m_chart->setRange(m_window->from(), m_window->to());
}

void MetricChartView::applyChartPalette(const ChartPalette &palette)
{
    m_chart->applyPalette(palette);
    setBackgroundBrush(palette.background);
    viewport()->update();
}

void MetricChartView::setSecondaryMarkersVisible(bool visible)
{
    m_secondaryMarkers = visible;
    viewport()->update();
}

bool MetricChartView::showsNotCollectedMessage() const
{
    return m_chart->isNotCollected();
}

QString MetricChartView::notCollectedMessage() const
{
    return m_chart->isNotCollected() ? m_chart->notCollectedMessage() : QString();
}

int MetricChartView::visibleMarkerCount() const
{
    return static_cast<int>(m_markers->visible(m_chart->rangeFrom(), m_chart->rangeTo()).size());
}

QStringList MetricChartView::readoutLines() const
{
    QStringList out;
    const std::optional<double> x = m_cursor->position();
    if (!m_hovered || !x || m_exporting)
        return out;
    for (const std::string &line : m_chart->readout().lines(*x))
        out << QString::fromStdString(line);
    for (int source = 0; source < 2; ++source) {
        if (const QString demand = m_chart->demandLayer(source).readoutLine(*x); !demand.isEmpty())
            out << demand;
    }
    return out;
}

QRectF MetricChartView::plotRect() const
{
    return mapFromScene(m_chart->plotArea()).boundingRect();
}

double MetricChartView::xAt(double px) const
{
    const QRectF plot = plotRect();
    const double span = m_window->to() - m_window->from();
    if (plot.width() <= 0)
        return m_window->from();
    return m_window->from() + (px - plot.left()) / plot.width() * span;
}

double MetricChartView::viewportX(double x) const
{
    const QRectF plot = plotRect();
    const double span = m_window->to() - m_window->from();
    if (!(span > 0))
        return plot.left();
    return plot.left() + (x - m_window->from()) / span * plot.width();
}

void MetricChartView::layoutPlotArea()
{
    const QSizeF size = m_chart->size();
    const QFontMetricsF title(m_chart->titleFont());
    const QFontMetricsF legend(m_chart->chartLegend()->font());
    const QFontMetricsF labels(m_chart->font());
    const double legendTop = 6 + title.height() + 2;
    const double legendHeight = legend.height() + 10;
    const double top = legendTop + legendHeight + 6;
    const double bottom = m_timeLabels ? labels.height() + 14 : 10;
    const QRectF plot(kLeftGutter, top, size.width() - kLeftGutter - kRightGutter,
                      size.height() - top - bottom);
    if (plot.width() > 10 && plot.height() > 10) {
        m_chart->setPlotArea(plot);
        m_chart->chartLegend()->setRect(QRectF(plot.left(), legendTop, plot.width(), legendHeight));
    }
}

void MetricChartView::onRangeChanged(double from, double to)
{
    m_chart->setRange(from, to);
    updateAntialiasing();
    viewport()->update();
}

void MetricChartView::updateAntialiasing()
{
    // Smooth edges only pay off on sparse lines. Dense ones (min/max pairs in every pixel
    // column) look the same without, and painting them antialiased costs a third more.
    const double width = m_chart->plotArea().width();
    setRenderHint(QPainter::Antialiasing, static_cast<double>(m_chart->drawnPointCount()) <=
                                              kAntialiasPointsPerPixel * width);
}

void MetricChartView::resizeEvent(QResizeEvent *event)
{
    QChartView::resizeEvent(event);
    // With a fixed plot area Qt Charts does not lay the title out again when the chart
    // shrinks (a stack halved for side by side kept its title centred on the old width):
    // hand layout back to Qt for one pass, then fix the plot area again.
    // That pass may grow the chart to its automatic minimum size, taller than a short view:
    // put back the size QChartView gave it before fixing the plot area.
    const QSizeF viewSize = m_chart->size();
    m_chart->setPlotArea(QRectF());
    m_chart->layout()->invalidate();
    m_chart->layout()->activate();
    m_chart->resize(viewSize);
    layoutPlotArea();
    m_chart->setRange(m_window->from(), m_window->to());
    updateAntialiasing();
}

void MetricChartView::mousePressEvent(QMouseEvent *event)
{
    const double px = event->position().x();
    const bool pan =
        event->button() == Qt::MiddleButton ||
        (event->button() == Qt::LeftButton && (event->modifiers() & Qt::ShiftModifier));
    if (pan) {
        m_drag = Drag::Pan;
    } else if (event->button() == Qt::LeftButton && plotRect().contains(event->position())) {
        m_drag = Drag::Band;
    } else {
        QChartView::mousePressEvent(event);
        return;
    }
    m_pressX = m_dragX = px;
    setFocus(Qt::MouseFocusReason);
    event->accept();
}

void MetricChartView::mouseMoveEvent(QMouseEvent *event)
{
    const double px = event->position().x();
    m_hovered = true;
    const QRectF plot = plotRect();
    const bool inside = px >= plot.left() && px <= plot.right();
    m_cursor->setPosition(inside ? std::optional<double>(xAt(px)) : std::nullopt);
    if (m_drag == Drag::Pan && plot.width() > 0) {
        const double dx = (m_dragX - px) / plot.width() * (m_window->to() - m_window->from());
        m_dragX = px;
        m_window->pan(dx);
    } else if (m_drag == Drag::Band) {
        m_dragX = px;
    }
    viewport()->update();
    event->accept();
}

void MetricChartView::mouseReleaseEvent(QMouseEvent *event)
{
    const Drag drag = std::exchange(m_drag, Drag::None);
    if (drag != Drag::Band) {
        if (drag == Drag::None)
            QChartView::mouseReleaseEvent(event);
        return;
    }
    const double px = event->position().x();
    if (std::fabs(px - m_pressX) >= kMinBandPx) {
        m_window->zoomTo(xAt(std::min(px, m_pressX)), xAt(std::max(px, m_pressX)));
    } else {
        const QRectF plot = plotRect();
        const double tolerance =
            kClickTolerancePx / std::max(1.0, plot.width()) * (m_window->to() - m_window->from());
        if (const auto marker = m_markers->nearest(xAt(px), tolerance))
            emit eventClicked(marker->source, marker->index);
    }
    viewport()->update();
    event->accept();
}

void MetricChartView::mouseDoubleClickEvent(QMouseEvent *event)
{
    // A double click would otherwise reach Qt Charts; treat it as a plain click.
    event->accept();
}

void MetricChartView::wheelEvent(QWheelEvent *event)
{
    const int delta = event->angleDelta().y();
    if (delta == 0) {
        event->ignore();
        return;
    }
    m_window->zoomBy(delta > 0 ? kWheelZoomIn : kWheelZoomOut, xAt(event->position().x()));
    event->accept();
}

void MetricChartView::keyPressEvent(QKeyEvent *event)
{
    const double span = m_window->to() - m_window->from();
    const double centre = (m_window->from() + m_window->to()) / 2;
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        m_window->zoomBy(kWheelZoomIn, centre);
        break;
    case Qt::Key_Minus:
        m_window->zoomBy(kWheelZoomOut, centre);
        break;
    case Qt::Key_Left:
        m_window->pan(-span * kKeyPanFraction);
        break;
    case Qt::Key_Right:
        m_window->pan(span * kKeyPanFraction);
        break;
    case Qt::Key_Backspace:
        m_window->back();
        break;
    case Qt::Key_Home:
        m_window->reset();
        break;
    case Qt::Key_Escape:
        m_drag = Drag::None;
        viewport()->update();
        break;
    default:
        QChartView::keyPressEvent(event);
        return;
    }
    event->accept();
}

void MetricChartView::leaveEvent(QEvent *event)
{
    m_hovered = false;
    m_cursor->setPosition(std::nullopt);
    QChartView::leaveEvent(event);
}

void MetricChartView::contextMenuEvent(QContextMenuEvent *event)
{
    if (m_actions.isEmpty()) {
        event->ignore();
        return;
    }
    for (QAction *action : m_actions)
        action->setProperty(kContextChartProperty, QVariant::fromValue<QObject *>(this));
    QMenu::exec(m_actions, event->globalPos(), nullptr, this);
    for (QAction *action : m_actions)
        action->setProperty(kContextChartProperty, QVariant());
}

QString MetricChartView::toolTipAt(const QPointF &pos) const
{
    // Only the title band (above the legend) has a tooltip; the plot has the readout.
    const QRectF legend =
        mapFromScene(m_chart->mapToScene(m_chart->chartLegend()->boundingRect())).boundingRect();
    return pos.y() < legend.top() ? m_chart->spec().titleToolTip : QString();
}

bool MetricChartView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString tip = toolTipAt(help->pos());
        if (tip.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), tip, viewport());
        return true;
    }
    return QChartView::viewportEvent(event);
}

void MetricChartView::drawForeground(QPainter *painter, const QRectF &rect)
{
    QChartView::drawForeground(painter, rect);
    OverlayState state;
    state.plot = m_chart->plotArea();
    state.from = m_chart->rangeFrom();
    state.to = m_chart->rangeTo();
    state.markers = m_markers.get();
    state.secondaryMarkers = m_secondaryMarkers;
    state.highlight = m_cursor->highlight();
    state.span = m_cursor->highlightSpan();
    if (!m_exporting) {
        state.cursor = m_cursor->position();
        if (m_drag == Drag::Band) {
            const double a = mapToScene(QPoint(static_cast<int>(m_pressX), 0)).x();
            const double b = mapToScene(QPoint(static_cast<int>(m_dragX), 0)).x();
            state.band = std::make_pair(a, b);
        }
        state.readout = readoutLines();
    }
    state.message = notCollectedMessage();
    state.clipped = m_chart->clippedOutliers();
    const QVector<JobBar> bars = JobBars::of(m_chart->sources());
    if (!bars.isEmpty() && m_chart->spec().kind == ChartKind::Jobs)
        state.gantt = &bars;
    if (!bars.isEmpty() && m_chart->spec().kind == ChartKind::Latency &&
        m_chart->isNotCollected()) {
        state.clientLatency = &bars;
        state.message.clear(); // the segments' caption says where they come from
    } else if (!bars.isEmpty() && m_chart->clientLatencyOnAxis()) {
        // Beside the server's lines, on the TTFT axis; the legend names both.
        state.clientLatency = &bars;
        const AxisScale &scale = m_chart->axes().leftAxis().scale;
        state.clientAxis = std::make_pair(scale.min, scale.max);
    }
    // A scale-up episode is drawn on the charts of its own run only (side by side, not B's).
    const std::optional<EpisodeWaterfall> waterfall = m_cursor->waterfall();
    if (waterfall && std::any_of(m_chart->sources().begin(), m_chart->sources().end(),
                                 [&](const ChartSource &s) {
                                     return s.experiment.get() == waterfall->experiment;
                                 }))
        state.waterfall = &*waterfall;
    state.bounds = mapToScene(viewport()->rect()).boundingRect();
    ChartOverlay::paint(painter, state, m_chart->chartPalette());
}

} // namespace hpa::ui
