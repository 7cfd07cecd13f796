#include "paint_settler.h"

#include <QCoreApplication>
#include <QEvent>
#include <QWidget>

namespace hpa::bench {

PaintSettler::PaintSettler(const QVector<QWidget *> &widgets, QObject *parent)
    : QObject(parent), m_widgets(widgets)
{
    for (QWidget *widget : m_widgets)
        widget->installEventFilter(this);
}

void PaintSettler::settle()
{
    m_painted.clear();
    QCoreApplication::processEvents();
    m_forced = 0;
    for (QWidget *widget : m_widgets) {
        if (!m_painted.contains(widget)) {
            widget->repaint();
            ++m_forced;
        }
    }
}

bool PaintSettler::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Paint)
        m_painted.insert(watched);
    return QObject::eventFilter(watched, event);
}

} // namespace hpa::bench
