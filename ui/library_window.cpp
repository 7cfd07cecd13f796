#include "ui/library_window.h"

#include "ui/app_settings.h"
#include "ui/library_filter_proxy.h"
#include "ui/library_scan_controller.h"
#include "ui/library_scatter_panel.h"
#include "ui/library_view.h"

#include <QCloseEvent>
#include <QDir>
#include <QSplitter>
#include <QVBoxLayout>

namespace hpa::ui {

LibraryWindow::LibraryWindow(AppSettings *settings, const QString &catalogPath, QWidget *parent)
    : QWidget(parent, Qt::Window), m_settings(settings),
      m_scanner(new LibraryScanController(catalogPath, this)),
      m_view(new LibraryView(m_scanner, settings, this)),
      m_scatter(new LibraryScatterPanel(m_view->proxy(), settings, this)),
      m_splitter(new QSplitter(Qt::Vertical, this))
{
    setObjectName(QStringLiteral("LibraryWindow"));
    setWindowTitle(tr("Library — HPA Lens"));
    m_splitter->addWidget(m_view);
    m_splitter->addWidget(m_scatter);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    if (m_settings)
        m_splitter->restoreState(m_settings->librarySplitterState());
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_splitter);
    resize(1400, 900);
    connect(m_view, &LibraryView::openRun, this, &LibraryWindow::openRun);
    connect(m_view, &LibraryView::compareRuns, this, &LibraryWindow::compareRuns);
    connect(m_scatter, &LibraryScatterPanel::openRun, this, &LibraryWindow::openRun);
}

LibraryWindow::~LibraryWindow() = default;

void LibraryWindow::openRoot(const QString &root)
{
    setWindowTitle(tr("Library: %1 — HPA Lens").arg(QDir::toNativeSeparators(root)));
    m_scanner->scan(root);
}

void LibraryWindow::closeEvent(QCloseEvent *event)
{
    m_scanner->cancel();
    m_view->saveState();
    if (m_settings)
        m_settings->setLibrarySplitterState(m_splitter->saveState());
    event->accept();
}

} // namespace hpa::ui
