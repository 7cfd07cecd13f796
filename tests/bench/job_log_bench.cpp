#include "job_log_bench.h"

#include "../bench_log_writer.h"
#include "bench_timer.h"
#include "naive_job_log_parser.h"

#include "core/load/experiment_loader.h"
#include "core/parsers/bench_log_parser.h"

#include <fmt/format.h>

#include <QTemporaryDir>

#include <fstream>
#include <ostream>
#include <string>
#include <thread>
#include <vector>

namespace hpa::bench {

void JobLogBench::run(std::ostream &out, int repeats)
{
    QTemporaryDir tmp;
    const std::string dir = tmp.path().toStdString();
    std::filesystem::create_directories(dir + "/job-logs");
    std::vector<std::string> paths, contents;
    std::size_t bytes = 0;
    for (int i = 0; i < 52; ++i) {
        hpa::test::BenchLogSpec spec;
        spec.job = fmt::format("vllm-bench-sharegpt-load-{}", i);
        // 1 800 to 6 800 frames as in the real logs: 120 to 440 KB.
        spec.frames = 1950 + (i * 5300) / 51;
        spec.prompts = 6000 + 240 * i;
        spec.failed = i % 7;
        spec.duration = 600.0 + 7.31 * i;
        contents.push_back(hpa::test::benchLog(spec));
        bytes += contents.back().size();
        paths.push_back(fmt::format("{}/job-logs/{}_{}-abcde.log", dir, spec.job, spec.job));
        std::ofstream(paths.back(), std::ios::binary) << contents.back();
    }
    const std::size_t smallest =
        std::min_element(contents.begin(), contents.end(), [](auto &a, auto &b) {
            return a.size() < b.size();
        })->size();
    const std::size_t largest =
        std::max_element(contents.begin(), contents.end(), [](auto &a, auto &b) {
            return a.size() < b.size();
        })->size();
    std::size_t checked = 0;
    const double loadMs = BenchTimer::medianMs(repeats, [&] {
        const core::Experiment e = core::ExperimentLoader::load(dir);
        checked = e.jobs.size();
    });
    const double parseMs = BenchTimer::medianMs(repeats, [&] {
        for (std::size_t i = 0; i < contents.size(); ++i)
            checked +=
                core::BenchLogParser::parse(contents[i], "job-logs/x.log").job.result ? 1 : 0;
    });
    std::size_t naiveFields = 0;
    const double naiveMs = BenchTimer::medianMs(std::max(1, repeats / 3), [&] {
        for (const std::string &path : paths)
            naiveFields += NaiveJobLogParser::parseFile(path).size();
    });
    out << "== Job logs: 52 files, " << fmt::format("{:.1f}", bytes / 1048576.0) << " MB ("
        << smallest / 1024 << "-" << largest / 1024 << " KB each), "
        << std::thread::hardware_concurrency() << " cores\n";
    out << fmt::format("  {:<44}{:>10.1f} ms   (goal <= 50 ms)\n",
                       "hpa-lens load (read + parse, 2 workers)", loadMs);
    out << fmt::format("  {:<44}{:>10.1f} ms\n", "BenchLogParser, in memory, 1 thread", parseMs);
    out << fmt::format("  {:<44}{:>10.1f} ms\n", "naive (split to lines + std::regex)", naiveMs);
    out << fmt::format("  {:<44}{:>10.1f}x\n", "naive / hpa-lens load", naiveMs / loadMs);
    if (checked == 0 || naiveFields == 0)
        out << "  (warning: nothing was parsed)\n";
}

} // namespace hpa::bench
