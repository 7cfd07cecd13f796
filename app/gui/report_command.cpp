#include "app/gui/report_command.h"

#include "app/gui/gui_runner.h"
#include "app/gui/offscreen_command.h"
#include "ui/charts/chart_exporter.h"
#include "ui/experiment_workspace.h"
#include "ui/report_content.h"
#include "ui/report_writer.h"

#include <QDateTime>
#include <QFileInfo>

#include <iostream>
#include <memory>

namespace hpa::app {

namespace {

/// The charts are laid out at this size for the report's figure. HTML: wide enough for the
/// time axis on a desktop screen. PDF: near the shape of an A4 page, so that scaled to the
/// page width the chart text stays readable on paper.
QSize figureLayout(const QString &path)
{
    return ui::ReportWriter::formatFromPath(path) == ui::ReportWriter::Format::Pdf
               ? QSize(1000, 1150)
               : QSize(1400, 1100);
}

using ReportFailure = OffscreenCommand::Failure;

void writeReport(const CommandLine &cl)
{
    const auto a = OffscreenCommand::load(cl.dirs.front(), cl);
    const auto b = cl.compareDir ? OffscreenCommand::load(*cl.compareDir, cl) : nullptr;
    ui::ReportContent content(a, b, cl.scorecard);
    if (cl.hpaFile) {
        const std::string problem = content.addReplay(*cl.hpaFile);
        if (!problem.empty())
            throw ReportFailure(problem);
    }

    // The figure as `export` draws it: defaults and options only, never the window's settings.
    ui::ExperimentWorkspace ws;
    OffscreenCommand::layOutRuns(ws, figureLayout(QString::fromStdString(*cl.output)), a, b,
                                 b ? ui::TimeAxisMode::Elapsed : ui::TimeAxisMode::WallClock,
                                 ui::ExperimentWorkspace::CompareLayout::Overlay);
    ws.show();
    GuiRunner::settle(200);
    const ui::ChartExporter figure(ws.chartStacks());

    core::ReportInput input = content.input();
    input.generator = ReportCommand::generator();
    input.generatedAt = ReportCommand::now();
    const QString path = QString::fromStdString(*cl.output);
    QString error;
    if (!ui::ReportWriter::write(path, std::move(input), &figure, &error))
        throw ReportFailure(error.toStdString());
    const QFileInfo written(path);
    std::cout << "Wrote " << written.absoluteFilePath().toStdString() << " ("
              << (ui::ReportWriter::formatFromPath(path) == ui::ReportWriter::Format::Pdf
                      ? "PDF report, "
                      : "HTML report, ")
              << (written.size() + 1023) / 1024 << " KiB)\n";
}

} // namespace

std::string ReportCommand::generator()
{
    return "HPA Lens " HPA_LENS_VERSION;
}

std::string ReportCommand::now()
{
    return QDateTime::currentDateTimeUtc()
        .toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"))
        .toStdString();
}

int ReportCommand::run(const CommandLine &cl, int &argc, char **argv)
{
    return OffscreenCommand::run(argc, argv, [&cl] { writeReport(cl); });
}

} // namespace hpa::app
