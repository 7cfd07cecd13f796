#include "ui/charts/sweep_plot.h"

#include "ui/charts/axis_scale.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace hpa::ui {

namespace {

const QColor kDot(0x4a, 0x7d, 0xc9);
const QColor kFront(0xd0, 0x3a, 0xb0); // the what-if colour of the replicas chart
const QColor kRecording(0x20, 0x20, 0x20);

/// Two KPIs are the same when they differ by rounding only (replays of identical curves give
/// identical numbers; this absorbs summation order).
bool same(double a, double b)
{
    if (!std::isfinite(a) || !std::isfinite(b))
        return false;
    return std::abs(a - b) <= 1e-9 * std::max(1.0, std::max(std::abs(a), std::abs(b)));
}

} // namespace

SweepPlot::SweepPlot(QWidget *parent) : QWidget(parent)
{
    setMinimumSize(240, 180);
    setMouseTracking(false);
}

void SweepPlot::setPoints(QVector<Point> points, std::optional<QPointF> recording,
                          const QString &xTitle, const QString &yTitle)
{
    m_points = std::move(points);
    m_recording = recording;
    m_xTitle = xTitle;
    m_yTitle = yTitle;
    m_selected = -1;
    m_groupOf.resize(m_points.size());
    for (int i = 0; i < m_points.size(); ++i) {
        m_groupOf[i] = i;
        for (int j = 0; j < i; ++j) {
            if (m_groupOf[j] == j && same(m_points[i].x, m_points[j].x) &&
                same(m_points[i].y, m_points[j].y)) {
                m_groupOf[i] = j;
                break;
            }
        }
    }
    double x0 = INFINITY, x1 = -INFINITY, y0 = INFINITY, y1 = -INFINITY;
    const auto include = [&](double x, double y) {
        if (!std::isfinite(x) || !std::isfinite(y))
            return;
        x0 = std::min(x0, x);
        x1 = std::max(x1, x);
        y0 = std::min(y0, y);
        y1 = std::max(y1, y);
    };
    for (const Point &p : m_points)
        include(p.x, p.y);
    if (m_recording)
        include(m_recording->x(), m_recording->y());
    if (!(x1 >= x0)) {
        x0 = 0;
        x1 = 1;
        y0 = 0;
        y1 = 1;
    }
    // Round ranges around the dots (the charts' own rule): sweeps often differ by little.
    const AxisScale xs = AxisScale::nice(x0, x1, false, false, 6);
    const AxisScale ys = AxisScale::nice(y0, y1, false, false, 5);
    m_x0 = xs.min;
    m_x1 = xs.max;
    m_xTicks = xs.tickCount;
    m_y0 = ys.min;
    m_y1 = ys.max;
    m_yTicks = ys.tickCount;
    update();
}

void SweepPlot::clear()
{
    setPoints({}, std::nullopt, m_xTitle, m_yTitle);
}

void SweepPlot::setSelected(int index)
{
    m_selected = index;
    update();
}

QRectF SweepPlot::plotRect() const
{
    const QFontMetrics fm(font());
    const double left = fm.horizontalAdvance(QStringLiteral("000.000")) + fm.height() + 10;
    const double bottom = 2.2 * fm.height() + 8;
    return QRectF(left, 10, std::max(10.0, width() - left - 14),
                  std::max(10.0, height() - bottom - 10));
}

QPointF SweepPlot::map(double x, double y) const
{
    const QRectF r = plotRect();
    return {r.left() + (x - m_x0) / (m_x1 - m_x0) * r.width(),
            r.bottom() - (y - m_y0) / (m_y1 - m_y0) * r.height()};
}

QPointF SweepPlot::position(int index) const
{
    if (index < 0)
        return m_recording ? map(m_recording->x(), m_recording->y()) : QPointF();
    return map(m_points.at(index).x, m_points.at(index).y);
}

QVector<int> SweepPlot::sameAs(int index) const
{
    QVector<int> out;
    if (index < 0 || index >= m_points.size())
        return out;
    for (int i = 0; i < m_points.size(); ++i) {
        if (m_groupOf[i] == m_groupOf[index])
            out << i;
    }
    return out;
}

int SweepPlot::dotCount() const
{
    int n = 0;
    for (int i = 0; i < m_points.size(); ++i)
        n += m_groupOf[i] == i && std::isfinite(m_points[i].x) && std::isfinite(m_points[i].y);
    return n;
}

QVector<SweepPlot::TickLabel> SweepPlot::xTickLabels() const
{
    QVector<TickLabel> out;
    const QRectF r = plotRect();
    const QFontMetricsF fm(font());
    for (int k = 0; k < m_xTicks; ++k) {
        const double v = m_xTicks > 1 ? m_x0 + (m_x1 - m_x0) * k / (m_xTicks - 1) : m_x0;
        const double x = map(v, m_y0).x();
        const QString text = QString::number(v, 'g', 4);
        const double w = fm.horizontalAdvance(text) + 2;
        // Centred on the tick, shifted inwards where that would cross the widget's edge.
        const double left = std::clamp(x - w / 2, 0.0, std::max(0.0, width() - w));
        out << TickLabel{text, QRectF(left, r.bottom() + 2, w, fm.height())};
    }
    return out;
}

int SweepPlot::pointAt(const QPointF &pos) const
{
    int best = -1;
    double bestD = 8.0 * 8.0;
    for (int i = 0; i < m_points.size(); ++i) {
        if (m_groupOf[i] != i)
            continue; // drawn as its group's dot
        const QPointF d = position(i) - pos;
        const double d2 = d.x() * d.x() + d.y() * d.y();
        if (d2 <= bestD) {
            bestD = d2;
            best = i;
        }
    }
    return best;
}

void SweepPlot::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), palette().base());
    const QRectF r = plotRect();
    const QColor text = palette().text().color();
    QColor grid = text;
    grid.setAlpha(40);
    const QFontMetrics fm(font());
    // Axes with nice ticks.
    const auto tick = [](double lo, double hi, int count, int k) {
        return count > 1 ? lo + (hi - lo) * k / (count - 1) : lo;
    };
    p.setPen(grid);
    for (int k = 0; k < m_xTicks; ++k) {
        const double x = map(tick(m_x0, m_x1, m_xTicks, k), m_y0).x();
        p.drawLine(QPointF(x, r.top()), QPointF(x, r.bottom()));
    }
    p.setPen(text);
    for (const TickLabel &label : xTickLabels())
        p.drawText(label.box, Qt::AlignCenter, label.text);
    p.setPen(grid);
    for (int k = 0; k < m_yTicks; ++k) {
        const double v = tick(m_y0, m_y1, m_yTicks, k);
        const double y = map(m_x0, v).y();
        p.drawLine(QPointF(r.left(), y), QPointF(r.right(), y));
        p.setPen(text);
        p.drawText(QRectF(0, y - fm.height() / 2.0, r.left() - 4, fm.height()),
                   Qt::AlignRight | Qt::AlignVCenter, QString::number(v, 'g', 5));
        p.setPen(grid);
    }
    p.setPen(text);
    p.drawRect(r);
    p.drawText(QRectF(r.left(), r.bottom() + fm.height() + 4, r.width(), fm.height()),
               Qt::AlignHCenter, m_xTitle);
    p.save();
    p.translate(fm.height() * 0.2, r.center().y());
    p.rotate(-90);
    p.drawText(QRectF(-r.height() / 2, 0, r.height(), fm.height()), Qt::AlignHCenter, m_yTitle);
    p.restore();

    // The Pareto front as a step line through its points, left to right.
    QVector<QPointF> front;
    for (const Point &pt : m_points) {
        if (pt.pareto)
            front << QPointF(pt.x, pt.y);
    }
    std::sort(front.begin(), front.end(),
              [](const QPointF &a, const QPointF &b) { return a.x() < b.x(); });
    if (front.size() > 1) {
        QPainterPath path(map(front[0].x(), front[0].y()));
        for (int i = 1; i < front.size(); ++i)
            path.lineTo(map(front[i].x(), front[i].y()));
        p.setPen(QPen(kFront, 1.5));
        p.drawPath(path);
    }
    for (int i = 0; i < m_points.size(); ++i) {
        const Point &pt = m_points[i];
        if (!std::isfinite(pt.x) || !std::isfinite(pt.y) || m_groupOf[i] != i)
            continue;
        const QPointF c = map(pt.x, pt.y);
        const auto count = sameAs(i).size();
        p.setPen(QPen(pt.pareto ? kFront.darker(130) : kDot.darker(130), 1));
        p.setBrush(pt.pareto ? kFront : kDot);
        // A dot standing for several combinations is larger and says how many.
        const double radius = (pt.pareto ? 5 : 3.5) + (count > 1 ? 2 : 0);
        p.drawEllipse(c, radius, radius);
        if (count > 1) {
            p.setPen(text);
            p.drawText(c + QPointF(radius + 2, -radius), tr("×%1").arg(count));
        }
        if (m_groupOf.value(m_selected, -1) == i) {
            p.setBrush(Qt::NoBrush);
            p.setPen(QPen(text, 2));
            p.drawEllipse(c, radius + 4, radius + 4);
        }
    }
    if (m_recording) {
        const QPointF c = map(m_recording->x(), m_recording->y());
        p.setPen(QPen(kRecording, 2.5));
        p.drawLine(c + QPointF(-7, -7), c + QPointF(7, 7));
        p.drawLine(c + QPointF(-7, 7), c + QPointF(7, -7));
        p.drawText(c + QPointF(9, -6), tr("recording"));
    }
    if (m_points.isEmpty()) {
        p.setPen(text);
        p.drawText(r, Qt::AlignCenter, tr("No sweep run yet"));
    }
}

void SweepPlot::mousePressEvent(QMouseEvent *event)
{
    const int i = pointAt(event->position());
    if (i >= 0) {
        setSelected(i);
        emit pointClicked(i);
    }
    QWidget::mousePressEvent(event);
}

QString SweepPlot::toolTipText(int index) const
{
    if (index < 0 || index >= m_points.size())
        return {};
    const QVector<int> group = sameAs(index);
    QStringList labels;
    for (int j : group)
        labels << m_points[j].label;
    const QString combos = group.size() > 1 ? tr("%1 combinations with the same result:\n%2")
                                                  .arg(group.size())
                                                  .arg(labels.join(QLatin1Char('\n')))
                                            : labels.join(QString());
    const Point &pt = m_points[index];
    return tr("%1\n%2: %3, replica-hours %4 (estimate)%5")
        .arg(combos, m_xTitle, QString::number(pt.x, 'f', 2), QString::number(pt.y, 'f', 3),
             pt.pareto ? tr("\nOn the Pareto front") : QString());
}

bool SweepPlot::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int i = pointAt(help->pos());
        if (i >= 0)
            QToolTip::showText(help->globalPos(), toolTipText(i), this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

} // namespace hpa::ui
