#include "app/gui/report_command.h"

#include "app/gui/gui_runner.h"
#include "core/model/kv_cache_unit.h"
#include "core/model/waiting_unit.h"
#include "ui/charts/chart_exporter.h"
#include "ui/experiment_workspace.h"
#include "ui/load_controller.h"
#include "ui/report_content.h"
#include "ui/report_writer.h"

#include <QApplication>
#include <QDateTime>
#include <QFileInfo>

#include <iostream>
#include <memory>
#include <stdexcept>

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

class ReportFailure : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

std::shared_ptr<const ui::LoadedExperiment> load(const std::string &dir, const CommandLine &cl)
{
    std::optional<core::KvCacheUnit> unit;
    if (cl.kvUnit)
        unit = core::KvCacheNormalizer::unitFromKey(*cl.kvUnit);
    const core::WaitingUnit waiting = cl.waitingUnit
                                          ? core::WaitingNormalizer::unitFromKey(*cl.waitingUnit)
                                                .value_or(core::WaitingUnit::Auto)
                                          : core::WaitingUnit::Auto;
    try {
        return std::make_shared<const ui::LoadedExperiment>(
            ui::LoadController::loadNow(QString::fromStdString(dir), unit, waiting));
    } catch (const std::exception &e) {
        throw ReportFailure(e.what());
    }
}

void writeReport(const CommandLine &cl)
{
    const auto a = load(cl.dirs.front(), cl);
    const auto b = cl.compareDir ? load(*cl.compareDir, cl) : nullptr;
    ui::ReportContent content(a, b, cl.scorecard);
    if (cl.hpaFile) {
        const std::string problem = content.addReplay(*cl.hpaFile);
        if (!problem.empty())
            throw ReportFailure(problem);
    }

    // The figure as `export` draws it: defaults and options only, never the window's settings.
    ui::ExperimentWorkspace ws;
    ws.setAttribute(Qt::WA_DontShowOnScreen);
    ws.resize(figureLayout(QString::fromStdString(*cl.output)));
    ws.setAxisMode(b ? ui::TimeAxisMode::Elapsed : ui::TimeAxisMode::WallClock);
    ws.setExperiment(a);
    if (b) {
        ws.setCompareLayout(ui::ExperimentWorkspace::CompareLayout::Overlay);
        ws.setComparison(b);
    }
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
    if (!GuiRunner::haveDisplay())
        qputenv("QT_QPA_PLATFORM", "offscreen");
    qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &, const QString &text) {
        if (type == QtCriticalMsg || type == QtFatalMsg)
            std::cerr << "hpa-lens: " << text.toStdString() << '\n';
    });
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("HPA Lens"));
    QApplication::setOrganizationName(QStringLiteral("hpa-lens"));
    try {
        writeReport(cl);
    } catch (const ReportFailure &e) {
        std::cerr << "hpa-lens: " << e.what() << '\n';
        return 2;
    }
    return 0;
}

} // namespace hpa::app
