#pragma once

#include <QColor>
#include <QFont>
#include <QGraphicsItem>
#include <QList>
#include <QPen>
#include <QString>

namespace hpa::ui {

/// The row of line samples and names above a chart's plot. Drawn by us rather than by
/// QLegend because QLegend only lists Qt Charts series, and the lines are not series; the
/// samples also show the dash pattern (a target, a comparison run), which QLegend's squares
/// did not.
class ChartLegend : public QGraphicsItem
{
public:
    struct Entry
    {
        QString name;
        QPen pen;
        bool operator==(const Entry &) const = default;
    };

    explicit ChartLegend(QGraphicsItem *parent = nullptr);

    /// Where the row goes, in the parent's coordinates; entries past its right end are cut.
    void setRect(const QRectF &rect);
    void setEntries(QList<Entry> entries);
    const QList<Entry> &entries() const { return m_entries; }
    void setFont(const QFont &font);
    QFont font() const { return m_font; }
    void setTextColor(const QColor &color);

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option,
               QWidget *widget = nullptr) override;

private:
    QRectF m_rect;
    QList<Entry> m_entries;
    QFont m_font;
    QColor m_text;
};

} // namespace hpa::ui
