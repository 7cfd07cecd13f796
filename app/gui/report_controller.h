#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

class QAction;
class QWidget;

namespace hpa::ui {
class AppSettings;
class ExperimentWorkspace;
} // namespace hpa::ui

namespace hpa::app {

/// File > Export Report…: the one-file report (HTML or PDF) of the run shown, or of the
/// comparison, with the charts as they are on screen (same zoom). Proposes the last export
/// folder, never the experiment folder.
class ReportController : public QObject
{
    Q_OBJECT
public:
    ReportController(ui::ExperimentWorkspace *workspace, ui::AppSettings *settings,
                     QWidget *dialogParent);

    QAction *exportReportAction() const { return m_action; }

    /// Writes the report of what is shown to `path` (.html or .pdf).
    bool exportReport(const QString &path);

    void setModalErrors(bool modal) { m_modalErrors = modal; }
    QString lastError() const { return m_lastError; }
    QString lastWritten() const { return m_lastWritten; }

public slots:
    void updateActions();
    /// Asks for the file, then writes it.
    void chooseAndExport();

private:
    ui::ExperimentWorkspace *m_workspace;
    ui::AppSettings *m_settings;
    QPointer<QWidget> m_parent;
    QAction *m_action;
    QString m_lastError;
    QString m_lastWritten;
    bool m_modalErrors = true;
};

} // namespace hpa::app
