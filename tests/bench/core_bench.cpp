#include "core_bench.h"

#include "bench_timer.h"
#include "naive_decimator.h"
#include "naive_demand_overlay.h"
#include "naive_loader.h"
#include "naive_scorecard.h"
#include "naive_statistics.h"
#include "peak_rss.h"
#include "zoom_plan.h"

#include "core/analysis/experiment_analyzer.h"
#include "core/analysis/scorecard_calculator.h"
#include "core/io/file_reader.h"
#include "core/load/experiment_loader.h"
#include "core/model/metric_keys.h"
#include "core/parsers/metrics_csv_parser.h"
#include "core/plot/decimator.h"
#include "ui/scorecard_runner.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <thread>

namespace hpa::bench {

namespace {

using core::MetricsCsvParser;

std::string metricsPath(const std::string &dir)
{
    return (std::filesystem::path(dir) / "metrics.csv").string();
}

/// Bitwise, so NaN == NaN and -0 != +0: "exactly equal" means the same bytes.
bool sameBits(std::span<const double> a, std::span<const double> b)
{
    return a.size() == b.size() &&
           (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0);
}

std::string firstDifference(const MetricsCsvParser::Result &a, const MetricsCsvParser::Result &b)
{
    const core::MetricsTable &ta = a.table;
    const core::MetricsTable &tb = b.table;
    if (!sameBits(ta.time(), tb.time()))
        return "time column differs";
    if (ta.sourceLineList() != tb.sourceLineList())
        return "source lines differ";
    if (ta.naiveTime() != tb.naiveTime())
        return "naive-time flag differs";
    if (ta.columns().size() != tb.columns().size())
        return "column count differs";
    for (std::size_t c = 0; c < ta.columns().size(); ++c) {
        const core::MetricColumn &ca = ta.columns()[c];
        const core::MetricColumn &cb = tb.columns()[c];
        if (ca.header != cb.header || ca.key != cb.key || !sameBits(ca.values, cb.values))
            return "column " + ca.key + " differs";
    }
    if (a.warnings != b.warnings)
        return fmt::format("warnings differ ({} vs {})", a.warnings.size(), b.warnings.size());
    if (a.headerKeys != b.headerKeys || a.hasTimeColumn != b.hasTimeColumn)
        return "header differs";
    return {};
}

/// The series the six charts draw, as the loader names them.
const std::vector<std::string_view> &chartKeys()
{
    namespace k = core::keys;
    static const std::vector<std::string_view> keys = {
        k::Replicas,    k::DesiredReplicas,  k::Waiting,      k::WaitingTarget,
        k::KvCachePct,  k::KvCacheTargetPct, k::TtftMs,       k::ItlMs,
        k::RequestRate, k::ActiveJobs,       k::CompletedJobs};
    return keys;
}

/// Few repeats for the big files (each run is long and the machine is shared), more for
/// small ones where one run is noise.
int repeatsFor(std::size_t rows, bool slow)
{
    if (rows >= 500000)
        return slow ? 1 : 3;
    return slow ? 3 : 7;
}

void timeStatistics(CoreFigures &f, const core::Experiment &experiment)
{
    const int repeats = repeatsFor(f.rows, false);
    f.statsMs = BenchTimer::medianMs(repeats, [&] {
        const core::ExperimentSummary summary = core::ExperimentAnalyzer::summarize(experiment);
        if (summary.samples != f.rows)
            throw std::runtime_error("summary lost rows");
    });

    const core::MetricsTable &table = experiment.metrics;
    const std::vector<std::string> keys = core::ExperimentAnalyzer::summaryKeys(experiment);
    namespace k = core::keys;
    const std::vector<std::string_view> corrKeys = {k::Replicas, k::Waiting, k::KvCachePct,
                                                    k::ActiveJobs};
    f.naiveStatsMs = BenchTimer::medianMs(repeats, [&] {
        double sink = 0;
        for (const std::string &key : keys) {
            if (const auto *v = table.values(key))
                sink +=
                    NaiveStatistics::describe(*v, core::ExperimentAnalyzer::positiveOnly(key)).mean;
        }
        for (std::size_t i = 0; i < corrKeys.size(); ++i) {
            for (std::size_t j = i + 1; j < corrKeys.size(); ++j) {
                const auto *a = table.values(corrKeys[i]);
                const auto *b = table.values(corrKeys[j]);
                if (a && b)
                    sink += NaiveStatistics::pearson(*a, *b);
            }
        }
        if (sink == 1e300)
            throw std::runtime_error("unreachable");
    });
}

void timeScorecard(CoreFigures &f, const core::Experiment &experiment)
{
    const int repeats = repeatsFor(f.rows, false);
    const core::HpaLimits limits = core::HpaLimits::of(experiment);
    core::Scorecard fast;
    f.scorecardMs = BenchTimer::medianMs(
        repeats, [&] { fast = core::ScorecardCalculator::compute(experiment.metrics, limits); });
    NaiveScorecard::Result naive;
    f.naiveScorecardMs = BenchTimer::medianMs(
        repeats, [&] { naive = NaiveScorecard::compute(experiment.metrics, limits); });
    // Both must agree, or the comparison of their times means nothing.
    const auto same = [](std::optional<double> a, double b) {
        return a ? std::abs(*a - b) <= 1e-9 * std::max(1.0, std::abs(b)) : std::isnan(b);
    };
    if (!same(fast.coveredS, naive.coveredS) ||
        !same(fast.underAccuracyPct, naive.underAccuracyPct) ||
        !same(fast.overAccuracyPct, naive.overAccuracyPct) ||
        !same(fast.instabilityPct, naive.instabilityPct) || fast.reversals != naive.reversals ||
        fast.episodes.size() != naive.episodes)
        throw std::runtime_error("scorecard and its naive baseline disagree");

    // The dock's recompute: scorecard + demand curve with its bands, as the worker runs it.
    const std::shared_ptr<const core::Experiment> run(&experiment, [](const core::Experiment *) {});
    std::shared_ptr<const ui::ScorecardResult> result;
    f.recomputeMs =
        BenchTimer::medianMs(repeats, [&] { result = ui::ScorecardRunner::computeNow({run}, {}); });
    NaiveDemandOverlay::Result naiveDemand;
    f.naiveRecomputeMs = BenchTimer::medianMs(repeats, [&] {
        naive = NaiveScorecard::compute(experiment.metrics, limits);
        naiveDemand = NaiveDemandOverlay::compute(experiment.metrics, limits);
    });
    const auto &demand = *result->runs.front().demand->values();
    for (std::size_t i = 0; i < demand.size(); ++i) {
        const double a = demand[i], b = naiveDemand.demand.at(i);
        if (!(a == b || (std::isnan(a) && std::isnan(b))))
            throw std::runtime_error("demand curve and its naive baseline disagree at row " +
                                     std::to_string(i));
    }
}

void timeDecimation(CoreFigures &f, const core::Experiment &experiment,
                    const CoreBench::Options &options)
{
    const core::MetricsTable &table = experiment.metrics;
    if (table.empty())
        return;
    const auto &time = table.time();
    const auto plan = ZoomPlan::ranges(time.front(), time.back(), options.zoomSteps);
    std::vector<const core::ColumnValues *> series;
    for (std::string_view key : chartKeys()) {
        if (const auto *v = table.values(key))
            series.push_back(v);
    }
    f.pixels = options.pixels;

    std::vector<double> fast, naive;
    for (const auto &[x0, x1] : plan) {
        BenchTimer timer;
        for (const core::ColumnValues *y : series) {
            const auto points = core::Decimator::minMax(time, *y, x0, x1, options.pixels);
            f.maxDecimatedPoints = std::max(f.maxDecimatedPoints, points.size());
        }
        fast.push_back(timer.elapsedMs());
        timer.restart();
        std::size_t sink = 0;
        for (const core::ColumnValues *y : series)
            sink += NaiveDecimator::minMax(time, *y, x0, x1, options.pixels).size();
        naive.push_back(timer.elapsedMs());
        if (sink == static_cast<std::size_t>(-1))
            throw std::runtime_error("unreachable");
    }
    f.decimateMs = BenchTimer::median(fast);
    f.naiveDecimateMs = BenchTimer::median(naive);
}

} // namespace

void CoreBench::measureMemory(CoreFigures &f)
{
    const std::string dir = f.dir;
    const PeakRss::Result fast = PeakRss::ofChild([&] { core::ExperimentLoader::load(dir); });
    const PeakRss::Result naive = PeakRss::ofChild([&] { NaiveLoader::load(metricsPath(dir)); });
    f.rssMiB = fast.ok ? fast.peakMiB : -1;
    f.naiveRssMiB = naive.ok ? naive.peakMiB : -1;
}

void CoreBench::run(CoreFigures &f, const Options &options)
{
    f.fileMB = static_cast<double>(std::filesystem::file_size(metricsPath(f.dir))) / 1e6;

    // The first load warms the page cache and tells the size; the timed ones follow.
    core::Experiment experiment = core::ExperimentLoader::load(f.dir);
    f.rows = experiment.metrics.rowCount();
    const int repeats = repeatsFor(f.rows, false);
    f.loadMs = BenchTimer::medianMs(repeats, [&] {
        experiment = core::Experiment{};
        experiment = core::ExperimentLoader::load(f.dir);
    });
    f.naiveLoadMs = BenchTimer::medianMs(repeatsFor(f.rows, true), [&] {
        const NaiveLoader::Table table = NaiveLoader::load(metricsPath(f.dir));
        if (table.rows() != f.rows)
            throw std::runtime_error(
                fmt::format("naive loader read {} rows, hpa_core {}", table.rows(), f.rows));
    });

    const core::FileReader::Result file =
        core::FileReader::read(metricsPath(f.dir), core::FileReader::kMetricsLimit);
    if (!file.ok)
        throw std::runtime_error(file.error);
    f.threads =
        options.threads ? options.threads : std::max(2u, std::thread::hardware_concurrency());
    MetricsCsvParser::Options single;
    single.threads = 1;
    MetricsCsvParser::Options parallel;
    parallel.threads = f.threads;
    MetricsCsvParser::Result one, many;
    f.parseMs1 = BenchTimer::medianMs(
        repeats, [&] { one = MetricsCsvParser::parse(file.content, "metrics.csv", single); });
    f.parseMsN = BenchTimer::medianMs(
        repeats, [&] { many = MetricsCsvParser::parse(file.content, "metrics.csv", parallel); });
    f.parallelDetail = firstDifference(one, many);
    f.parallelEqual = f.parallelDetail.empty();

    timeStatistics(f, experiment);
    timeScorecard(f, experiment);
    timeDecimation(f, experiment, options);
}

} // namespace hpa::bench
