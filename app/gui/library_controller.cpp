#include "app/gui/library_controller.h"

#include "ui/app_settings.h"
#include "ui/library_scan_controller.h"
#include "ui/library_window.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>

namespace hpa::app {

LibraryController::LibraryController(ui::AppSettings *settings, QWidget *dialogParent)
    : QObject(dialogParent), m_settings(settings), m_parent(dialogParent),
      m_openLibrary(
          new QAction(QIcon::fromTheme(QStringLiteral("folder-open")), tr("Open &Library…"), this))
{
    m_openLibrary->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    const QString tip = tr("List every experiment under a folder, at any depth, in one table");
    m_openLibrary->setToolTip(tip);
    m_openLibrary->setStatusTip(tip);
    connect(m_openLibrary, &QAction::triggered, this, &LibraryController::chooseRoot);
}

LibraryController::~LibraryController()
{
    delete m_window; // a top-level window of its own: not a child to delete
}

void LibraryController::chooseRoot()
{
    const QString start =
        m_settings->lastFolder().isEmpty() ? QDir::homePath() : m_settings->lastFolder();
    const QString dir = QFileDialog::getExistingDirectory(m_parent, tr("Open Library"), start);
    if (!dir.isEmpty())
        openLibrary(dir);
}

void LibraryController::openLibrary(const QString &root)
{
    if (!m_window) {
        m_window = new ui::LibraryWindow(m_settings);
        connect(m_window, &ui::LibraryWindow::openRun, this, &LibraryController::openRun);
        connect(m_window, &ui::LibraryWindow::compareRuns, this, &LibraryController::compareRuns);
    }
    m_settings->setLastFolder(root);
    m_window->openRoot(root);
    m_window->show();
    m_window->raise();
    m_window->activateWindow();
}

void LibraryController::waitForScan()
{
    if (m_window)
        m_window->scanner()->waitForFinished();
}

} // namespace hpa::app
