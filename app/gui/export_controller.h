#pragma once

#include "ui/charts/chart_exporter.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QSize>
#include <QString>

class QAction;
class QWidget;

namespace hpa::ui {
class AppSettings;
class ExperimentWorkspace;
class MetricChartView;
} // namespace hpa::ui

namespace hpa::app {

/// The export actions (charts as PNG/SVG/PDF, one chart, data and statistics as CSV), their
/// dialogs and error reporting. It installs the chart context menu on the workspace's stacks.
/// Nothing is written into an experiment folder unless the user picks it.
class ExportController : public QObject
{
    Q_OBJECT
public:
    ExportController(ui::ExperimentWorkspace *workspace, ui::AppSettings *settings,
                     QWidget *dialogParent);

    QAction *exportChartsAction() const { return m_exportCharts; }
    QAction *exportChartAction() const { return m_exportChart; }
    QAction *exportCsvAction() const { return m_exportCsv; }
    QAction *exportSummaryCsvAction() const { return m_exportSummaryCsv; }

    /// Actions shown above the export ones in every chart's context menu (zoom, say).
    void setExtraContextActions(const QList<QAction *> &actions);

    /// Errors go to lastError() only instead of a dialog too (tests).
    void setModalErrors(bool modal) { m_modalErrors = modal; }
    QString lastError() const { return m_lastError; }
    /// The file the last successful export wrote.
    QString lastWritten() const { return m_lastWritten; }

    /// The figure of every stack on screen to `path`; `size` empty = default for `dpi`.
    bool exportFigure(const QString &path, ui::ChartExporter::Format format, QSize size, int dpi);
    /// One chart alone.
    bool exportSingleChart(ui::MetricChartView *chart, const QString &path,
                           ui::ChartExporter::Format format, QSize size, int dpi);
    /// Samples of source `sourceIndex` (0 = A, 1 = B) in the visible range or the whole run;
    /// when comparing, `sourceIndex` 2 writes both runs with a `run` column on the aligned
    /// elapsed time (as `hpa-lens export --compare --csv`).
    bool exportCsv(const QString &path, bool wholeRun, int sourceIndex = 0);
    /// statistic,value; statistic,a,b,delta,percent when comparing.
    bool exportSummaryCsv(const QString &path);

    /// The folder proposed for a new export: the last one used, else home.
    QString defaultFolder() const;
    /// A file-name stem naming the experiment(s), safe on every file system.
    QString baseName() const;

public slots:
    void updateActions();
    void exportCharts();
    void exportChart();
    void exportData();
    void exportSummary();

private:
    void installContextActions();
    ui::MetricChartView *contextChart() const;
    bool fail(const QString &message);
    void succeeded(const QString &path);
    bool writeText(const QString &path, const std::string &content);
    /// Writes `exporter`'s figure (default size for `dpi` when `size` is empty) and reports.
    bool write(const ui::ChartExporter &exporter, const QString &path,
               ui::ChartExporter::Format format, QSize size, int dpi);

    ui::ExperimentWorkspace *m_workspace;
    ui::AppSettings *m_settings;
    QPointer<QWidget> m_parent;
    QAction *m_exportCharts;
    QAction *m_exportChart;
    QAction *m_exportCsv;
    QAction *m_exportSummaryCsv;
    QAction *m_separator;
    QList<QAction *> m_extraContext;
    QString m_lastError;
    QString m_lastWritten;
    bool m_modalErrors = true;
};

} // namespace hpa::app
