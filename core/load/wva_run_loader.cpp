#include "core/load/wva_run_loader.h"

#include "core/model/folder_clock.h"

#include "core/io/file_reader.h"
#include "core/load/experiment_loader.h"
#include "core/load/wva_experiment_builder.h"
#include "core/parsers/wva_log_parser.h"

#include <fmt/format.h>

#include <system_error>

namespace hpa::core {

namespace fs = std::filesystem;

bool WvaRunLoader::isWvaRun(const fs::path &dir)
{
    std::error_code ec;
    return fs::exists(fs::symlink_status(dir / kLogName, ec));
}

void WvaRunLoader::load(const fs::path &dir, const std::string &variant, Experiment &experiment)
{
    const fs::path path = dir / kLogName;
    const FileReader::Result file = FileReader::read(path.string(), FileReader::kMetricsLimit);
    if (!file.ok)
        throw LoadError(file.error);
    WvaLog log = WvaLogParser::parse(file.content, kLogName);
    if (!WvaExperimentBuilder::build(log, variant, kLogName, experiment)) {
        std::string names;
        for (const WvaVariant &v : log.variants)
            names += (names.empty() ? "" : ", ") + v.name;
        if (log.samples.empty()) {
            throw LoadError(fmt::format("{}: no \"Metrics collected for VA\" line, so the run has "
                                        "no samples",
                                        path.string()));
        }
        throw LoadError(fmt::format("{}: no samples of variant \"{}\" (the log has: {})",
                                    path.string(), variant, names));
    }
    experiment.warnings.insert(experiment.warnings.end(), log.warnings.begin(), log.warnings.end());
    if (log.repeatedCycles > 0) {
        experiment.warnings.push_back(
            {kLogName, 0,
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
