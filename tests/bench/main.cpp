// hpa-bench: times HPA Lens against naive baselines on experiment folders of growing size.
// Run through scripts/bench.sh, which generates the folders. Prints figures; asserts nothing.
#include "bench_report.h"
#include "chart_bench.h"
#include "core_bench.h"
#include "job_log_bench.h"
#include "library_bench.h"
#include "live_bench.h"
#include "replay_bench.h"
#include "whatif_bench.h"

#include <QApplication>

#include <algorithm>

#include <cstdlib>
#include <exception>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

namespace {

void usage()
{
    std::cerr
        << "usage: hpa-bench [--no-charts | --charts-only] [--width W] [--height H] [--steps N]\n"
           "                 [--job-logs]   (52 generated job logs; no DIR needed)\n"
           "                 [--library N]  (N generated runs scanned as a library; no DIR)\n"
           "                 [--live N]     (1 row appended live to N generated rows; no DIR)\n"
           "                 [--replay-only] (HPA replay, what-if and sweep figures of each DIR)\n"
           "                 [--naive-steps N] [--threads N] DIR...\n";
}

} // namespace

int main(int argc, char **argv)
{
    using namespace hpa::bench;
    CoreBench::Options coreOptions;
    ChartBench::Options chartOptions;
    bool charts = true;
    bool coreFigures = true;
    std::vector<std::string> dirs;
    bool jobLogs = false;
    int libraryRuns = 0;
    int liveRows = 0;
    bool replayOnly = false;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const auto next = [&]() -> int {
            if (i + 1 >= argc) {
                usage();
                std::exit(2);
            }
            return std::atoi(argv[++i]);
        };
        if (arg == "--job-logs")
            jobLogs = true;
        else if (arg == "--library")
            libraryRuns = next();
        else if (arg == "--live")
            liveRows = next();
        else if (arg == "--replay-only")
            replayOnly = true;
        else if (arg == "--no-charts")
            charts = false;
        else if (arg == "--charts-only")
            coreFigures = false;
        else if (arg == "--width")
            chartOptions.width = next();
        else if (arg == "--height")
            chartOptions.height = next();
        else if (arg == "--steps")
            chartOptions.zoomSteps = coreOptions.zoomSteps = next();
        else if (arg == "--naive-steps")
            chartOptions.naiveSteps = next();
        else if (arg == "--threads")
            coreOptions.threads = static_cast<unsigned>(next());
        else if (arg.starts_with("-")) {
            usage();
            return 2;
        } else {
            dirs.push_back(arg);
        }
    }
    if (jobLogs) {
        JobLogBench::run(std::cout);
        std::cout.flush();
    }
    if (libraryRuns > 0) {
        LibraryBench::run(std::cout, libraryRuns);
        std::cout.flush();
    }
    if (liveRows > 0) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        QApplication app(argc, argv);
        try {
            LiveBench::run(std::cout, static_cast<std::size_t>(liveRows), chartOptions.width,
                           chartOptions.height);
        } catch (const std::exception &e) {
            std::cerr << "hpa-bench: live: " << e.what() << "\n";
            return 1;
        }
        std::cout.flush();
        if (dirs.empty())
            return 0;
    }
    if ((jobLogs || libraryRuns > 0) && dirs.empty())
        return 0;
    if (dirs.empty()) {
        usage();
        return 2;
    }
    if (replayOnly) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        QApplication app(argc, argv);
        for (const std::string &dir : dirs) {
            ReplayBench::run(dir, std::cout);
            if (charts)
                WhatIfBench::run(dir, chartOptions.width, chartOptions.height, std::cout);
        }
        return 0;
    }
    // Decimation is timed for a plot as wide as the charts' (window minus axes and margins).
    coreOptions.pixels = std::max(100, chartOptions.width - 120);

    std::vector<CoreFigures> core(dirs.size());
    // Memory first: the forked children must start from a small parent with no threads.
    for (std::size_t i = 0; i < dirs.size(); ++i) {
        core[i].dir = dirs[i];
        if (coreFigures)
            CoreBench::measureMemory(core[i]);
    }

    std::unique_ptr<QApplication> app;
    if (charts) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QApplication>(argc, argv);
    }
    std::vector<ChartFigures> chartFigures(dirs.size());
    int status = 0;
    for (std::size_t i = 0; i < dirs.size(); ++i) {
        try {
            if (coreFigures)
                CoreBench::run(core[i], coreOptions);
            if (charts)
                chartFigures[i] = ChartBench::run(dirs[i], chartOptions);
            BenchReport::printSize(std::cout, core[i], chartFigures[i]);
            if (coreFigures)
                ReplayBench::run(dirs[i], std::cout);
            if (coreFigures && charts)
                WhatIfBench::run(dirs[i], chartOptions.width, chartOptions.height, std::cout);
            std::cout.flush();
        } catch (const std::exception &e) {
            std::cerr << "hpa-bench: " << dirs[i] << ": " << e.what() << "\n";
            status = 1;
        }
    }
    BenchReport::printScaling(std::cout, core, chartFigures);
    return status;
}
