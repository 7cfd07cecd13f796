#include "library_bench.h"

#include "bench_timer.h"

#include "core/demo/demo_simulator.h"
#include "core/library/library_scanner.h"
#include "core/library/run_catalog.h"

#include <fmt/format.h>

#include <QTemporaryDir>

#include <ostream>
#include <thread>

namespace hpa::bench {

void LibraryBench::run(std::ostream &out, int runs)
{
    QTemporaryDir tmp;
    const std::string root = tmp.path().toStdString() + "/runs";
    BenchTimer writing;
    for (int i = 0; i < runs; ++i) {
        core::DemoSimulator::Options o;
        o.samples = 300;
        o.seed = static_cast<std::uint64_t>(1000 + i);
        core::DemoSimulator::write(
            fmt::format("{}/campaign-{}/day-{}/run-{:05}", root, i % 10, i % 7, i), o);
    }
    out << fmt::format("\nLibrary: {} generated runs of 300 samples (written in {:.0f} ms), {} "
                       "cores\n",
                       runs, writing.elapsedMs(), std::thread::hardware_concurrency());

    // Each figure is a median of 3: the machine is shared.
    std::size_t listed = 0;
    const double baselineMs = BenchTimer::medianMs(3, [&] {
        core::LibraryScanner::Options o;
        o.threads = 1;
        listed = core::LibraryScanner::scan(root, o).rows.size();
    });
    out << fmt::format("  baseline: each run read on one thread, no catalog  {:8.0f} ms  "
                       "({} runs)\n",
                       baselineMs, listed);
    int round = 0;
    const double coldMs = BenchTimer::medianMs(3, [&] {
        // A new catalog each time: a cold start.
        core::RunCatalog catalog(
            fmt::format("{}/cold-{}.sqlite", tmp.path().toStdString(), round++));
        core::LibraryScanner::Options o;
        o.catalog = &catalog;
        listed = core::LibraryScanner::scan(root, o).rows.size();
    });
    out << fmt::format("  cold scan: every core, new catalog                  {:8.0f} ms  "
                       "({} runs)  {:.2f}x the baseline's speed  (goal <= 3000 ms on 2 cores)\n",
                       coldMs, listed, baselineMs / coldMs);
    const std::string warmPath = tmp.path().toStdString() + "/warm.sqlite";
    {
        core::RunCatalog catalog(warmPath);
        core::LibraryScanner::Options o;
        o.catalog = &catalog;
        core::LibraryScanner::scan(root, o);
    }
    std::size_t fromCatalog = 0;
    const double warmMs = BenchTimer::medianMs(5, [&] {
        // As at a start of the program: open the catalog, walk, compare fingerprints.
        core::RunCatalog catalog(warmPath);
        core::LibraryScanner::Options o;
        o.catalog = &catalog;
        const auto r = core::LibraryScanner::scan(root, o);
        listed = r.rows.size();
        fromCatalog = r.fromCatalog;
    });
    out << fmt::format("  warm start: catalog, files unchanged                {:8.0f} ms  "
                       "({} runs, {} from the catalog)  {:.1f}x the baseline's speed  "
                       "(goal <= 300 ms)\n",
                       warmMs, listed, fromCatalog, baselineMs / warmMs);
}

} // namespace hpa::bench
