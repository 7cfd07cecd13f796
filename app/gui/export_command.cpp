#include "app/gui/export_command.h"

#include "app/gui/gui_runner.h"
#include "app/gui/offscreen_command.h"
#include "core/analysis/comparison.h"
#include "core/io/atomic_file.h"
#include "core/load/experiment_loader.h"
#include "core/model/number_format.h"
#include "core/model/timestamp.h"
#include "core/report/metrics_csv_writer.h"
#include "core/report/summary_csv_writer.h"
#include "ui/charts/chart_cursor.h"
#include "ui/charts/chart_exporter.h"
#include "ui/charts/episode_waterfall.h"
#include "ui/charts/time_window.h"
#include "ui/experiment_workspace.h"
#include "ui/scorecard_runner.h"

#include <QFileInfo>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <iostream>
#include <memory>
#include <regex>

namespace hpa::app {

namespace {

constexpr int kDefaultWidth = 1600;
constexpr int kDefaultHeight = 1000;

using ExportFailure = OffscreenCommand::Failure;

/// Zooms the workspace to --from/--to; returns the experiment-time bounds for the CSV.
std::pair<std::optional<double>, std::optional<double>> applyRange(const CommandLine &cl,
                                                                   ui::ExperimentWorkspace &ws)
{
    if (!cl.from && !cl.to)
        return {};
    const ui::ChartSource &a = ws.sources().front();
    const auto &time = a.experiment->metrics.time();
    const double first = time.empty() ? 0 : time.front();
    const double last = time.empty() ? 0 : time.back();
    auto parse = [&](const std::optional<std::string> &text, const char *option, double fallback) {
        if (!text)
            return fallback;
        const auto t = ExportCommand::parseTime(*text, first);
        if (!t)
            throw ExportFailure(std::string(option) + " '" + *text +
                                "' is not seconds, mm:ss, h:mm:ss or a timestamp");
        return *t;
    };
    const double from = parse(cl.from, "--from", first);
    const double to = parse(cl.to, "--to", last);
    if (!(from < to))
        throw ExportFailure("--from must be before --to");
    if (to < first || from > last)
        throw ExportFailure("--from/--to lie outside the run (" +
                            core::Timestamp::format(first, a.experiment->metrics.naiveTime()) +
                            " to " +
                            core::Timestamp::format(last, a.experiment->metrics.naiveTime()) + ")");
    ws.timeWindow()->zoomTo(a.toX(from), a.toX(to));
    return {from, to};
}

void writeText(const std::string &path, const std::string &content)
{
    try {
        core::AtomicFile::write(path, content);
    } catch (const std::exception &e) {
        throw ExportFailure(e.what());
    }
}

void report(const std::string &path, const std::string &what)
{
    std::cout << "Wrote "
              << QFileInfo(QString::fromStdString(path)).absoluteFilePath().toStdString() << " ("
              << what << ")\n";
}

/// --demand-overlay and --episode N: the scorecard of the runs shown (computed here, as the
/// window's Scorecard dock does off its thread) draws the demand and the episode's waterfall.
void applyScorecardView(const CommandLine &cl, ui::ExperimentWorkspace &ws)
{
    if (!cl.demandOverlay && !cl.episode)
        return;
    QVector<std::shared_ptr<const core::Experiment>> runs;
    for (const ui::ChartSource &source : ws.sources())
        runs << source.experiment;
    const auto result = ui::ScorecardRunner::computeNow(runs, cl.scorecard);
    if (cl.demandOverlay) {
        QVector<std::shared_ptr<const ui::DemandCurve>> curves;
        for (const ui::ScorecardRun &run : result->runs)
            curves << run.demand;
        ws.setDemandCurves(curves);
    }
    if (cl.episode) {
        const core::Scorecard &scorecard = result->runs.front().scorecard;
        const auto waterfall =
            ui::EpisodeWaterfall::forSource(ws.sources().front(), scorecard, *cl.episode - 1);
        if (!waterfall)
            throw ExportFailure(
                "--episode " + std::to_string(*cl.episode) + ": the scorecard found " +
                std::to_string(scorecard.episodes.size()) + " scale-up episode(s) in run A");
        ws.cursor()->setWaterfall(waterfall);
        if (!cl.from && !cl.to) {
            const auto [from, to] = waterfall->zoomRange();
            ws.timeWindow()->zoomTo(from, to);
        }
    }
}

/// With --size the figure is exactly W x H pixels at --dpi: its layout (in the charts' logical
/// pixels, at the screen DPI) is W x H scaled by screenDpi / dpi, so fonts and lines come out at
/// their print size once the figure is scaled by dpi / screenDpi (matplotlib's figsize x dpi).
/// The workspace is resized until the figure has that size; charts that cannot shrink so far
/// (each keeps a minimum height) are scaled down uniformly to fit instead. Returns the note
/// printed when that happened.
std::string fitFigure(ui::ExperimentWorkspace &ws, QSize pixels, int dpi)
{
    const QSizeF logical = QSizeF(pixels) * (ui::ChartExporter::screenDpi() / dpi);
    QSizeF natural;
    for (int pass = 0; pass < 5; ++pass) {
        natural = ui::ChartExporter(ws.chartStacks()).naturalSize();
        const int dw = static_cast<int>(std::lround(logical.width() - natural.width()));
        const int dh = static_cast<int>(std::lround(logical.height() - natural.height()));
        if (std::abs(dw) <= 1 && std::abs(dh) <= 1)
            return {};
        const QSize before = ws.size();
        ws.resize(QSize(std::max(200, ws.width() + dw), std::max(150, ws.height() + dh)));
        GuiRunner::settle(80);
        if (ws.size() == before)
            break;
    }
    natural = ui::ChartExporter(ws.chartStacks()).naturalSize();
    const double scale =
        std::min(logical.width() / natural.width(), logical.height() / natural.height());
    if (scale >= 0.98)
        return {};
    return "the charts need at least " +
           std::to_string(std::lround(natural.width() * dpi / ui::ChartExporter::screenDpi())) +
           "x" +
           std::to_string(std::lround(natural.height() * dpi / ui::ChartExporter::screenDpi())) +
           " px at this dpi; drawn " + std::to_string(std::lround(scale * 100)) + "% of print size";
}

/// "1800x1400 px, 6 x 4.67 in at 300 dpi".
std::string describeSize(QSize size, int dpi)
{
    auto inches = [dpi](int px) {
        return core::NumberFormat::fixed(px / double(dpi), 2);
    };
    return std::to_string(size.width()) + "x" + std::to_string(size.height()) + " px, " +
           inches(size.width()) + " x " + inches(size.height()) + " in at " + std::to_string(dpi) +
           " dpi";
}

void exportAll(const CommandLine &cl)
{
    const auto a = OffscreenCommand::load(cl.dirs.front(), cl);
    const auto b = cl.compareDir ? OffscreenCommand::load(*cl.compareDir, cl) : nullptr;

    ui::ExperimentWorkspace ws;
    const bool fixedSize = cl.width > 0 && cl.height > 0;
    // Two runs share the axis on elapsed time; one run reads best on its own clock.
    OffscreenCommand::layOutRuns(
        ws,
        fixedSize ? QSize(cl.width, cl.height) * (ui::ChartExporter::screenDpi() / cl.dpi)
                  : QSize(kDefaultWidth, kDefaultHeight),
        a, b, b || cl.elapsed ? ui::TimeAxisMode::Elapsed : ui::TimeAxisMode::WallClock,
        cl.sideBySide ? ui::ExperimentWorkspace::CompareLayout::SideBySide
                      : ui::ExperimentWorkspace::CompareLayout::Overlay);
    if (b && cl.align)
        ws.setAlignment(*cl.align, cl.alignOffset);
    ws.show();
    GuiRunner::settle(150);
    applyScorecardView(cl, ws);
    const auto [from, to] = applyRange(cl, ws);
    GuiRunner::settle(100);
    const std::string note = fixedSize ? fitFigure(ws, QSize(cl.width, cl.height), cl.dpi) : "";
    GuiRunner::settle(50);

    const ui::ChartExporter exporter(ws.chartStacks());
    const QSize size = fixedSize ? QSize(cl.width, cl.height) : exporter.defaultPixelSize(cl.dpi);
    const std::pair<const std::optional<std::string> *, ui::ChartExporter::Format> figures[] = {
        {&cl.png, ui::ChartExporter::Format::Png},
        {&cl.svg, ui::ChartExporter::Format::Svg},
        {&cl.pdf, ui::ChartExporter::Format::Pdf}};
    for (const auto &[path, format] : figures) {
        if (!*path)
            continue;
        QString error;
        if (!exporter.write(QString::fromStdString(**path), format, size, cl.dpi, &error))
            throw ExportFailure(error.toStdString());
        report(**path, describeSize(size, cl.dpi) + (note.empty() ? "" : "; " + note));
    }
    if (cl.csv) {
        const ui::ChartSource &source = ws.sources().front();
        if (b) {
            // Both runs, each row tagged with its run and placed on the aligned elapsed time.
            std::vector<core::MetricsCsvWriter::Run> runs;
            for (const ui::ChartSource &s : ws.sources())
                runs.push_back({s.experiment.get(), s.label.toStdString(), s.origin});
            auto elapsed = [&](std::optional<double> t) {
                return t ? std::optional<double>(source.toX(*t)) : std::nullopt;
            };
            writeText(*cl.csv, core::MetricsCsvWriter::writeRuns(runs, elapsed(from), elapsed(to)));
            report(*cl.csv, from ? "samples of A and B in the chosen range" : "samples of A and B");
        } else {
            writeText(*cl.csv,
                      core::MetricsCsvWriter::write(*source.experiment, from, to, source.origin));
            report(*cl.csv, from ? "samples in the chosen range" : "all samples");
        }
    }
    if (cl.summaryCsv) {
        writeText(*cl.summaryCsv, b ? core::SummaryCsvWriter::write(
                                          core::ExperimentComparison(a->summary, b->summary))
                                    : core::SummaryCsvWriter::write(a->summary));
        report(*cl.summaryCsv, b ? "statistics of A and B" : "statistics");
    }
}

std::optional<double> parseNumber(const std::string &text)
{
    double value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size())
        return std::nullopt;
    return value;
}

} // namespace

std::optional<double> ExportCommand::parseTime(const std::string &text, double firstSample)
{
    if (text.empty())
        return std::nullopt;
    // A bare number is elapsed seconds, never Unix seconds: nobody types an epoch for a zoom.
    if (const auto seconds = parseNumber(text))
        return firstSample + *seconds;
    static const std::regex clock(R"((\d+):([0-5]?\d)(?::([0-5]?\d))?(\.\d+)?)");
    std::smatch m;
    if (std::regex_match(text, m, clock)) {
        double seconds = 0;
        if (m[3].matched)
            seconds = std::stod(m[1]) * 3600 + std::stod(m[2]) * 60 + std::stod(m[3]);
        else
            seconds = std::stod(m[1]) * 60 + std::stod(m[2]);
        if (m[4].matched)
            seconds += std::stod(m[4]);
        return firstSample + seconds;
    }
    if (const auto parsed = core::Timestamp::parse(text))
        return parsed->seconds;
    return std::nullopt;
}

int ExportCommand::run(const CommandLine &cl, int &argc, char **argv)
{
    return OffscreenCommand::run(argc, argv, [&cl] { exportAll(cl); });
}

} // namespace hpa::app
