#pragma once

#include "core/model/experiment.h"

#include <filesystem>
#include <string>

namespace hpa::core {

/// Reads a folder of an llm-d Workload Variant Autoscaler run: its controller log
/// (wva-controller-logs.jsonl, the source that every such run has) becomes the experiment's
/// samples and events (WvaExperimentBuilder), and its ANALYSIS_SUMMARY.md is kept to read
/// (ExperimentLoader adds the documents and job logs any folder may have). The run's own
/// metrics.csv (a long table its scripts extracted from the same log) is not read as samples.
class WvaRunLoader
{
public:
    static constexpr const char *kLogName = "wva-controller-logs.jsonl";

    /// True when `dir` has a wva-controller-logs.jsonl.
    static bool isWvaRun(const std::filesystem::path &dir);

    /// Fills `experiment` (name and path set) from `dir`. `variant` picks one of several
    /// variants (empty: the one with the most samples). Throws LoadError when the log cannot
    /// be read or has no sample of that variant.
    static void load(const std::filesystem::path &dir, const std::string &variant,
                     Experiment &experiment);
};

} // namespace hpa::core
