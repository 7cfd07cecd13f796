#include "ui/charts/time_axis_strip.h"

#include "core/plot/time_ticks.h"
#include "ui/charts/metric_chart_view.h"
#include "ui/charts/time_window.h"

#include <QEvent>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace hpa::ui {

namespace {

/// Room per time label, as on the charts.
constexpr double kPixelsPerTimeTick = 90;
constexpr double kTickLength = 4;
constexpr double kGap = 3;

core::TimeLabelMode labelMode(TimeAxisMode mode)
{
    return mode == TimeAxisMode::WallClock ? core::TimeLabelMode::Clock
                                           : core::TimeLabelMode::Elapsed;
}

} // namespace

TimeAxisStrip::TimeAxisStrip(TimeWindow *window, QWidget *parent)
    : QWidget(parent), m_window(window)
{
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    connect(m_window, &TimeWindow::rangeChanged, this, &TimeAxisStrip::announceRange);
    // The ticks are those of the shown range: a run that grew changes the range text only.
    connect(m_window, &TimeWindow::fullRangeChanged, this,
            [this] { emit rangeTextChanged(rangeText()); });
}

void TimeAxisStrip::announceRange()
{
    update();
    emit rangeTextChanged(rangeText());
}

void TimeAxisStrip::setAxisMode(TimeAxisMode mode)
{
    m_mode = mode;
    announceRange();
}

void TimeAxisStrip::setClockOrigin(double origin)
{
    m_origin = origin;
    announceRange();
}

void TimeAxisStrip::setColumns(const QVector<MetricChartView *> &columns)
{
    for (const QPointer<MetricChartView> &view : std::as_const(m_columns)) {
        if (view)
            view->removeEventFilter(this);
    }
    m_columns.clear();
    for (MetricChartView *view : columns) {
        m_columns << view;
        // Their plot areas move when the window, the docks or the scroll bar change width.
        view->installEventFilter(this);
    }
    update();
}

bool TimeAxisStrip::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Resize || event->type() == QEvent::Move ||
        event->type() == QEvent::Show || event->type() == QEvent::Hide)
        update();
    return QWidget::eventFilter(watched, event);
}

QString TimeAxisStrip::axisTitle() const
{
    return m_mode == TimeAxisMode::WallClock ? tr("time of day") : tr("elapsed (mm:ss)");
}

QString TimeAxisStrip::label(double x, double step) const
{
    return QString::fromStdString(core::TimeTicks::label(x, step, labelMode(m_mode), m_origin));
}

QString TimeAxisStrip::rangeText() const
{
    const double span = m_window->to() - m_window->from();
    const double full = m_window->fullTo() - m_window->fullFrom();
    // Labels to the second: the step of a tick every second.
    const double step = 1;
    // What data is shown: a followed run's page reaches past its newest sample.
    const QString shown =
        tr("%1 – %2").arg(label(std::max(m_window->from(), m_window->fullFrom()), step),
                          label(std::min(m_window->to(), m_window->fullTo()), step));
    if (!m_window->isZoomed())
        return tr("showing all: %1").arg(shown);
    const QString all =
        tr("%1 – %2").arg(label(m_window->fullFrom(), step), label(m_window->fullTo(), step));
    const double percent = full > 0 ? 100.0 * span / full : 100.0;
    return tr("showing %1 of %2 (%3 %)").arg(shown, all, QString::number(percent, 'f', 0));
}

QPair<double, double> TimeAxisStrip::columnSpan(int i) const
{
    if (i < 0 || i >= m_columns.size() || !m_columns[i] || m_columns[i]->isHidden())
        return {0, 0};
    MetricChartView *view = m_columns[i];
    const QRectF plot = view->plotRect();
    const QPoint origin = mapFromGlobal(view->viewport()->mapToGlobal(QPoint(0, 0)));
    return {origin.x() + plot.left(), origin.x() + plot.right()};
}

QVector<QPair<double, QString>> TimeAxisStrip::tickLabels() const
{
    QVector<QPair<double, QString>> out;
    const double from = m_window->from(), to = m_window->to();
    if (!(to > from))
        return out;
    for (int i = 0; i < m_columns.size(); ++i) {
        const auto [left, right] = columnSpan(i);
        const double width = right - left;
        if (width <= 10)
            continue;
        const int maxTicks = std::max(2, static_cast<int>(width / kPixelsPerTimeTick));
        for (const core::TimeTick &tick :
             core::TimeTicks::ticks(from, to, maxTicks, labelMode(m_mode), m_origin)) {
            const double x = left + (tick.x - from) / (to - from) * width;
            out.append({x, QString::fromStdString(tick.label)});
        }
    }
    return out;
}

QSize TimeAxisStrip::sizeHint() const
{
    const QFontMetrics fm(font());
    return {200, static_cast<int>(std::ceil(kTickLength + kGap + 2 * fm.height() + 2 * kGap))};
}

void TimeAxisStrip::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QPalette &pal = palette();
    painter.fillRect(rect(), pal.window());
    const QFontMetricsF fm(font());
    painter.setPen(pal.color(QPalette::Mid));
    for (int i = 0; i < m_columns.size(); ++i) {
        const auto [left, right] = columnSpan(i);
        if (right - left > 10)
            painter.drawLine(QPointF(left, 0.5), QPointF(right, 0.5));
    }
    const double labelTop = kTickLength + kGap;
    double lastRight = -1e9;
    for (const auto &[x, text] : tickLabels()) {
        painter.setPen(pal.color(QPalette::Mid));
        painter.drawLine(QPointF(x, 0), QPointF(x, kTickLength));
        const double w = fm.horizontalAdvance(text);
        const double l = std::clamp(x - w / 2, 0.0, std::max(0.0, width() - w - 1));
        if (l < lastRight + 4)
            continue; // two columns meet: never print labels over each other
        painter.setPen(pal.color(QPalette::WindowText));
        painter.drawText(QPointF(l, labelTop + fm.ascent()), text);
        lastRight = l + w;
    }
    // Title under the first column's centre, the range at the right edge.
    const double titleTop = labelTop + fm.height() + kGap;
    QFont bold = font();
    bold.setBold(true);
    painter.setFont(bold);
    const auto [l0, r0] = columnSpan(0);
    const QString title = axisTitle();
    const QFontMetricsF bm(bold);
    const double tw = bm.horizontalAdvance(title);
    const double tx = r0 > l0 ? (l0 + r0 - tw) / 2 : 8;
    painter.setPen(pal.color(QPalette::WindowText));
    painter.drawText(QPointF(std::max(4.0, tx), titleTop + bm.ascent()), title);
    painter.setFont(font());
    const QString range = rangeText();
    const double rw = fm.horizontalAdvance(range);
    painter.setPen(pal.color(QPalette::PlaceholderText));
    painter.drawText(QPointF(std::max(tx + tw + 16, width() - rw - 8), titleTop + fm.ascent()),
                     range);
}

} // namespace hpa::ui
