#pragma once

#include "core/model/experiment.h"

#include <filesystem>
#include <string>

namespace hpa::core {

/// Reads a folder of an llm-d Workload Variant Autoscaler run. Its two sources:
///   - wva-controller-logs.jsonl, the controller's log, which every such run has; it alone
///     names the variants, their models and the controller's mode, and has every pod's queue
///     and KV values;
///   - metrics.csv in the long format (an `event_type` column) the run's own scripts extract
///     from that log, when present.
/// The series the CSV carries are read from it and the rest from the log (WvaSourceMerger
/// cross-checks the two); a folder with only one of them loads from that one.
/// AutoscalerInfo::source and ::sources say which file each series came from.
/// WvaExperimentBuilder turns the result into samples and events; ANALYSIS_SUMMARY.md is kept
/// to read (ExperimentLoader adds the documents and job logs any folder may have).
class WvaRunLoader
{
public:
    static constexpr const char *kLogName = "wva-controller-logs.jsonl";
    static constexpr const char *kCsvName = "metrics.csv";

    /// True when `dir` has a wva-controller-logs.jsonl, or a metrics.csv whose header is the
    /// long format (an `event_type` and a `timestamp` column).
    static bool isWvaRun(const std::filesystem::path &dir);

    /// True when `dir`'s metrics.csv has the long format's header (only its first line is read).
    static bool hasLongMetricsCsv(const std::filesystem::path &dir);

    /// Fills `experiment` (name and path set) from `dir`. `variant` picks one of several
    /// variants (empty: the one with the most samples). Throws LoadError when neither file
    /// can be read or there is no sample of that variant.
    static void load(const std::filesystem::path &dir, const std::string &variant,
                     Experiment &experiment);
};

} // namespace hpa::core
