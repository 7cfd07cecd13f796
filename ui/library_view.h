#pragma once

#include <QDate>
#include <QStringList>

#include <QWidget>
#include <optional>
#include <utility>

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
    /// The first and last start day (UTC) of `model`'s runs; nullopt when none has a start.
    static std::optional<std::pair<QDate, QDate>> startDateSpan(const LibraryTableModel &model);
    QDateEdit *fromDate() const { return m_from; }
    QDateEdit *toDate() const { return m_to; }
    QCheckBox *fromCheck() const { return m_fromCheck; }
    QCheckBox *toCheck() const { return m_toCheck; }
    /// Saves the header state (columns, widths, sort) to the settings.
    void saveState();

signals:
    void openRun(const QString &path);
    /// 2 to 8 runs, the first the baseline (A).
    void compareRuns(const QStringList &runs);

private:
    void buildColumnsMenu();
    void applyDateRange();
    /// Puts the From and To days on the first and last start day of the listed runs, until
    /// the user picks a day.
    void followDateSpan();
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
    bool m_datesChosen = false;
};

} // namespace hpa::ui
