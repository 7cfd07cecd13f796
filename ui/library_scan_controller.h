#pragma once

#include "core/library/run_row.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

class QTimer;

namespace hpa::core {
class RunCatalog;
}

namespace hpa::ui {

/// Scans a library root off the GUI thread (core::LibraryScanner over every core) and hands
/// rows to the GUI in batches as they are ready, with progress; cancel() stops it. Owns the
/// catalog, through which tags and notes are saved.
class LibraryScanController : public QObject
{
    Q_OBJECT
public:
    /// `catalogPath` empty: the user's catalog (core::RunCatalog::defaultPath()).
    explicit LibraryScanController(QString catalogPath = {}, QObject *parent = nullptr);
    ~LibraryScanController() override;

    /// Starts scanning `root` (a running scan is cancelled first).
    void scan(const QString &root);
    void cancel();
    bool isRunning() const { return m_running; }
    /// Blocks until the scan has finished and its rows are delivered (tests, screenshots).
    void waitForFinished();
    QString root() const { return m_root; }

    /// Saves the tags and notes of `path`; false (and `warning`) when they cannot be saved.
    bool saveUserText(const QString &path, const QString &tags, const QString &notes);

signals:
    void started(const QString &root);
    void rowsReady(const std::vector<core::RunRow> &rows);
    void progress(int done, int found);
    /// `warnings`: skipped folders and catalog problems, each naming its path.
    void finished(bool cancelled, const QStringList &warnings, int fromCatalog, int read);
    void warning(const QString &message);

private:
    void flush();
    void join();

    QString m_catalogPath;
    std::shared_ptr<core::RunCatalog> m_catalog;
    QString m_root;
    std::thread m_thread;
    std::atomic<bool> m_cancel{false};
    bool m_running = false;
    QTimer *m_flushTimer;

    std::mutex m_mutex; // guards what the scan thread hands over
    std::vector<core::RunRow> m_pending;
    int m_done = 0, m_found = 0;
};

} // namespace hpa::ui
