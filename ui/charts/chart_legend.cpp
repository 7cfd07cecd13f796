#include "ui/charts/chart_legend.h"

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <cmath>
#include <limits>

namespace hpa::ui {

namespace {

constexpr double kSampleWidth = 22;
constexpr double kSampleGap = 5;
constexpr double kEntryGap = 14;

} // namespace

ChartLegend::ChartLegend(QGraphicsItem *parent) : QGraphicsItem(parent) {}

void ChartLegend::setRect(const QRectF &rect)
{
    if (rect == m_rect)
        return;
    prepareGeometryChange();
    m_rect = rect;
}

void ChartLegend::setEntries(QList<Entry> entries)
{
    if (entries == m_entries)
        return;
    m_entries = std::move(entries);
    update();
}

void ChartLegend::setFont(const QFont &font)
{
    if (font == m_font)
        return;
    m_font = font;
    update();
}

void ChartLegend::setTextColor(const QColor &color)
{
    if (color == m_text)
        return;
    m_text = color;
    update();
}

QRectF ChartLegend::boundingRect() const
{
    return m_rect;
}

void ChartLegend::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    if (m_rect.isEmpty() || m_entries.isEmpty())
        return;
    painter->save();
    painter->setClipRect(m_rect, Qt::IntersectClip);
    painter->setFont(m_font);
    const QFontMetricsF metrics(m_font);
    const double mid = m_rect.center().y();
    // Too long for the row (many runs of long names): every name shortened in its middle to
    // an equal share, so each entry stays on screen rather than the last ones being cut.
    double natural = 0;
    for (const Entry &entry : m_entries)
        natural += kSampleWidth + kSampleGap + metrics.horizontalAdvance(entry.name) + kEntryGap;
    const double share = natural > m_rect.width()
                             ? std::max(24.0, m_rect.width() / m_entries.size() - kSampleWidth -
                                                  kSampleGap - kEntryGap)
                             : std::numeric_limits<double>::infinity();
    double x = m_rect.left();
    for (const Entry &entry : m_entries) {
        const QString name = std::isfinite(share)
                                 ? metrics.elidedText(entry.name, Qt::ElideMiddle, share)
                                 : entry.name;
        if (x >= m_rect.right())
            break;
        QPen sample = entry.pen;
        // A hairline sample is hard to see; the legend is small enough to afford a wider one.
        if (sample.isCosmetic())
            sample.setWidthF(2);
        painter->setPen(sample);
        painter->drawLine(QPointF(x, mid), QPointF(x + kSampleWidth, mid));
        x += kSampleWidth + kSampleGap;
        const double width = metrics.horizontalAdvance(name);
        painter->setPen(m_text);
        painter->drawText(QRectF(x, m_rect.top(), width + 1, m_rect.height()),
                          Qt::AlignLeft | Qt::AlignVCenter, name);
        x += width + kEntryGap;
    }
    painter->restore();
}

} // namespace hpa::ui
