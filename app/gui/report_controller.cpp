#include "app/gui/report_controller.h"

#include "app/gui/report_command.h"
#include "ui/app_settings.h"
#include "ui/charts/chart_exporter.h"
#include "ui/experiment_workspace.h"
#include "ui/report_content.h"
#include "ui/report_writer.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QRegularExpression>

namespace hpa::app {

ReportController::ReportController(ui::ExperimentWorkspace *workspace, ui::AppSettings *settings,
                                   QWidget *dialogParent)
    : QObject(dialogParent), m_workspace(workspace), m_settings(settings), m_parent(dialogParent),
      m_action(new QAction(tr("Export &Report…"), this))
{
    m_action->setObjectName(QStringLiteral("ExportReportAction"));
    m_action->setIcon(QIcon::fromTheme(QStringLiteral("x-office-document")));
    m_action->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+R")));
    m_action->setStatusTip(tr("Save one HTML or PDF file with the charts, scorecard, episodes, "
                              "statistics, events, jobs and warnings (and the comparison)"));
    connect(m_action, &QAction::triggered, this, &ReportController::chooseAndExport);
    connect(m_workspace, &ui::ExperimentWorkspace::sourcesChanged, this,
            &ReportController::updateActions);
    updateActions();
}

void ReportController::updateActions()
{
    m_action->setEnabled(m_workspace->hasExperiment());
}

void ReportController::chooseAndExport()
{
    if (!m_workspace->hasExperiment())
        return;
    const QString last = m_settings->lastExportFolder();
    const QString folder = !last.isEmpty() && QFileInfo(last).isDir() ? last : QDir::homePath();
    QStringList names;
    for (const ui::ChartSource &source : m_workspace->sources())
        if (source.experiment)
            names << QString::fromStdString(source.experiment->name);
    static const QRegularExpression unsafe(QStringLiteral("[^A-Za-z0-9._-]+"));
    QString stem = names.join(QStringLiteral("-vs-")).replace(unsafe, QStringLiteral("-"));
    const QString html = tr("HTML report, one self-contained page (*.html)");
    const QString pdf = tr("PDF report (*.pdf)");
    QFileDialog dialog(m_parent, tr("Export Report"), folder);
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setNameFilters({html, pdf});
    dialog.selectFile(stem + QStringLiteral("-report.html"));
    connect(&dialog, &QFileDialog::filterSelected, &dialog, [&](const QString &filter) {
        dialog.setDefaultSuffix(filter == pdf ? QStringLiteral("pdf") : QStringLiteral("html"));
    });
    dialog.setDefaultSuffix(QStringLiteral("html"));
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return;
    exportReport(dialog.selectedFiles().front());
}

bool ReportController::exportReport(const QString &path)
{
    if (!m_workspace->hasExperiment()) {
        m_lastError = tr("Open an experiment first.");
        return false;
    }
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const ui::ReportContent content(m_workspace->loaded(), m_workspace->comparisonLoaded());
    core::ReportInput input = content.input();
    input.generator = ReportCommand::generator();
    input.generatedAt = ReportCommand::now();
    const ui::ChartExporter figure(m_workspace->chartStacks());
    QString error;
    const bool ok = ui::ReportWriter::write(path, std::move(input), &figure, &error);
    QApplication::restoreOverrideCursor();
    if (!ok) {
        m_lastError = error;
        if (m_modalErrors)
            QMessageBox::warning(m_parent, tr("Export Failed"), error);
        return false;
    }
    m_lastError.clear();
    m_lastWritten = QFileInfo(path).absoluteFilePath();
    m_settings->setLastExportFolder(QFileInfo(path).absolutePath());
    return true;
}

} // namespace hpa::app
