#include "app/gui/zoom_actions.h"

#include "ui/charts/time_window.h"

#include <QAction>
#include <QIcon>
#include <QKeySequence>

namespace hpa::app {

namespace {

QAction *makeAction(QObject *parent, const QString &text, const QString &tip,
                    QKeySequence::StandardKey key, const QString &icon)
{
    auto *a = new QAction(QIcon::fromTheme(icon), text, parent);
    a->setToolTip(tip);
    a->setStatusTip(tip);
    a->setShortcut(key);
    return a;
}

} // namespace

ZoomActions::ZoomActions(ui::TimeWindow *window, QObject *parent)
    : QObject(parent), m_window(window),
      m_zoomIn(makeAction(this, tr("Zoom &In"), tr("Zoom in on all charts (+)"),
                          QKeySequence::ZoomIn, QStringLiteral("zoom-in"))),
      m_zoomOut(makeAction(this, tr("Zoom &Out"), tr("Zoom out on all charts (−)"),
                           QKeySequence::ZoomOut, QStringLiteral("zoom-out"))),
      m_back(makeAction(this, tr("&Back"), tr("Undo the last zoom"), QKeySequence::Back,
                        QStringLiteral("go-previous"))),
      m_reset(makeAction(this, tr("&Reset Zoom"), tr("Show the whole experiment"),
                         QKeySequence::UnknownKey, QStringLiteral("zoom-original")))
{
    m_back->setShortcuts({QKeySequence::Back, QKeySequence(Qt::Key_Backspace)});
    m_reset->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    // Zooming by the keyboard or the toolbar keeps the middle of the visible range in place.
    connect(m_zoomIn, &QAction::triggered, window,
            [window] { window->zoomBy(0.5, (window->from() + window->to()) / 2); });
    connect(m_zoomOut, &QAction::triggered, window,
            [window] { window->zoomBy(2.0, (window->from() + window->to()) / 2); });
    connect(m_back, &QAction::triggered, window, &ui::TimeWindow::back);
    connect(m_reset, &QAction::triggered, window, &ui::TimeWindow::reset);
}

QList<QAction *> ZoomActions::actions() const
{
    return {m_zoomIn, m_zoomOut, m_back, m_reset};
}

void ZoomActions::update(bool open)
{
    m_zoomIn->setEnabled(open);
    m_zoomOut->setEnabled(open && m_window->isZoomed());
    m_back->setEnabled(open && m_window->canGoBack());
    m_reset->setEnabled(open && m_window->isZoomed());
}

} // namespace hpa::app
