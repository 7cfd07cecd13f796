#pragma once

#include "core/model/experiment.h"

#include <atomic>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace hpa::core {

/// The folder cannot be read as an experiment (no metrics.csv, not a folder, ...).
class LoadError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

/// The caller cancelled the load.
class LoadCancelled : public LoadError
{
public:
    LoadCancelled() : LoadError("loading was cancelled") {}
};

/// Reads an experiment folder of either monitor generation, or anything in between. Never
/// writes into the folder.
class ExperimentLoader
{
public:
    struct Options
    {
        std::optional<KvCacheUnit> kvUnit;           ///< overrides the detected KV cache unit
        WaitingUnit waitingUnit = WaitingUnit::Auto; ///< how to read num_requests_waiting
        unsigned threads = 0;                        ///< metrics.csv parser threads; 0 = all cores
        const std::atomic<bool> *cancel = nullptr;
        /// Progress 0..1 with a short description of the current step.
        std::function<void(double, std::string_view)> progress;
        /// False: the KV cache columns are turned into percent in place (kv_cache_pct,
        /// kv_cache_target_pct) and the as-written ones are not kept, which saves two columns
        /// (16 MB at a million rows) for callers that only use percent, like `hpa-lens summary`.
        bool keepRawKvCache = true;
        /// False: scaling events are kept without their texts (see ScalingEventLoader).
        bool keepEventTexts = true;
        /// A WVA run with several variants: the one to load (empty: the one with the most
        /// samples).
        std::string wvaVariant;
    };

    /// Loads `dir`: a monitor folder (metrics.csv) or a WVA run (wva-controller-logs.jsonl,
    /// see WvaRunLoader). Throws LoadError when it has neither, LoadCancelled when
    /// cancelled. Every other problem becomes a warning in Experiment::warnings.
    static Experiment load(const std::string &dir, const Options &options);
    static Experiment load(const std::string &dir) { return load(dir, Options{}); }

    /// metadata.json of `dir` into experiment.metadata; its warnings are appended.
    static void readMetadataFile(const std::string &dir, Experiment &experiment);
    /// What surrounds the samples and events: events.log, jobs.log, the documents and the job
    /// logs (placed on the experiment's clock, so call it after the samples are in); warnings
    /// are appended. Throws LoadCancelled when cancelled.
    static void readSurroundings(const std::string &dir, Experiment &experiment,
                                 const Options &options);
    /// The layout metrics.csv's header keys (MetricsCsvParser::Result::headerKeys) mean.
    static Layout layoutOf(const std::vector<std::string> &headerKeys);

    /// True when `dir` has a metrics.csv.
    static bool isExperimentDir(const std::string &dir);
    /// The experiment folders directly inside `dir` (an `experiment-data/` folder), newest
    /// name first. Bounded: looks at no more than `maxEntries` entries.
    static std::vector<std::string> findExperiments(const std::string &dir,
                                                    std::size_t maxEntries = 100000);
};

} // namespace hpa::core
