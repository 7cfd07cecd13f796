#include "core/load/wva_run_loader.h"

#include "core/model/folder_clock.h"

#include "core/io/file_reader.h"
#include "core/load/experiment_loader.h"
#include "core/load/wva_experiment_builder.h"
#include "core/load/wva_source_merger.h"
#include "core/parsers/wva_log_parser.h"
#include "core/parsers/wva_metrics_csv_parser.h"

#include <fmt/format.h>

#include <fstream>
#include <optional>
#include <system_error>

namespace hpa::core {

namespace fs = std::filesystem;

namespace {

bool present(const fs::path &path)
{
    std::error_code ec;
    return fs::exists(fs::symlink_status(path, ec));
}

/// The first line of `path`, at most 64 KiB of it (a header; the file may be a huge table).
std::optional<std::string> firstLine(const fs::path &path)
{
    std::error_code ec;
    if (!fs::is_regular_file(path, ec))
        return std::nullopt;
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return std::nullopt;
    std::string line(64 * 1024, '\0');
    in.read(line.data(), static_cast<std::streamsize>(line.size()));
    line.resize(static_cast<std::size_t>(in.gcount()));
    line.resize(std::min(line.size(), line.find_first_of("\r\n")));
    return line;
}

/// `what` is the kind of line a sample comes from, `file` what the file is called.
[[noreturn]] void throwNoSamples(const WvaLog &log, const std::string &variant,
                                 const fs::path &path, const char *what, const char *file)
{
    if (log.samples.empty())
        throw LoadError(fmt::format("{}: no {}, so the run has no samples", path.string(), what));
    std::string names;
    for (const WvaVariant &v : log.variants)
        names += (names.empty() ? "" : ", ") + v.name;
    throw LoadError(fmt::format("{}: no samples of variant \"{}\" (the {} has: {})", path.string(),
                                variant, file, names));
}

} // namespace

bool WvaRunLoader::hasLongMetricsCsv(const fs::path &dir)
{
    const auto header = firstLine(dir / kCsvName);
    return header && WvaMetricsCsvParser::isLongFormat(*header);
}

bool WvaRunLoader::isWvaRun(const fs::path &dir)
{
    return present(dir / kLogName) || hasLongMetricsCsv(dir);
}

void WvaRunLoader::load(const fs::path &dir, const std::string &variant, Experiment &experiment)
{
    const bool hasLog = present(dir / kLogName);
    const bool hasCsv = hasLongMetricsCsv(dir);
    WvaLog log;
    if (hasLog) {
        const FileReader::Result file =
            FileReader::read((dir / kLogName).string(), FileReader::kMetricsLimit);
        if (!file.ok)
            throw LoadError(file.error);
        log = WvaLogParser::parse(file.content, kLogName);
    }
    std::optional<WvaMetricsCsvParser::Result> csv;
    if (hasCsv) {
        const FileReader::Result file =
            FileReader::read((dir / kCsvName).string(), FileReader::kMetricsLimit);
        if (file.ok) {
            csv = WvaMetricsCsvParser::parse(file.content, kCsvName);
        } else if (!hasLog) {
            throw LoadError(file.error);
        } else {
            experiment.warnings.push_back({kCsvName, 0, file.error + "; the log is read alone"});
        }
    }
    std::vector<LoadWarning> csvWarnings;
    const char *source = kLogName;
    const bool logUsable = hasLog && !log.samples.empty();
    if (csv && logUsable) {
        WarningList merge(kCsvName);
        WvaSourceMerger::merge(log, csv->log, kLogName, merge);
        csvWarnings = std::move(csv->log.warnings);
        for (LoadWarning &w : merge.take())
            csvWarnings.push_back(std::move(w));
    } else if (csv && !csv->log.samples.empty()) {
        // The log (when there is one) has no sample to put the CSV's beside: the CSV alone,
        // with what the log said about itself.
        std::vector<LoadWarning> logWarnings = std::move(log.warnings);
        std::vector<WvaModeChange> modes = std::move(log.modes);
        log = std::move(csv->log);
        csvWarnings = std::move(log.warnings);
        log.warnings = std::move(logWarnings);
        log.modes = std::move(modes);
        source = kCsvName;
    } else if (csv) {
        csvWarnings = std::move(csv->log.warnings);
    }
    const fs::path path = dir / source;
    if (!WvaExperimentBuilder::build(log, variant, source, experiment)) {
        if (source == kLogName)
            throwNoSamples(log, variant, path, "\"Metrics collected for VA\" line", "log");
        throwNoSamples(log, variant, path, "metrics or observed_metrics row", "file");
    }
    AutoscalerInfo &info = experiment.autoscaler;
    if (source == kLogName && csv) {
        bool csvUsed = false;
        for (const auto &[key, from] : info.sources)
            csvUsed = csvUsed || from.find(kCsvName) != std::string::npos;
        if (csvUsed)
            info.source = std::string(kCsvName) + " and " + kLogName;
    } else if (source == kCsvName) {
        experiment.warnings.push_back(
            {kCsvName, 0,
             fmt::format("{} {}: read from {} alone, which names no variant, model or mode "
                         "(the variant is called \"{}\")",
                         hasLog ? "no sample in" : "no", kLogName, kCsvName,
                         WvaMetricsCsvParser::kUnknownVariant)});
    }
    experiment.warnings.insert(experiment.warnings.end(), log.warnings.begin(), log.warnings.end());
    experiment.warnings.insert(experiment.warnings.end(), csvWarnings.begin(), csvWarnings.end());
    if (log.repeatedCycles > 0) {
        experiment.warnings.push_back(
            {source, 0,
             fmt::format("{} collection(s) came less than a second after the previous one of "
                         "their variant (the controller reconciled twice): each pair is one "
                         "sample, and a decision repeated in it is counted once",
                         log.repeatedCycles)});
    }
    if (!experiment.metrics.empty()) {
        const fs::path name =
            dir.filename().empty() ? dir.parent_path().filename() : dir.filename();
        if (const auto clock =
                FolderClock::detect(name.string(), experiment.metrics.time().front()))
            experiment.autoscaler.folderClock = clock->describe();
    }
    for (const char *name : {"ANALYSIS_SUMMARY.md"}) {
        if (auto text =
                FileReader::readOptional(dir, name, FileReader::kLogLimit, experiment.warnings))
            experiment.documents.push_back({name, std::move(*text)});
    }
}

} // namespace hpa::core
