#include "core/load/experiment_loader.h"

#include "core/io/file_reader.h"
#include "core/load/scaling_event_loader.h"
#include "core/load/wva_run_loader.h"
#include "core/model/metric_keys.h"
#include "core/parsers/kubectl_log_parser.h"
#include "core/parsers/metadata_parser.h"
#include "core/parsers/metrics_csv_parser.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <future>
#include <set>
#include <system_error>

namespace hpa::core {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kMaxJobLogs = 200;
constexpr std::string_view kBenchResultMarker = "============ Serving Benchmark Result";

void append(std::vector<LoadWarning> &to, std::vector<LoadWarning> &&from)
{
    to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

void check(const ExperimentLoader::Options &options)
{
    if (options.cancel && options.cancel->load())
        throw LoadCancelled();
}

void report(const ExperimentLoader::Options &options, double fraction, std::string_view step)
{
    if (options.progress)
        options.progress(fraction, step);
}

Layout detectLayout(const std::vector<std::string> &headerKeys)
{
    static const std::set<std::string> kLegacy{
        std::string(keys::Timestamp),  std::string(keys::Epoch),
        std::string(keys::Replicas),   std::string(keys::DesiredReplicas),
        std::string(keys::Waiting),    std::string(keys::WaitingTarget),
        std::string(keys::KvCacheRaw), std::string(keys::KvCacheTargetRaw),
        std::string(keys::ActiveJobs), std::string(keys::CompletedJobs)};
    static const std::set<std::string> kEnhanced{std::string(keys::Timestamp),
                                                 std::string(keys::Replicas),
                                                 std::string(keys::DesiredReplicas),
                                                 std::string(keys::Waiting),
                                                 std::string(keys::WaitingTarget),
                                                 std::string(keys::KvCacheRaw),
                                                 std::string(keys::KvCacheTargetRaw),
                                                 std::string(keys::TtftMs),
                                                 std::string(keys::ItlMs),
                                                 std::string(keys::RequestRate),
                                                 std::string(keys::ActiveJobs)};
    const std::set<std::string> have(headerKeys.begin(), headerKeys.end());
    if (have == kLegacy)
        return Layout::Legacy;
    if (have == kEnhanced)
        return Layout::Enhanced;
    return Layout::Custom;
}

std::string benchResult(const std::string &log)
{
    const std::size_t at = log.rfind(kBenchResultMarker);
    return at == std::string::npos ? std::string() : log.substr(at);
}

void loadJobLogs(const fs::path &dir, Experiment &experiment)
{
    const fs::path logs = dir / "job-logs";
    std::error_code ec;
    if (!fs::is_directory(logs, ec))
        return;
    std::vector<fs::path> files;
    for (fs::directory_iterator it(logs, ec), end; !ec && it != end; it.increment(ec)) {
        if (files.size() >= kMaxJobLogs) {
            experiment.warnings.push_back(
                {"job-logs", 0,
                 fmt::format("more than {} job logs; the rest are not shown", kMaxJobLogs)});
            break;
        }
        if (it->path().extension() == ".log" && it->is_regular_file(ec))
            files.push_back(it->path());
    }
    std::sort(files.begin(), files.end());
    for (const fs::path &file : files) {
        const std::string name = "job-logs/" + file.filename().string();
        FileReader::Result r = FileReader::read(file.string(), FileReader::kLogLimit);
        if (!r.ok) {
            experiment.warnings.push_back({name, 0, r.error + "; file ignored"});
            continue;
        }
        std::string result = benchResult(r.content);
        if (result.empty()) {
            experiment.warnings.push_back(
                {name, 0, "no 'Serving Benchmark Result' block (job still running or failed?)"});
            continue;
        }
        experiment.documents.push_back({name, std::move(result)});
    }
}

} // namespace

Experiment ExperimentLoader::load(const std::string &dirText, const Options &options)
{
    std::error_code ec;
    fs::path dir = fs::absolute(fs::path(dirText), ec);
    if (ec)
        dir = fs::path(dirText);
    if (!fs::exists(dir, ec))
        throw LoadError(fmt::format("{}: no such folder", dirText));
    if (!fs::is_directory(dir, ec)) {
        // A metrics.csv picked by itself stands for its folder.
        if (dir.filename() == "metrics.csv")
            dir = dir.parent_path();
        else
            throw LoadError(fmt::format("{}: not a folder", dirText));
    }
    dir = dir.lexically_normal();
    if (!dir.has_filename())
        dir = dir.parent_path();

    Experiment experiment;
    experiment.name = dir.filename().string();
    experiment.path = dir.string();

    // A WVA run's metrics.csv is a long table of another shape: its controller log comes first.
    if (WvaRunLoader::isWvaRun(dir)) {
        report(options, 0.0, "Reading the WVA controller log");
        WvaRunLoader::load(dir, options.wvaVariant, experiment);
        loadJobLogs(dir, experiment);
        check(options);
        applyKvCacheUnit(experiment, options.kvUnit, options.keepRawKvCache);
        report(options, 1.0, "Done");
        return experiment;
    }

    const fs::path metricsPath = dir / "metrics.csv";
    if (!fs::exists(fs::symlink_status(metricsPath, ec))) {
        const auto inside = findExperiments(dir.string(), 1000);
        if (!inside.empty()) {
            throw LoadError(fmt::format(
                "{}: no metrics.csv here, but {} experiment folder(s) inside it (e.g. {}): "
                "open one of them",
                dir.string(), inside.size(), fs::path(inside.front()).filename().string()));
        }
        throw LoadError(
            fmt::format("{}: no metrics.csv, so this is not an experiment folder", dir.string()));
    }
    // The scaling events are read while metrics.csv's lines are counted, on a thread of their
    // own, and must be done before the table exists: their log is read whole (8 MB beside a
    // million-row table) and only the events remain. Their warnings are listed after the
    // metrics' ones all the same.
    Experiment events;
    const auto loadEvents = [&dir, &events, &options] {
        ScalingEventLoader::load(dir, events, options.keepEventTexts);
    };
    std::future<void> eventsLoaded;
    try {
        eventsLoaded = std::async(std::launch::async, loadEvents);
    } catch (const std::system_error &) {
        loadEvents(); // no thread to be had
    }
    const auto waitForEvents = [&eventsLoaded] {
        if (eventsLoaded.valid())
            eventsLoaded.get();
    };

    report(options, 0.0, "Reading metrics.csv");
    // Parsed straight from the file: each thread reads its slice in blocks, so the text is
    // never held whole beside the table.
    ByteSource metricsFile;
    const FileReader::Result opened =
        FileReader::open(metricsPath.string(), FileReader::kMetricsLimit, metricsFile);
    if (!opened.ok)
        throw LoadError(opened.error);
    check(options);

    MetricsCsvParser::Options csvOptions;
    csvOptions.threads = options.threads;
    csvOptions.cancel = options.cancel;
    if (options.progress) {
        csvOptions.progress = [&options](double f) {
            options.progress(0.05 + 0.8 * f, "Parsing metrics.csv");
        };
    }
    csvOptions.beforeColumns = waitForEvents;
    MetricsCsvParser::Result csv = MetricsCsvParser::parse(metricsFile, "metrics.csv", csvOptions);
    waitForEvents();
    metricsFile = ByteSource();
    if (csv.cancelled)
        throw LoadCancelled();
    if (!csv.hasTimeColumn) {
        std::string why = csv.warnings.empty() ? "no time column" : csv.warnings.front().message;
        throw LoadError(fmt::format("{}: {}", metricsPath.string(), why));
    }
    experiment.metrics = std::move(csv.table);
    experiment.layout = detectLayout(csv.headerKeys);
    append(experiment.warnings, std::move(csv.warnings));
    check(options);

    report(options, 0.87, "Reading logs");
    if (auto text = FileReader::readOptional(dir, "metadata.json", FileReader::kMetadataLimit,
                                             experiment.warnings)) {
        MetadataParser::Result r = MetadataParser::parse(*text, "metadata.json");
        experiment.metadata = std::move(r.metadata);
        append(experiment.warnings, std::move(r.warnings));
    }
    experiment.events = std::move(events.events);
    experiment.eventTexts = std::move(events.eventTexts);
    experiment.hpaDescription = std::move(events.hpaDescription);
    append(experiment.warnings, std::move(events.warnings));

    if (auto text = FileReader::readOptional(dir, "events.log", FileReader::kLogLimit,
                                             experiment.warnings)) {
        KubectlLogParser::Result r = KubectlLogParser::parse(*text, "events.log");
        experiment.kubernetesEvents = std::move(r.snapshots);
        append(experiment.warnings, std::move(r.warnings));
    }
    if (auto text =
            FileReader::readOptional(dir, "jobs.log", FileReader::kLogLimit, experiment.warnings)) {
        KubectlLogParser::Result r = KubectlLogParser::parse(*text, "jobs.log");
        experiment.jobSnapshots = std::move(r.snapshots);
        append(experiment.warnings, std::move(r.warnings));
    }
    for (const char *name : {"experiment-config.yaml", "README.md", "monitor.log"}) {
        if (auto text =
                FileReader::readOptional(dir, name, FileReader::kLogLimit, experiment.warnings))
            experiment.documents.push_back({name, std::move(*text)});
    }
    loadJobLogs(dir, experiment);
    check(options);

    applyKvCacheUnit(experiment, options.kvUnit, options.keepRawKvCache);
    report(options, 1.0, "Done");
    return experiment;
}

void ExperimentLoader::applyKvCacheUnit(Experiment &experiment, std::optional<KvCacheUnit> forced,
                                        bool keepRaw)
{
    MetricsTable &table = experiment.metrics;
    const std::vector<double> *raw = table.values(keys::KvCacheRaw);
    const std::vector<double> *rawTarget = table.values(keys::KvCacheTargetRaw);
    // An exported file already holds percent under the canonical names.
    if (!raw && table.has(keys::KvCachePct)) {
        experiment.kvRule = {KvCacheUnit::Percent, "column kv_cache_pct is in percent", false};
        return;
    }
    if (!raw)
        return;
    std::optional<double> target;
    if (rawTarget) {
        for (double v : *rawTarget) {
            if (std::isfinite(v)) {
                target = v;
                break;
            }
        }
    }
    experiment.kvRule =
        forced ? KvCacheNormalizer::forced(*forced) : KvCacheNormalizer::detect(target, *raw);
    const double factor = experiment.kvRule.toPercentFactor();
    const auto toPercent = [factor](double v) {
        return v * factor;
    };
    if (!keepRaw && !table.has(keys::KvCachePct) && !table.has(keys::KvCacheTargetPct)) {
        // The same products as below, written over the raw values: no second column.
        for (MetricColumn &c : table.columns()) {
            const bool usage = c.key == keys::KvCacheRaw;
            if (!usage && c.key != keys::KvCacheTargetRaw)
                continue;
            std::transform(c.values.begin(), c.values.end(), c.values.begin(), toPercent);
            c.header = usage ? "kv_cache_pct" : "kv_cache_target_pct";
            c.key = usage ? keys::KvCachePct : keys::KvCacheTargetPct;
        }
        return;
    }
    auto scaled = [&toPercent](const std::vector<double> &in) {
        std::vector<double> out(in.size());
        std::transform(in.begin(), in.end(), out.begin(), toPercent);
        return out;
    };
    // Both are computed before either is stored: storing may reallocate the column list.
    std::vector<double> pct = scaled(*raw);
    std::optional<std::vector<double>> targetPct;
    if (rawTarget)
        targetPct = scaled(*rawTarget);
    table.setColumn("kv_cache_pct", std::string(keys::KvCachePct), std::move(pct));
    if (targetPct)
        table.setColumn("kv_cache_target_pct", std::string(keys::KvCacheTargetPct),
                        std::move(*targetPct));
}

bool ExperimentLoader::isExperimentDir(const std::string &dir)
{
    std::error_code ec;
    return fs::exists(fs::symlink_status(fs::path(dir) / "metrics.csv", ec));
}

std::vector<std::string> ExperimentLoader::findExperiments(const std::string &dir,
                                                           std::size_t maxEntries)
{
    std::vector<std::string> found;
    std::error_code ec;
    std::size_t seen = 0;
    // directory_iterator does not recurse, so symlink loops cannot trap it.
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        if (++seen > maxEntries)
            break;
        std::error_code sub;
        if (it->is_directory(sub) && isExperimentDir(it->path().string()))
            found.push_back(it->path().string());
    }
    // Names end in -YYYYMMDD-HHMMSS: newest run first whatever the prefix.
    auto stamp = [](const std::string &path) {
        const std::string name = fs::path(path).filename().string();
        if (name.size() < 15)
            return std::string();
        const std::string tail = name.substr(name.size() - 15);
        const bool ok = tail[8] == '-' && std::all_of(tail.begin(), tail.begin() + 8, ::isdigit) &&
                        std::all_of(tail.begin() + 9, tail.end(), ::isdigit);
        return ok ? tail : std::string();
    };
    std::sort(found.begin(), found.end(), [&stamp](const std::string &a, const std::string &b) {
        const std::string sa = stamp(a), sb = stamp(b);
        return sa != sb ? sa > sb : a < b;
    });
    return found;
}

} // namespace hpa::core
