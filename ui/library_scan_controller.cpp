#include "ui/library_scan_controller.h"

#include "core/library/library_scanner.h"
#include "core/library/run_catalog.h"

#include <QCoreApplication>
#include <QTimer>

namespace hpa::ui {

LibraryScanController::LibraryScanController(QString catalogPath, QObject *parent)
    : QObject(parent), m_catalogPath(std::move(catalogPath)), m_flushTimer(new QTimer(this))
{
    // Rows reach the table at most 10 times a second: one insert per batch, not per run.
    m_flushTimer->setInterval(100);
    connect(m_flushTimer, &QTimer::timeout, this, &LibraryScanController::flush);
}

LibraryScanController::~LibraryScanController()
{
    m_cancel = true;
    join();
}

void LibraryScanController::join()
{
    if (m_thread.joinable())
        m_thread.join();
}

void LibraryScanController::scan(const QString &root)
{
    cancel();
    join();
    flush();
    if (!m_catalog) {
        m_catalog = std::make_shared<core::RunCatalog>(m_catalogPath.isEmpty()
                                                           ? core::RunCatalog::defaultPath()
                                                           : m_catalogPath.toStdString());
    }
    m_root = root;
    m_cancel = false;
    m_running = true;
    {
        std::lock_guard lock(m_mutex);
        m_pending.clear();
        m_done = m_found = 0;
    }
    emit started(root);
    m_flushTimer->start();
    const std::string rootText = root.toStdString();
    m_thread = std::thread([this, rootText, catalog = m_catalog] {
        core::LibraryScanner::Options options;
        options.catalog = catalog.get();
        options.cancel = &m_cancel;
        options.row = [this](const core::RunRow &row) {
            std::lock_guard lock(m_mutex);
            m_pending.push_back(row);
        };
        options.progress = [this](std::size_t done, std::size_t found) {
            std::lock_guard lock(m_mutex);
            m_done = static_cast<int>(done);
            m_found = static_cast<int>(found);
        };
        const core::LibraryScanner::Result result = core::LibraryScanner::scan(rootText, options);
        QStringList warnings;
        for (const auto &w : result.warnings)
            warnings << QString::fromStdString(w.file + ": " + w.message);
        const bool cancelled = result.cancelled;
        const int fromCatalog = static_cast<int>(result.fromCatalog);
        const int read = static_cast<int>(result.read);
        QMetaObject::invokeMethod(
            this,
            [this, cancelled, warnings, fromCatalog, read] {
                m_flushTimer->stop();
                flush();
                m_running = false;
                emit finished(cancelled, warnings, fromCatalog, read);
            },
            Qt::QueuedConnection);
    });
}

void LibraryScanController::cancel()
{
    m_cancel = true;
}

void LibraryScanController::waitForFinished()
{
    join();
    // Deliver the queued "finished" and the last rows.
    QCoreApplication::sendPostedEvents(this);
    flush();
}

void LibraryScanController::flush()
{
    std::vector<core::RunRow> rows;
    int done = 0, found = 0;
    {
        std::lock_guard lock(m_mutex);
        rows.swap(m_pending);
        done = m_done;
        found = m_found;
    }
    if (!rows.empty())
        emit rowsReady(rows);
    emit progress(done, found);
}

bool LibraryScanController::saveUserText(const QString &path, const QString &tags,
                                         const QString &notes)
{
    if (!m_catalog)
        return false;
    if (m_catalog->setUserText(path.toStdString(), tags.toStdString(), notes.toStdString()))
        return true;
    const auto w = m_catalog->warnings();
    emit warning(w.empty() ? tr("Tags and notes could not be saved")
                           : QString::fromStdString(w.back()));
    return false;
}

} // namespace hpa::ui
