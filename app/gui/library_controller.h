#pragma once

#include <QObject>
#include <QString>

class QAction;
class QWidget;

namespace hpa::ui {
class AppSettings;
class LibraryWindow;
} // namespace hpa::ui

namespace hpa::app {

/// File → Open Library…: the library window on a folder of experiments (made on first use),
/// and what it asks for: open a run, compare two.
class LibraryController : public QObject
{
    Q_OBJECT
public:
    LibraryController(ui::AppSettings *settings, QWidget *dialogParent);
    ~LibraryController() override;

    QAction *openLibraryAction() const { return m_openLibrary; }
    /// Shows the library of every experiment under `root` and starts scanning it.
    void openLibrary(const QString &root);
    /// The window, null until a library was opened.
    ui::LibraryWindow *window() const { return m_window; }
    /// Blocks until the scan has listed every run (screenshots, tests).
    void waitForScan();

signals:
    void openRun(const QString &path);
    /// 2 to 8 runs, the first the baseline (A).
    void compareRuns(const QStringList &runs);

private:
    void chooseRoot();

    ui::AppSettings *m_settings;
    QWidget *m_parent;
    QAction *m_openLibrary;
    ui::LibraryWindow *m_window = nullptr;
};

} // namespace hpa::app
