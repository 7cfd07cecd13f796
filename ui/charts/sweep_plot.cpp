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

int SweepPlot::pointAt(const QPointF &pos) const
{
    int best = -1;
    double bestD = 8.0 * 8.0;
    for (int i = 0; i < m_points.size(); ++i) {
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
        const double v = tick(m_x0, m_x1, m_xTicks, k);
        const double x = map(v, m_y0).x();
        p.drawLine(QPointF(x, r.top()), QPointF(x, r.bottom()));
        p.setPen(text);
        p.drawText(QRectF(x - 40, r.bottom() + 2, 80, fm.height()), Qt::AlignHCenter,
                   QString::number(v, 'g', 4));
        p.setPen(grid);
    }
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
        if (!std::isfinite(pt.x) || !std::isfinite(pt.y))
            continue;
        const QPointF c = map(pt.x, pt.y);
        p.setPen(QPen(pt.pareto ? kFront.darker(130) : kDot.darker(130), 1));
        p.setBrush(pt.pareto ? kFront : kDot);
        const double radius = pt.pareto ? 5 : 3.5;
        p.drawEllipse(c, radius, radius);
        if (i == m_selected) {
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

bool SweepPlot::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int i = pointAt(help->pos());
        if (i >= 0)
            QToolTip::showText(
                help->globalPos(),
                tr("%1\n%2: %3, replica-hours %4 (estimate)%5")
                    .arg(m_points[i].label, m_xTitle, QString::number(m_points[i].x, 'f', 2),
                         QString::number(m_points[i].y, 'f', 3),
                         m_points[i].pareto ? tr("\nOn the Pareto front") : QString()),
                this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

} // namespace hpa::ui
