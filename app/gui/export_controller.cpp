#include "app/gui/export_controller.h"

#include "core/analysis/comparison.h"
#include "core/io/atomic_file.h"
#include "core/report/metrics_csv_writer.h"
#include "core/report/summary_csv_writer.h"
#include "ui/app_settings.h"
#include "ui/charts/chart_stack.h"
#include "ui/charts/metric_chart.h"
#include "ui/charts/metric_chart_view.h"
#include "ui/charts/time_window.h"
#include "ui/experiment_workspace.h"
#include "ui/export_dialog.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QRegularExpression>
#include <QWidget>

#include <stdexcept>

namespace hpa::app {

namespace {

/// Letters, digits, dot, dash and underscore only; runs of anything else become one dash.
QString fileStem(const QString &text)
{
    static const QRegularExpression unsafe(QStringLiteral("[^A-Za-z0-9._-]+"));
    QString stem = text;
    stem.replace(unsafe, QStringLiteral("-"));
    while (stem.startsWith(QLatin1Char('-')) || stem.startsWith(QLatin1Char('.')))
        stem.remove(0, 1);
    while (stem.endsWith(QLatin1Char('-')))
        stem.chop(1);
    return stem.isEmpty() ? QStringLiteral("hpa-lens") : stem.left(120);
}

} // namespace

ExportController::ExportController(ui::ExperimentWorkspace *workspace, ui::AppSettings *settings,
                                   QWidget *dialogParent)
    : QObject(dialogParent), m_workspace(workspace), m_settings(settings), m_parent(dialogParent),
      m_exportCharts(new QAction(tr("&Export Charts…"), this)),
      m_exportChart(new QAction(tr("Export This &Chart…"), this)),
      m_exportCsv(new QAction(tr("Export &Data as CSV…"), this)),
      m_exportSummaryCsv(new QAction(tr("Export &Statistics as CSV…"), this)),
      m_separator(new QAction(this))
{
    m_exportCharts->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+E")));
    m_exportCharts->setIcon(QIcon::fromTheme(QStringLiteral("document-export")));
    m_exportCharts->setStatusTip(
        tr("Save the charts as shown (same zoom) as PNG, SVG or PDF on a white background"));
    m_exportChart->setStatusTip(tr("Save the chart under the mouse as PNG, SVG or PDF"));
    m_exportCsv->setStatusTip(tr("Save the samples of the visible range or the whole run"));
    m_exportSummaryCsv->setStatusTip(tr("Save the statistics (and deltas when comparing)"));
    m_separator->setSeparator(true);
    connect(m_exportCharts, &QAction::triggered, this, &ExportController::exportCharts);
    connect(m_exportChart, &QAction::triggered, this, &ExportController::exportChart);
    connect(m_exportCsv, &QAction::triggered, this, &ExportController::exportData);
    connect(m_exportSummaryCsv, &QAction::triggered, this, &ExportController::exportSummary);
    connect(m_workspace, &ui::ExperimentWorkspace::sourcesChanged, this, [this] {
        installContextActions();
        updateActions();
    });
    installContextActions();
    updateActions();
}

void ExportController::setExtraContextActions(const QList<QAction *> &actions)
{
    m_extraContext = actions;
    installContextActions();
}

void ExportController::installContextActions()
{
    QList<QAction *> actions = m_extraContext;
    if (!actions.isEmpty())
        actions << m_separator;
    actions << m_exportChart << m_exportCharts;
    for (ui::ChartStack *stack : m_workspace->chartStacks())
        stack->setContextActions(actions);
}

void ExportController::updateActions()
{
    const bool has = m_workspace->hasExperiment();
    for (QAction *action : {m_exportCharts, m_exportChart, m_exportCsv, m_exportSummaryCsv})
        action->setEnabled(has);
}

QString ExportController::defaultFolder() const
{
    const QString last = m_settings->lastExportFolder();
    return !last.isEmpty() && QFileInfo(last).isDir() ? last : QDir::homePath();
}

QString ExportController::baseName() const
{
    QStringList names;
    for (const ui::ChartSource &source : m_workspace->sources()) {
        if (source.experiment)
            names << QString::fromStdString(source.experiment->name);
    }
    return fileStem(names.join(QStringLiteral("-vs-")));
}

bool ExportController::fail(const QString &message)
{
    m_lastError = message;
    if (m_modalErrors)
        QMessageBox::warning(m_parent, tr("Export Failed"), message);
    return false;
}

void ExportController::succeeded(const QString &path)
{
    m_lastError.clear();
    m_lastWritten = QFileInfo(path).absoluteFilePath();
    m_settings->setLastExportFolder(QFileInfo(path).absolutePath());
}

bool ExportController::exportFigure(const QString &path, ui::ChartExporter::Format format,
                                    QSize size, int dpi)
{
    return write(ui::ChartExporter(m_workspace->chartStacks()), path, format, size, dpi);
}

bool ExportController::exportSingleChart(ui::MetricChartView *chart, const QString &path,
                                         ui::ChartExporter::Format format, QSize size, int dpi)
{
    return write(ui::ChartExporter(chart), path, format, size, dpi);
}

bool ExportController::write(const ui::ChartExporter &exporter, const QString &path,
                             ui::ChartExporter::Format format, QSize size, int dpi)
{
    if (size.isEmpty())
        size = exporter.defaultPixelSize(dpi);
    QString error;
    if (!exporter.write(path, format, size, dpi, &error))
        return fail(error);
    succeeded(path);
    return true;
}

bool ExportController::writeText(const QString &path, const std::string &content)
{
    if (QFileInfo(path).isDir())
        return fail(tr("Cannot write %1: it is a folder").arg(QDir::toNativeSeparators(path)));
    try {
        core::AtomicFile::write(QFile::encodeName(path).toStdString(), content);
    } catch (const std::exception &e) {
        // AtomicFile's message already names the file and the reason.
        return fail(QString::fromStdString(e.what()));
    }
    succeeded(path);
    return true;
}

bool ExportController::exportCsv(const QString &path, bool wholeRun, int sourceIndex)
{
    const QVector<ui::ChartSource> &sources = m_workspace->sources();
    if (sources.size() > 1 && sourceIndex == sources.size()) {
        // Both runs, each row tagged with its run and placed on the aligned elapsed time (the
        // same file as `hpa-lens export A --compare B --csv`).
        std::vector<core::MetricsCsvWriter::Run> runs;
        for (const ui::ChartSource &source : sources)
            runs.push_back({source.experiment.get(), source.label.toStdString(), source.origin});
        std::optional<double> from, to;
        if (!wholeRun) {
            from = m_workspace->timeWindow()->from();
            to = m_workspace->timeWindow()->to();
        }
        return writeText(path, core::MetricsCsvWriter::writeRuns(runs, from, to));
    }
    if (sourceIndex < 0 || sourceIndex >= sources.size() || !sources[sourceIndex].experiment)
        return fail(
            tr("Cannot write %1: no experiment is open").arg(QDir::toNativeSeparators(path)));
    const ui::ChartSource &source = sources[sourceIndex];
    std::optional<double> from, to;
    if (!wholeRun) {
        from = source.toTime(m_workspace->timeWindow()->from());
        to = source.toTime(m_workspace->timeWindow()->to());
    }
    return writeText(path,
                     core::MetricsCsvWriter::write(*source.experiment, from, to, source.origin));
}

bool ExportController::exportSummaryCsv(const QString &path)
{
    const auto a = m_workspace->loaded();
    if (!a)
        return fail(
            tr("Cannot write %1: no experiment is open").arg(QDir::toNativeSeparators(path)));
    const auto b = m_workspace->comparisonLoaded();
    const std::string content =
        b ? core::SummaryCsvWriter::write(core::ExperimentComparison(a->summary, b->summary))
          : core::SummaryCsvWriter::write(a->summary);
    return writeText(path, content);
}

void ExportController::exportCharts()
{
    if (!m_workspace->hasExperiment())
        return;
    const ui::ChartExporter exporter(m_workspace->chartStacks());
    ui::ExportDialog dialog(ui::ExportDialog::Kind::Figure, m_settings, defaultFolder(),
                            baseName() + QStringLiteral("-charts"), exporter.naturalSize(),
                            m_parent);
    if (dialog.exec() == QDialog::Accepted)
        exportFigure(dialog.path(), dialog.format(), dialog.pixelSize(), dialog.dpi());
}

ui::MetricChartView *ExportController::contextChart() const
{
    // The property is only trustworthy while that chart still exists in a stack on screen.
    auto *object =
        m_exportChart->property(ui::MetricChartView::kContextChartProperty).value<QObject *>();
    for (ui::ChartStack *stack : m_workspace->chartStacks()) {
        for (ui::MetricChartView *view : stack->visibleCharts()) {
            if (view == object)
                return view;
        }
    }
    return nullptr;
}

void ExportController::exportChart()
{
    ui::MetricChartView *chart = contextChart();
    if (!chart) {
        // From a menu rather than a chart: the figure it is, then.
        exportCharts();
        return;
    }
    const ui::ChartExporter exporter(chart);
    const QString title = chart->metricChart()->spec().title.section(QLatin1Char('('), 0, 0);
    ui::ExportDialog dialog(ui::ExportDialog::Kind::Figure, m_settings, defaultFolder(),
                            baseName() + QLatin1Char('-') + fileStem(title.trimmed()).toLower(),
                            exporter.naturalSize(), m_parent);
    dialog.setWindowTitle(tr("Export Chart"));
    // The chart may be rebuilt while the dialog is open; ask again afterwards.
    QPointer<ui::MetricChartView> guard(chart);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (!guard) {
        fail(tr("The chart changed while the dialog was open; export it again."));
        return;
    }
    exportSingleChart(guard, dialog.path(), dialog.format(), dialog.pixelSize(), dialog.dpi());
}

void ExportController::exportData()
{
    if (!m_workspace->hasExperiment())
        return;
    ui::ExportDialog dialog(ui::ExportDialog::Kind::Data, m_settings, defaultFolder(),
                            baseName() + QStringLiteral("-metrics"), {}, m_parent);
    QStringList names;
    for (const ui::ChartSource &source : m_workspace->sources()) {
        const QString name = QString::fromStdString(source.experiment->displayName());
        names << (source.label.isEmpty() ? name : source.label + QStringLiteral(": ") + name);
    }
    if (names.size() > 1)
        names << tr("Both runs (a run column, aligned elapsed time)");
    dialog.setExperimentChoices(names);
    if (dialog.exec() == QDialog::Accepted)
        exportCsv(dialog.path(), dialog.wholeRun(), dialog.experimentIndex());
}

void ExportController::exportSummary()
{
    if (!m_workspace->hasExperiment())
        return;
    const QString proposed =
        QDir(defaultFolder()).filePath(baseName() + QStringLiteral("-statistics.csv"));
    QString path = QFileDialog::getSaveFileName(m_parent, tr("Export Statistics as CSV"), proposed,
                                                tr("CSV table (*.csv)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".csv");
    exportSummaryCsv(path);
}

} // namespace hpa::app
