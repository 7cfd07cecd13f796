#include "ui/charts/demand_layer.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPolygonF>

#include <algorithm>

namespace hpa::ui {

namespace {

/// Fills may reach this far past the plot (clipped there) without overflowing the raster
/// engine's fixed-point coordinates when zoomed far in.
constexpr double kMargin = 64;
/// Legend samples of the two areas: a bar as thick as a line of small text.
constexpr double kAreaSampleWidth = 8;

double toPixel(double v, double v0, double v1, double p0, double p1)
{
    if (!(v1 > v0))
        return (p0 + p1) / 2;
    return p0 + (v - v0) / (v1 - v0) * (p1 - p0);
}

QPen areaPen(const QColor &color)
{
    QPen pen(color, kAreaSampleWidth);
    pen.setCapStyle(Qt::FlatCap);
    return pen;
}

} // namespace

DemandLayer::DemandLayer(QGraphicsItem *parent)
    : QGraphicsItem(parent), m_line(new CurveLayer(this))
{
    setFlag(QGraphicsItem::ItemClipsToShape);
    applyPalette(ChartPalette::make(ChartPalette::Mode::Light));
}

void DemandLayer::setCurve(std::shared_ptr<const DemandCurve> curve, double origin)
{
    if (curve == m_curve && origin == m_origin && !m_curve)
        return; // still none: nothing to clear or repaint
    m_curve = std::move(curve);
    m_origin = origin;
    m_bands.clear();
    if (m_curve && m_curve->known()) {
        const core::Experiment *run = m_curve->experiment();
        // The time column belongs to the run the curve keeps alive.
        std::shared_ptr<const core::ColumnValues> time(m_curve, &run->metrics.time());
        m_decimator.setData(time, m_curve->values(), origin, m_curve->gapSeconds(), true);
    } else {
        m_decimator.setData(nullptr, nullptr, 0, 0, true);
    }
    setVisible(m_curve != nullptr);
    m_line->setCurves({});
    update();
}

void DemandLayer::setRun(const QString &label, bool secondary)
{
    m_label = label;
    m_secondary = secondary;
}

QString DemandLayer::labelled(const QString &text) const
{
    return m_label.isEmpty() ? text : m_label + QStringLiteral(": ") + text;
}

QBrush DemandLayer::underBrush() const
{
    return m_secondary ? QBrush(m_under, Qt::BDiagPattern) : QBrush(m_under);
}

QBrush DemandLayer::overBrush() const
{
    return m_secondary ? QBrush(m_over, Qt::FDiagPattern) : QBrush(m_over);
}

CurveDecimator::Extent DemandLayer::prepare(double from, double to, int pixels)
{
    m_bands.clear();
    if (!m_curve || !m_curve->known())
        return {};
    const CurveDecimator::Extent extent = m_decimator.prepare(from, to, pixels);
    m_bands = m_curve->bands().bands(from + m_origin, to + m_origin, pixels);
    for (core::ProvisioningBands::Band &band : m_bands) {
        band.x0 -= m_origin;
        band.x1 -= m_origin;
    }
    m_line->setCurves(
        {Curve{labelled(m_curve->legendName()), m_pen, false, m_decimator.segments()}});
    update();
    return extent;
}

void DemandLayer::setPlot(const QRectF &plot, const CurveLayer::Ranges &ranges)
{
    if (plot == m_plot && ranges == m_ranges)
        return;
    if (plot != m_plot)
        prepareGeometryChange();
    m_plot = plot;
    m_ranges = ranges;
    m_line->setPlot(plot, ranges);
    update();
}

void DemandLayer::applyPalette(const ChartPalette &palette)
{
    // Dark dashes read against both the replica lines and the fills, in every theme. A
    // second run's demand is dotted in that run's replica colour (series 0 of the comparison
    // hues); its hatched areas keep the meaning of the colours (red under, grey over) but are
    // opaque enough for the hatch lines to show over A's solid fills.
    const bool dark = palette.mode == ChartPalette::Mode::Dark;
    m_pen = m_secondary ? palette.linePen(palette.seriesColor(0, true), 1.8, Qt::DotLine)
                        : palette.linePen(palette.text, 1.6, Qt::DashLine);
    m_under = palette.target;
    m_under.setAlpha(m_secondary ? 200 : dark ? 90 : 70);
    m_over = palette.mutedText;
    m_over.setAlpha(m_secondary ? 200 : dark ? 90 : 55);
    m_labelBackground = palette.plotBackground;
    m_labelBackground.setAlpha(210);
    if (m_curve && m_curve->known())
        m_line->setCurves(
            {Curve{labelled(m_curve->legendName()), m_pen, false, m_decimator.segments()}});
    update();
}

CurveDecimator::Extent DemandLayer::axisExtent(const CurveDecimator::Extent &demand,
                                               const CurveDecimator::Extent &replicas) const
{
    CurveDecimator::Extent out;
    if (!demand.valid())
        return out;
    double cap = demand.max;
    if (replicas.valid()) {
        cap = std::max(2 * replicas.max, replicas.max + 2);
        if (m_curve && m_curve->maxReplicas())
            cap = std::max(cap, double(*m_curve->maxReplicas()));
    }
    out.include(std::min(demand.min, cap));
    out.include(std::min(demand.max, cap));
    return out;
}

QList<DemandLayer::Peak> DemandLayer::clippedPeaks() const
{
    QList<Peak> peaks;
    const double top = m_ranges.left1;
    const double pixel = m_plot.width() > 0 ? (m_ranges.x1 - m_ranges.x0) / m_plot.width() : 0;
    for (const core::ProvisioningBands::Band &b : m_bands) {
        if (!b.under || !(b.high > top) || b.x1 < m_ranges.x0 || b.x0 > m_ranges.x1)
            continue;
        // Neighbouring stretches (a few pixels apart at most) are one peak with one label.
        if (!peaks.isEmpty() && b.x0 - peaks.last().x1 <= 3 * pixel) {
            peaks.last().x1 = b.x1;
            peaks.last().demand = std::max(peaks.last().demand, b.high);
        } else {
            peaks << Peak{b.x0, b.x1, b.high};
        }
    }
    return peaks;
}

QList<ChartLegend::Entry> DemandLayer::legendEntries() const
{
    QList<ChartLegend::Entry> entries;
    if (!m_curve)
        return entries;
    if (!m_curve->known()) {
        // Nothing is drawn: the legend says why instead of showing a line that is not there.
        entries << ChartLegend::Entry{labelled(m_curve->legendName()), QPen(Qt::NoPen)};
        return entries;
    }
    if (m_secondary) {
        // One entry: the legend is one row, and the colours mean what the first run's say.
        entries << ChartLegend::Entry{
            labelled(m_curve->legendName()) + QObject::tr(" (its areas hatched)"), m_pen};
        return entries;
    }
    entries << ChartLegend::Entry{labelled(m_curve->legendName()), m_pen}
            << ChartLegend::Entry{labelled(QObject::tr("under-provisioned")), areaPen(m_under)}
            << ChartLegend::Entry{labelled(QObject::tr("over-provisioned")), areaPen(m_over)};
    return entries;
}

QString DemandLayer::readoutLine(double x) const
{
    if (!m_curve)
        return {};
    const QString line = m_curve->readoutLine(x + m_origin);
    return line.isEmpty() ? line : labelled(line);
}

void DemandLayer::paintPeaks(QPainter *painter) const
{
    const QList<Peak> peaks = clippedPeaks();
    if (peaks.isEmpty())
        return;
    painter->setRenderHint(QPainter::Antialiasing, true);
    const QFontMetricsF metrics(painter->font());
    const double h = metrics.height() * 0.45;
    double lastRight = -1e300;
    for (const Peak &p : peaks) {
        const double a = toPixel(std::max(p.x0, m_ranges.x0), m_ranges.x0, m_ranges.x1,
                                 m_plot.left(), m_plot.right());
        const double b = toPixel(std::min(p.x1, m_ranges.x1), m_ranges.x0, m_ranges.x1,
                                 m_plot.left(), m_plot.right());
        const double x = (a + b) / 2;
        const double top = m_plot.top();
        // An upward wedge: the demand goes on above the axis; its highest value beside it.
        QPolygonF wedge;
        wedge << QPointF(x, top) << QPointF(x - h * 0.6, top + h) << QPointF(x + h * 0.6, top + h);
        painter->setPen(Qt::NoPen);
        painter->setBrush(m_pen.color());
        painter->drawPolygon(wedge);
        const QString text = labelled(QObject::tr("required %1").arg(p.demand, 0, 'g', 10));
        const double left = x + h * 0.8;
        if (left < lastRight)
            continue;
        // A second run's labels sit one line lower, clear of the first run's.
        const double row = m_secondary ? metrics.height() + 1 : 0;
        const QRectF box(left - 2, top + 1 + row, metrics.horizontalAdvance(text) + 4,
                         metrics.height());
        painter->fillRect(box, m_labelBackground);
        painter->setPen(m_pen.color());
        painter->drawText(box, Qt::AlignCenter, text);
        lastRight = box.right() + 4;
    }
}

QRectF DemandLayer::boundingRect() const
{
    return m_plot;
}

void DemandLayer::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    if (m_plot.isEmpty() || m_bands.empty())
        return;
    painter->save();
    painter->setClipRect(m_plot, Qt::IntersectClip);
    painter->setPen(Qt::NoPen);
    const QRectF box = m_plot.adjusted(-kMargin, -kMargin, kMargin, kMargin);
    for (const core::ProvisioningBands::Band &b : m_bands) {
        const double left = toPixel(b.x0, m_ranges.x0, m_ranges.x1, m_plot.left(), m_plot.right());
        const double right = toPixel(b.x1, m_ranges.x0, m_ranges.x1, m_plot.left(), m_plot.right());
        const double top =
            toPixel(b.high, m_ranges.left0, m_ranges.left1, m_plot.bottom(), m_plot.top());
        const double bottom =
            toPixel(b.low, m_ranges.left0, m_ranges.left1, m_plot.bottom(), m_plot.top());
        const QRectF rect = QRectF(QPointF(left, top), QPointF(right, bottom)).normalized() & box;
        if (!rect.isEmpty())
            painter->fillRect(rect, b.under ? underBrush() : overBrush());
    }
    paintPeaks(painter);
    painter->restore();
}

} // namespace hpa::ui
