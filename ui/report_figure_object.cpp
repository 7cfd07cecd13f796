#include "ui/report_figure_object.h"

#include "ui/charts/chart_exporter.h"

#include <QPainter>

namespace hpa::ui {

ReportFigureObject::ReportFigureObject(const ChartExporter *figure, QSizeF size, QObject *parent)
    : QObject(parent), m_figure(figure), m_size(size)
{}

QSizeF ReportFigureObject::intrinsicSize(QTextDocument *, int, const QTextFormat &)
{
    return m_size;
}

void ReportFigureObject::drawObject(QPainter *painter, const QRectF &rect, QTextDocument *, int,
                                    const QTextFormat &)
{
    // The charts set their own clip while they paint, so the page's clip cannot hold them
    // back: the figure is drawn only on the page that holds all of it (the layout moves it to
    // the next page when it does not fit, and it is never taller than a page).
    if (painter->hasClipping() &&
        !painter->clipBoundingRect().adjusted(-1, -1, 1, 1).contains(rect))
        return;
    painter->save();
    m_figure->render(painter, rect);
    painter->restore();
}

} // namespace hpa::ui
