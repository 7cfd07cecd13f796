#include "ui/charts/run_scatter_chart.h"

#include "core/analysis/pareto_front.h"
#include "core/library/run_scatter.h"
#include "ui/charts/axis_scale.h"
#include "ui/charts/chart_palette.h"

#include <QBuffer>
#include <QFileInfo>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QToolTip>

#include <algorithm>
#include <cmath>
#include <limits>

namespace hpa::ui {

namespace {

constexpr double kRadius = 4.5;
constexpr double kPickPx = 8;

QString tickText(double v, double step)
{
    const int decimals =
        step >= 1 ? 0 : std::min(6, static_cast<int>(std::ceil(-std::log10(step))));
    return QString::number(v, 'f', decimals);
}

} // namespace

RunScatterChart::RunScatterChart(QWidget *parent) : QWidget(parent)
{
    setMouseTracking(true);
    setMinimumSize(320, 220);
}

void RunScatterChart::setData(const QVector<Point> &points, const QString &xLabel,
                              const QString &yLabel, std::optional<bool> lowerX,
                              std::optional<bool> lowerY, int unplaced)
{
    m_points = points;
    m_xLabel = xLabel;
    m_yLabel = yLabel;
    m_unplaced = unplaced;
    m_hover = -1;
    m_front.clear();
    if (lowerX && lowerY) {
        std::vector<core::ParetoFront::Point> pts;
        for (const Point &p : points)
            pts.push_back({p.x, p.y});
        for (std::size_t i : core::ParetoFront::indices(pts, *lowerX, *lowerY))
            m_front.push_back(static_cast<int>(i));
    }
    double x0 = std::numeric_limits<double>::infinity(), x1 = -x0, y0 = x0, y1 = -x0;
    for (const Point &p : points) {
        x0 = std::min(x0, p.x);
        x1 = std::max(x1, p.x);
        y0 = std::min(y0, p.y);
        y1 = std::max(y1, p.y);
    }
    if (points.isEmpty())
        x0 = y0 = 0, x1 = y1 = 1;
    const AxisScale xs = AxisScale::nice(x0, x1 > x0 ? x1 : x0 + 1, false, false);
    const AxisScale ys = AxisScale::nice(y0, y1 > y0 ? y1 : y0 + 1, false, false);
    m_xMin = xs.min, m_xMax = xs.max, m_xTicks = xs.tickCount;
    m_yMin = ys.min, m_yMax = ys.max, m_yTicks = ys.tickCount;
    update();
}

void RunScatterChart::setScatter(const core::RunScatter &scatter)
{
    QVector<Point> points;
    points.reserve(static_cast<qsizetype>(scatter.points.size()));
    for (const core::RunScatter::Point &p : scatter.points)
        points.push_back(
            {p.x, p.y, QString::fromStdString(p.name), QString::fromStdString(p.path)});
    setData(points, QString::fromStdString(core::RunColumns::label(scatter.x)),
            QString::fromStdString(core::RunColumns::label(scatter.y)),
            core::RunScatter::lowerIsBetter(scatter.x), core::RunScatter::lowerIsBetter(scatter.y),
            scatter.unplaced);
}

QString RunScatterChart::title() const
{
    return tr("%1 vs %2 across %n run(s)", nullptr, static_cast<int>(m_points.size()))
        .arg(m_yLabel, m_xLabel);
}

QRectF RunScatterChart::plotRect(const QRectF &t) const
{
    return t.adjusted(70, 36, -20, -64);
}

QPointF RunScatterChart::map(const Point &p, const QRectF &plot) const
{
    const double fx = (p.x - m_xMin) / (m_xMax - m_xMin);
    const double fy = (p.y - m_yMin) / (m_yMax - m_yMin);
    return {plot.left() + fx * plot.width(), plot.bottom() - fy * plot.height()};
}

QPointF RunScatterChart::position(int i) const
{
    return map(m_points.at(i), plotRect(QRectF(rect())));
}

int RunScatterChart::pointAt(const QPointF &pos) const
{
    int best = -1;
    double bestD = kPickPx * kPickPx;
    for (int i = 0; i < m_points.size(); ++i) {
        const QPointF d = position(i) - pos;
        const double dd = d.x() * d.x() + d.y() * d.y();
        if (dd <= bestD) {
            bestD = dd;
            best = i;
        }
    }
    return best;
}

void RunScatterChart::render(QPainter *painter, const QRectF &target, bool paper) const
{
    const ChartPalette pal = paper ? ChartPalette::make(ChartPalette::Mode::Paper)
                                   : ChartPalette::forApplication(palette());
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->fillRect(target, pal.background);
    const QRectF plot = plotRect(target);
    painter->fillRect(plot, pal.plotBackground);
    QFont font = painter->font();
    font.setPixelSize(12);
    painter->setFont(font);

    // Title
    QFont bold = font;
    bold.setBold(true);
    bold.setPixelSize(14);
    painter->setFont(bold);
    painter->setPen(pal.text);
    painter->drawText(QRectF(target.left(), target.top() + 8, target.width(), 22), Qt::AlignCenter,
                      title());
    painter->setFont(font);

    // Grid and ticks
    const double xStep = (m_xMax - m_xMin) / std::max(1, m_xTicks - 1);
    const double yStep = (m_yMax - m_yMin) / std::max(1, m_yTicks - 1);
    for (int i = 0; i < m_xTicks; ++i) {
        const double v = m_xMin + i * xStep;
        const double x = map({v, m_yMin, {}, {}}, plot).x();
        painter->setPen(QPen(pal.grid, 0));
        painter->drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
        painter->setPen(pal.mutedText);
        painter->drawText(QRectF(x - 40, plot.bottom() + 4, 80, 16),
                          Qt::AlignHCenter | Qt::AlignTop, tickText(v, xStep));
    }
    for (int i = 0; i < m_yTicks; ++i) {
        const double v = m_yMin + i * yStep;
        const double y = map({m_xMin, v, {}, {}}, plot).y();
        painter->setPen(QPen(pal.grid, 0));
        painter->drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        painter->setPen(pal.mutedText);
        painter->drawText(QRectF(plot.left() - 66, y - 8, 60, 16),
                          Qt::AlignRight | Qt::AlignVCenter, tickText(v, yStep));
    }
    painter->setPen(QPen(pal.axisLine, 0));
    painter->drawRect(plot);
    painter->setPen(pal.text);
    painter->drawText(QRectF(plot.left(), plot.bottom() + 22, plot.width(), 18), Qt::AlignCenter,
                      m_xLabel);
    painter->save();
    painter->translate(target.left() + 14, plot.center().y());
    painter->rotate(-90);
    painter->drawText(QRectF(-plot.height() / 2, -9, plot.height(), 18), Qt::AlignCenter, m_yLabel);
    painter->restore();

    // Pareto front: a step line through its runs, which are ringed.
    const QColor frontColor = pal.series.value(1, QColor(230, 120, 20));
    if (m_front.size() > 1) {
        QPainterPath path;
        for (int k = 0; k < m_front.size(); ++k) {
            const QPointF p = map(m_points[m_front[k]], plot);
            if (k == 0)
                path.moveTo(p);
            else
                path.lineTo(p);
        }
        painter->setPen(QPen(frontColor, 1.5, Qt::DashLine));
        painter->setBrush(Qt::NoBrush);
        painter->drawPath(path);
    }
    const QColor dot = pal.series.value(0, QColor(40, 110, 200));
    for (int i = 0; i < m_points.size(); ++i) {
        const QPointF p = map(m_points[i], plot);
        const bool onFront = m_front.contains(i);
        painter->setPen(QPen(onFront ? frontColor : dot.darker(130), onFront ? 2 : 1));
        painter->setBrush(onFront ? frontColor : dot);
        painter->drawEllipse(p, onFront ? kRadius + 1.5 : kRadius,
                             onFront ? kRadius + 1.5 : kRadius);
        if (onFront && m_points.size() <= 60) {
            painter->setPen(pal.text);
            painter->drawText(p + QPointF(8, -6), m_points[i].name);
        }
    }
    if (!paper && m_hover >= 0 && m_hover < m_points.size()) {
        painter->setPen(QPen(pal.highlight, 2));
        painter->setBrush(Qt::NoBrush);
        painter->drawEllipse(map(m_points[m_hover], plot), kRadius + 4, kRadius + 4);
    }

    // Legend and what is not shown.
    painter->setPen(pal.mutedText);
    QString foot = m_front.isEmpty()
                       ? tr("No Pareto front: one of the axes has no better direction")
                       : tr("Dashed, ringed: Pareto front (no other run is better on both axes)");
    if (m_unplaced > 0)
        foot += tr(" · %n run(s) not placed: a value is not known", nullptr, m_unplaced);
    if (m_points.isEmpty())
        foot = tr("No run has both values") +
               (m_unplaced > 0 ? tr(" (%n run(s) lack one)", nullptr, m_unplaced) : QString());
    painter->drawText(QRectF(target.left() + 8, target.bottom() - 22, target.width() - 16, 18),
                      Qt::AlignLeft | Qt::AlignVCenter, foot);
    painter->restore();
}

void RunScatterChart::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    render(&painter, QRectF(rect()), false);
}

void RunScatterChart::mouseMoveEvent(QMouseEvent *event)
{
    const int hit = pointAt(event->position());
    if (hit != m_hover) {
        m_hover = hit;
        update();
        setCursor(hit >= 0 ? Qt::PointingHandCursor : Qt::ArrowCursor);
        emit runHovered(hit >= 0 ? m_points[hit].name : QString());
    }
    if (hit >= 0) {
        const Point &p = m_points[hit];
        QToolTip::showText(event->globalPosition().toPoint(),
                           tr("<b>%1</b><br>%2: %3<br>%4: %5<br><i>click to open</i>")
                               .arg(p.name.toHtmlEscaped(), m_xLabel.toHtmlEscaped())
                               .arg(p.x)
                               .arg(m_yLabel.toHtmlEscaped())
                               .arg(p.y),
                           this);
    } else {
        QToolTip::hideText();
    }
}

void RunScatterChart::mouseReleaseEvent(QMouseEvent *event)
{
    const int hit = event->button() == Qt::LeftButton ? pointAt(event->position()) : -1;
    if (hit >= 0)
        emit runClicked(m_points[hit].path);
}

void RunScatterChart::leaveEvent(QEvent *)
{
    if (m_hover >= 0) {
        m_hover = -1;
        update();
    }
}

bool RunScatterChart::exportTo(const QString &path, QSize size, QString *error) const
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    const QRectF target(QPointF(0, 0), QSizeF(size));
    bool ok = true;
    if (suffix == QLatin1String("svg")) {
        QSvgGenerator generator;
        generator.setOutputDevice(&file);
        generator.setSize(size);
        generator.setViewBox(target);
        generator.setTitle(title());
        QPainter painter(&generator);
        render(&painter, target, true);
    } else if (suffix == QLatin1String("pdf")) {
        QPdfWriter writer(&file);
        writer.setCreator(QStringLiteral("HPA Lens"));
        writer.setTitle(title());
        writer.setResolution(96);
        writer.setPageSize(QPageSize(QSizeF(size) / 96.0, QPageSize::Inch));
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        QPainter painter(&writer);
        render(&painter, target, true);
    } else if (suffix == QLatin1String("png")) {
        QImage image(size, QImage::Format_ARGB32);
        image.fill(Qt::white);
        {
            QPainter painter(&image);
            render(&painter, target, true);
        }
        ok = image.save(&file, "PNG");
    } else {
        file.cancelWriting();
        if (error)
            *error = tr("%1: use .png, .svg or .pdf").arg(path);
        return false;
    }
    if (!ok || !file.commit()) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace hpa::ui
