#include "live_bench.h"

#include "bench_timer.h"

#include "app/gui/follow_controller.h"
#include "app/gui/main_window.h"
#include "core/analysis/experiment_analyzer.h"
#include "core/demo/demo_simulator.h"
#include "core/load/experiment_follower.h"
#include "core/load/experiment_loader.h"
#include "ui/app_settings.h"
#include "ui/charts/follow_mode.h"
#include "ui/charts/time_window.h"
#include "ui/experiment_workspace.h"
#include "ui/loaded_experiment.h"
#include "ui/scorecard_view.h"

#include <QApplication>
#include <QEventLoop>
#include <QTimer>

#include <QTemporaryDir>
#include <algorithm>

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <future>
#include <ostream>
#include <string>
#include <vector>

#include <malloc.h>
#include <pthread.h>

namespace hpa::bench {

namespace {

constexpr int kAppends = 20;
constexpr int kReloads = 3;

std::shared_ptr<const ui::LoadedExperiment> loaded(std::shared_ptr<const core::Experiment> e)
{
    auto result = std::make_shared<ui::LoadedExperiment>();
    result->summary = core::ExperimentAnalyzer::summarize(*e);
    result->experiment = std::move(e);
    return result;
}

/// Memory the process holds now, in bytes. `heap`: allocated and not freed (every malloc
/// arena and the chunks it maps), the measure of what the program keeps; capacity reserved
/// ahead (ColumnValues) counts here though it is not resident until written. `resident`:
/// anonymous resident memory after freed heap was given back; on this kind of machine the
/// kernel's page reclaim moves it by several MiB either way, so it is printed, not judged.
struct Held
{
    double heap = 0;
    double resident = 0;
};

Held heldNow()
{
    malloc_trim(0);
    const struct mallinfo2 info = mallinfo2();
    Held held;
    held.heap = double(info.uordblks) + double(info.hblkhd);
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);) {
        if (line.rfind("RssAnon:", 0) == 0)
            held.resident = std::stod(line.substr(8)) * 1024.0;
    }
    return held;
}

/// A new last line of metrics.csv: the last row again, `seconds` later.
std::string nextRow(const std::string &path, int seconds)
{
    std::ifstream in(path, std::ios::binary);
    in.seekg(-400, std::ios::end);
    std::string tail((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    tail.pop_back();
    const std::string last = tail.substr(tail.rfind('\n') + 1);
    // `YYYY-MM-DD HH:MM:SS,...`: the time moved on by a whole number of seconds.
    std::tm tm{};
    strptime(last.substr(0, 19).c_str(), "%Y-%m-%d %H:%M:%S", &tm);
    const time_t t = timegm(&tm) + seconds;
    gmtime_r(&t, &tm);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y-%m-%d %H:%M:%S", &tm);
    return stamp + last.substr(19) + "\n";
}

} // namespace

void LiveBench::run(std::ostream &out, std::size_t rows, int width, int height)
{
    QTemporaryDir tmp;
    const std::string dir = tmp.filePath(QStringLiteral("live-run")).toStdString();
    core::DemoSimulator::Options demo;
    demo.samples = rows;
    core::DemoSimulator::write(dir, demo);
    const std::string metrics = dir + "/metrics.csv";

    core::ExperimentFollower follower(dir);
    ui::ExperimentWorkspace workspace;
    workspace.resize(width, height);
    workspace.show();
    ui::FollowMode follow(workspace.timeWindow());
    workspace.setExperiment(loaded(follower.experiment()));
    QApplication::processEvents();

    // The full reload: the worker's load and summary, then the GUI thread's reset and paint.
    std::vector<double> reloadWorker, reloadGui;
    for (int i = 0; i < kReloads; ++i) {
        BenchTimer worker;
        auto reloadedRun =
            loaded(std::make_shared<const core::Experiment>(core::ExperimentLoader::load(dir)));
        reloadWorker.push_back(worker.elapsedMs());
        const double cpuBefore = BenchTimer::threadCpuMs();
        workspace.setExperiment(reloadedRun);
        QApplication::processEvents();
        reloadGui.push_back(BenchTimer::threadCpuMs() - cpuBefore);
        QApplication::processEvents();
    }
    workspace.setExperiment(loaded(follower.experiment()));
    QApplication::processEvents();

    std::vector<double> appendWorker, appendGui, appendGuiWall, windowGui;
    // One row as FollowController takes it: parsed on a worker, handed to the workspace, the
    // follow mode slides, and the event loop paints what changed (no forced repaint).
    const auto appendRow = [&](std::vector<double> &cpu, std::vector<double> *guiWall) {
        {
            std::ofstream outFile(metrics, std::ios::binary | std::ios::app);
            outFile << nextRow(metrics, 5);
        }
        // The worker's share runs on a thread of its own, as in FollowController, so that
        // a profile (perf record -g, then perf report --sort comm,sym) tells the two apart.
        BenchTimer worker;
        auto work = std::async(std::launch::async, [&follower] {
            pthread_setname_np(pthread_self(), "live-worker");
            const core::ExperimentFollower::Update update = follower.poll();
            if (update.rowsAdded != 1)
                throw std::runtime_error("live bench: the appended row was not read");
            auto grown = std::make_shared<ui::LoadedExperiment>();
            grown->experiment = follower.experiment();
            grown->summary = core::ExperimentAnalyzer::summarize(*grown->experiment);
            grown->unchangedRows = update.kind == core::ExperimentFollower::Update::Kind::Appended
                                       ? update.rowsBefore
                                       : 0;
            return std::shared_ptr<const ui::LoadedExperiment>(std::move(grown));
        });
        auto grown = work.get();
        if (guiWall)
            appendWorker.push_back(worker.elapsedMs());
        // GUI-thread CPU time: what this thread did, not how long it waited for a core on a
        // shared machine; the wall time is printed beside it.
        BenchTimer gui;
        const double cpuBefore = BenchTimer::threadCpuMs();
        workspace.updateExperiment(grown);
        follow.dataExtended();
        QApplication::processEvents();
        cpu.push_back(BenchTimer::threadCpuMs() - cpuBefore);
        if (guiWall)
            guiWall->push_back(gui.elapsedMs());
        grown.reset();
        QApplication::processEvents();
    };
    // The first row moves the parsed columns to a storage with room for as many again
    // (reserved, not resident): from then on rows are written in place.
    std::vector<double> warmUp;
    appendRow(warmUp, nullptr);
    const Held before = heldNow();
    const auto bytesBefore = std::filesystem::file_size(metrics);
    for (int i = 0; i < kAppends; ++i)
        appendRow(appendGui, &appendGuiWall);
    // The last 10 minutes instead of the whole run: the window slides by a row each time.
    follow.setWidth(ui::FollowMode::Width::Window, 600);
    QApplication::processEvents();
    for (int i = 0; i < kAppends / 2; ++i)
        appendRow(windowGui, nullptr);
    const Held after = heldNow();
    const auto bytesAfter = std::filesystem::file_size(metrics);

    const double gA = BenchTimer::median(appendGui), gR = BenchTimer::median(reloadGui);
    const double gWall = BenchTimer::median(appendGuiWall);
    const double gMax = *std::max_element(appendGui.begin(), appendGui.end());
    const double wA = BenchTimer::median(appendWorker), wR = BenchTimer::median(reloadWorker);
    out << fmt::format("\n== Live follow: 1 row appended to {} rows ({}x{}) ==\n", rows, width,
                       height);
    out << fmt::format("{:<44}{:>12}{:>14}{:>9}\n", "", "append 1 row", "full reload", "factor");
    out << fmt::format("{:<44}{:>9.2f} ms{:>11.2f} ms{:>8.1f}x\n",
                       "GUI thread CPU (extend or reset + repaint)", gA, gR, gR / gA);
    out << fmt::format("{:<44}{:>9.2f} ms  (slowest append {:.2f} ms CPU: a new page)\n",
                       "GUI thread wall time of an append", gWall, gMax);
    out << fmt::format("{:<44}{:>9.2f} ms  (the last 10 minutes, sliding by a row)\n",
                       "GUI thread CPU, fixed-width window", BenchTimer::median(windowGui));
    out << fmt::format("{:<44}{:>9.2f} ms{:>11.2f} ms{:>8.1f}x\n",
                       "worker (poll + summary vs load + summary)", wA, wR, wR / wA);
    out << fmt::format("goal: <= 2 ms of GUI thread per appended row: {}\n",
                       gA <= 2.0 ? "met" : "NOT met");
    // The appended data as held in memory: a double per column and the time per row.
    const std::size_t columns = follower.experiment()->metrics.columns().size() + 1;
    const int appended = kAppends + kAppends / 2;
    const double heldBytes = double(appended) * double(columns) * sizeof(double);
    const double grownBytes = after.heap - before.heap;
    out << fmt::format("heap held after {} appends: {:+.0f} bytes; appended {} bytes of text, "
                       "{:.0f} bytes as values (resident: {:+.2f} MiB)\n",
                       appended, grownBytes, bytesAfter - bytesBefore, heldBytes,
                       (after.resident - before.resident) / (1024.0 * 1024.0));
    out << fmt::format(
        "goal: memory grows by no more than the appended data: {}\n",
        grownBytes <= std::max(heldBytes, double(bytesAfter - bytesBefore)) ? "met" : "NOT met");

    // The same row in the whole window, as a user has it: the events dock, statistics,
    // scorecard (recomputed on a worker) and status bar update too. The worker's share is
    // waited for without spending this thread's time.
    app::MainWindow window(ui::AppSettings::Storage::InMemory);
    window.setModalErrors(false);
    window.resize(width, height);
    window.show();
    window.openExperiment(QString::fromStdString(dir));
    window.waitForLoad();
    QApplication::processEvents();
    app::FollowController *controller = window.followController();
    // Waited for by the event loop, never by QFuture::waitForFinished(): that runs a job not
    // yet started on the waiting thread and would count the worker's share here.
    bool updated = false, scored = false;
    QObject::connect(controller, &app::FollowController::updated, &window, [&] { updated = true; });
    QObject::connect(window.scorecardView(), &ui::ScorecardView::computed, &window,
                     [&] { scored = true; });
    // An event loop that sleeps until the signal (processEvents with a time would spin).
    const auto waitFor = [](const bool &flag, const auto *sender, auto signal) {
        if (flag)
            return;
        QEventLoop loop;
        QObject::connect(sender, signal, &loop, &QEventLoop::quit);
        QTimer::singleShot(5000, &loop, &QEventLoop::quit);
        loop.exec();
    };
    std::vector<double> windowCpu;
    for (int i = 0; i < kAppends; ++i) {
        {
            std::ofstream outFile(metrics, std::ios::binary | std::ios::app);
            outFile << nextRow(metrics, 5);
        }
        updated = scored = false;
        const double cpuBefore = BenchTimer::threadCpuMs();
        controller->checkNow();
        waitFor(updated, controller, &app::FollowController::updated);
        waitFor(scored, window.scorecardView(), &ui::ScorecardView::computed);
        QApplication::processEvents();
        windowCpu.push_back(BenchTimer::threadCpuMs() - cpuBefore);
    }
    out << fmt::format("{:<44}{:>9.2f} ms  (docks, statistics, scorecard and status bar too)\n",
                       "GUI thread CPU, the whole main window", BenchTimer::median(windowCpu));
}

} // namespace hpa::bench
