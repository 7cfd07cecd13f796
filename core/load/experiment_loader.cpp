#include "core/load/experiment_loader.h"

#include "core/io/file_reader.h"
#include "core/load/job_placer.h"
#include "core/load/scaling_event_loader.h"
#include "core/load/unit_applier.h"
#include "core/load/wva_run_loader.h"
#include "core/model/metric_keys.h"
#include "core/model/second_thread.h"
#include "core/model/warning_list.h"
#include "core/parsers/bench_log_parser.h"
#include "core/parsers/experiment_config_parser.h"
#include "core/parsers/kubectl_log_parser.h"
#include "core/parsers/metadata_parser.h"
#include "core/parsers/metrics_csv_parser.h"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <future>
#include <set>
#include <system_error>
#include <thread>

namespace hpa::core {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kMaxJobLogs = 2000;
/// A job log is mostly progress frames; 100 MB of them must still load.
constexpr std::uintmax_t kJobLogLimit = std::uintmax_t{256} << 20;

void append(std::vector<LoadWarning> &to, std::vector<LoadWarning> &&from)
{
    to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

/// A warning about `file` as a whole, under the one rule for warnings.
void warnAbout(std::vector<LoadWarning> &to, std::string file, std::string message)
{
    WarningList list(std::move(file));
    list.add(0, std::move(message));
    append(to, list.take());
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

bool hasJobLogs(const fs::path &dir)
{
    std::error_code ec;
    return fs::is_directory(dir / "job-logs", ec);
}

/// The block's lines as printed, for the text view of the log.
std::string blockText(const BenchResult &r)
{
    std::string text = "============ Serving Benchmark Result ============\n";
    std::string section;
    for (const BenchField &f : r.fields) {
        if (f.section != section) {
            section = f.section;
            text += fmt::format("{:-^50}\n", section);
        }
        text += fmt::format("{:<40} {}\n", f.label, f.text);
    }
    text += r.complete ? std::string(50, '=') + "\n" : "(the block is cut off here)\n";
    return text;
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
            warnAbout(experiment.warnings, "job-logs",
                      fmt::format("more than {} job logs; the rest are not shown", kMaxJobLogs));
            break;
        }
        if (it->path().extension() == ".log" && it->is_regular_file(ec))
            files.push_back(it->path());
    }
    std::sort(files.begin(), files.end());
    // Each log is read and parsed on its own (a worker holds one file at a time); two
    // workers halve the time of 52 real-size logs. Results keep the files' order.
    struct Parsed
    {
        std::optional<BenchLogParser::Result> result;
        std::string error;
    };
    std::vector<Parsed> parsed(files.size());
    std::atomic<std::size_t> next{0};
    const auto work = [&files, &parsed, &next] {
        for (std::size_t i = next++; i < files.size(); i = next++) {
            const std::string name = "job-logs/" + files[i].filename().string();
            FileReader::Result r = FileReader::read(files[i].string(), kJobLogLimit);
            if (!r.ok)
                parsed[i].error = r.error;
            else
                parsed[i].result = BenchLogParser::parse(r.content, name);
        }
    };
    SecondThread::share(work, files.size() > 1 && std::thread::hardware_concurrency() > 1);
    for (std::size_t i = 0; i < files.size(); ++i) {
        const std::string name = "job-logs/" + files[i].filename().string();
        if (!parsed[i].result) {
            warnAbout(experiment.warnings, name, parsed[i].error + "; file ignored");
            continue;
        }
        BenchLogParser::Result &r = *parsed[i].result;
        append(experiment.warnings, std::move(r.warnings));
        if (r.job.result)
            experiment.documents.push_back({name, blockText(*r.job.result)});
        experiment.jobs.push_back(std::move(r.job));
    }
}

/// `dirText` as an absolute, normal folder path; a metrics.csv picked by itself stands for its
/// folder. Throws LoadError when there is no such folder.
fs::path resolveFolder(const std::string &dirText)
{
    std::error_code ec;
    fs::path dir = fs::absolute(fs::path(dirText), ec);
    if (ec)
        dir = fs::path(dirText);
    if (!fs::exists(dir, ec))
        throw LoadError(fmt::format("{}: no such folder", dirText));
    if (!fs::is_directory(dir, ec)) {
        if (dir.filename() == "metrics.csv")
            dir = dir.parent_path();
        else
            throw LoadError(fmt::format("{}: not a folder", dirText));
    }
    dir = dir.lexically_normal();
    if (!dir.has_filename())
        dir = dir.parent_path();
    return dir;
}

/// Throws LoadError, pointing at experiment folders inside `dir` if any, when `dir` has no
/// metrics.csv.
void requireMetricsFile(const fs::path &dir)
{
    std::error_code ec;
    if (fs::exists(fs::symlink_status(dir / "metrics.csv", ec)))
        return;
    const auto inside = ExperimentLoader::findExperiments(dir.string(), 1000);
    if (!inside.empty()) {
        throw LoadError(
            fmt::format("{}: no metrics.csv here, but {} experiment folder(s) inside it (e.g. {}): "
                        "open one of them",
                        dir.string(), inside.size(), fs::path(inside.front()).filename().string()));
    }
    throw LoadError(
        fmt::format("{}: no metrics.csv, so this is not an experiment folder", dir.string()));
}

/// Parses metrics.csv straight from the file: each thread reads its slice in blocks, so the
/// text is never held whole beside the table. `beforeColumns` runs just before the table's
/// memory is taken. Throws LoadError when the file cannot be opened or has no time column,
/// LoadCancelled when cancelled.
void readMetrics(const fs::path &metricsPath, const ExperimentLoader::Options &options,
                 const std::function<void()> &beforeColumns, Experiment &experiment)
{
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
    csvOptions.beforeColumns = beforeColumns;
    MetricsCsvParser::Result csv = MetricsCsvParser::parse(metricsFile, "metrics.csv", csvOptions);
    beforeColumns();
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
}

void readMetadata(const fs::path &dir, Experiment &experiment)
{
    if (auto text = FileReader::readOptional(dir, "metadata.json", FileReader::kMetadataLimit,
                                             experiment.warnings)) {
        MetadataParser::Result r = MetadataParser::parse(*text, "metadata.json");
        experiment.metadata = std::move(r.metadata);
        append(experiment.warnings, std::move(r.warnings));
    }
}

void takeEvents(ScalingEventLoader::Result &&events, Experiment &experiment)
{
    experiment.events = std::move(events.events);
    experiment.eventTexts = std::move(events.eventTexts);
    experiment.monitorStart = events.monitorStart;
    experiment.hpaDescription = std::move(events.hpaDescription);
    append(experiment.warnings, std::move(events.warnings));
}

/// The timed sections of a kubectl log (events.log, jobs.log); none when it is absent.
std::vector<KubectlSnapshot> readKubectlLog(const fs::path &dir, const std::string &name,
                                            std::vector<LoadWarning> &warnings)
{
    auto text = FileReader::readOptional(dir, name, FileReader::kLogLimit, warnings);
    if (!text)
        return {};
    KubectlLogParser::Result r = KubectlLogParser::parse(*text, name);
    append(warnings, std::move(r.warnings));
    return std::move(r.snapshots);
}

/// The files shown as they are, the start_delay schedule of experiment-config.yaml, and the
/// job logs' benchmark results placed on the experiment's clock.
void readDocuments(const fs::path &dir, Experiment &experiment,
                   const ExperimentLoader::Options &options)
{
    for (const char *name : {"experiment-config.yaml", "README.md", "monitor.log"}) {
        if (auto text =
                FileReader::readOptional(dir, name, FileReader::kLogLimit, experiment.warnings))
            experiment.documents.push_back({name, std::move(*text)});
    }
    for (const TextDocument &d : experiment.documents) {
        if (d.fileName != "experiment-config.yaml")
            continue;
        ExperimentConfigParser::Result r = ExperimentConfigParser::parse(d.content, d.fileName);
        experiment.schedule = std::move(r.schedule);
        append(experiment.warnings, std::move(r.warnings));
    }
    report(options, 0.92, "Reading job logs");
    loadJobLogs(dir, experiment);
    check(options);
    JobPlacer::place(experiment);
}

/// Everything but metrics.csv and the scaling events: metadata, kubectl logs, documents, jobs.
void readTexts(const fs::path &dir, ScalingEventLoader::Result &&events, Experiment &experiment,
               const ExperimentLoader::Options &options)
{
    report(options, 0.87, "Reading logs");
    readMetadata(dir, experiment);
    takeEvents(std::move(events), experiment);
    ExperimentLoader::readSurroundings(dir.string(), experiment, options);
}

} // namespace

Experiment ExperimentLoader::load(const std::string &dirText, const Options &options)
{
    const fs::path dir = resolveFolder(dirText);
    Experiment experiment;
    experiment.name = dir.filename().string();
    experiment.path = dir.string();
    // A WVA run's metrics.csv is a long table of another shape: its controller log comes first.
    if (WvaRunLoader::isWvaRun(dir)) {
        report(options, 0.0, "Reading the WVA controller log");
        WvaRunLoader::load(dir, options.wvaVariant, experiment);
        readDocuments(dir, experiment, options);
        UnitApplier::applyKvCacheUnit(experiment, options.kvUnit, options.keepRawKvCache);
        report(options, 1.0, "Done");
        return experiment;
    }
    std::error_code ec;
    if (!fs::exists(fs::symlink_status(dir / "metrics.csv", ec)) && hasJobLogs(dir)) {
        // Job logs without an HPA time series (as in some WVA runs): a bench-only run.
        experiment.benchOnly = true;
        readTexts(dir, ScalingEventLoader::load(dir, options.keepEventTexts), experiment, options);
        return experiment;
    }
    requireMetricsFile(dir);

    // The scaling events are read while metrics.csv's lines are counted, on a thread of their
    // own, and must be done before the table exists: their log is read whole (8 MB beside a
    // million-row table) and only the events remain. Their warnings are listed after the
    // metrics' ones all the same.
    ScalingEventLoader::Result events;
    const auto loadEvents = [&dir, &events, &options] {
        events = ScalingEventLoader::load(dir, options.keepEventTexts);
    };
    std::future<void> eventsLoaded;
    try {
        eventsLoaded = std::async(std::launch::async, loadEvents);
    } catch (const std::system_error &) {
        loadEvents(); // no thread to be had
    }
    const std::function<void()> waitForEvents = [&eventsLoaded] {
        if (eventsLoaded.valid())
            eventsLoaded.get();
    };

    report(options, 0.0, "Reading metrics.csv");
    readMetrics(dir / "metrics.csv", options, waitForEvents, experiment);
    check(options);

    readTexts(dir, std::move(events), experiment, options);

    UnitApplier::applyWaitingUnit(experiment, options.waitingUnit);
    UnitApplier::applyKvCacheUnit(experiment, options.kvUnit, options.keepRawKvCache);
    report(options, 1.0, "Done");
    return experiment;
}

void ExperimentLoader::readMetadataFile(const std::string &dir, Experiment &experiment)
{
    readMetadata(fs::path(dir), experiment);
}

void ExperimentLoader::readSurroundings(const std::string &dirText, Experiment &experiment,
                                        const Options &options)
{
    const fs::path dir(dirText);
    experiment.kubernetesEvents = readKubectlLog(dir, "events.log", experiment.warnings);
    experiment.jobSnapshots = readKubectlLog(dir, "jobs.log", experiment.warnings);
    readDocuments(dir, experiment, options);
    check(options);
}

Layout ExperimentLoader::layoutOf(const std::vector<std::string> &headerKeys)
{
    return detectLayout(headerKeys);
}

bool ExperimentLoader::isExperimentDir(const std::string &dir)
{
    std::error_code ec;
    return fs::exists(fs::symlink_status(fs::path(dir) / "metrics.csv", ec)) ||
           hasJobLogs(fs::path(dir));
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
