#pragma once

#include <QStringList>
#include <QWidget>

class QCheckBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableView;
class QToolButton;

namespace hpa::ui {

class AppSettings;
class LibraryFilterProxy;
class LibraryScanController;
class LibraryTableModel;

/// The library table: every run under a root, sortable, filtered by text and start date,
/// columns chosen by the user (sizes and choice remembered), tags and notes editable, rows
/// arriving while the background scan goes on (progress, Cancel). Double-click opens a run;
/// two selected runs can be compared.
class LibraryView : public QWidget
{
    Q_OBJECT
public:
    LibraryView(LibraryScanController *scanner, AppSettings *settings, QWidget *parent = nullptr);
    ~LibraryView() override;

    LibraryTableModel *model() const { return m_model; }
    LibraryFilterProxy *proxy() const { return m_proxy; }
    QTableView *table() const { return m_table; }
    QLineEdit *filterEdit() const { return m_filter; }
    QPushButton *compareButton() const { return m_compare; }
    /// Paths of the selected runs, in selection order.
    QStringList selectedPaths() const;
    /// Saves the header state (columns, widths, sort) to the settings.
    void saveState();

signals:
    void openRun(const QString &path);
    void compareRuns(const QString &a, const QString &b);

private:
    void buildColumnsMenu();
    void applyDateRange();
    void onScanFinished(bool cancelled, const QStringList &warnings, int fromCatalog, int read);
    void updateButtons();

    LibraryScanController *m_scanner;
    AppSettings *m_settings;
    LibraryTableModel *m_model;
    LibraryFilterProxy *m_proxy;
    QTableView *m_table;
    QLineEdit *m_filter;
    QCheckBox *m_fromCheck, *m_toCheck;
    QDateEdit *m_from, *m_to;
    QToolButton *m_columns;
    QPushButton *m_open, *m_compare;
    QProgressBar *m_progress;
    QPushButton *m_cancel;
    QLabel *m_status;
    QStringList m_warnings;
};

} // namespace hpa::ui
