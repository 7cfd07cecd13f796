#pragma once

#include <QWidget>

class QSplitter;

namespace hpa::ui {

class AppSettings;
class LibraryScanController;
class LibraryScatterPanel;
class LibraryView;

/// The experiment library in a window of its own: the table above, the scatter below (a
/// splitter the user sizes; remembered). Scanning, opening and comparing are signalled to
/// whoever owns it.
class LibraryWindow : public QWidget
{
    Q_OBJECT
public:
    /// `catalogPath` empty: the user's catalog.
    LibraryWindow(AppSettings *settings, const QString &catalogPath = {},
                  QWidget *parent = nullptr);
    ~LibraryWindow() override;

    /// Lists every experiment under `root` (scanned in the background).
    void openRoot(const QString &root);
    LibraryView *view() const { return m_view; }
    LibraryScatterPanel *scatter() const { return m_scatter; }
    LibraryScanController *scanner() const { return m_scanner; }

signals:
    void openRun(const QString &path);
    /// 2 to 8 runs, the first the baseline (A).
    void compareRuns(const QStringList &runs);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    AppSettings *m_settings;
    LibraryScanController *m_scanner;
    LibraryView *m_view;
    LibraryScatterPanel *m_scatter;
    QSplitter *m_splitter;
};

} // namespace hpa::ui
