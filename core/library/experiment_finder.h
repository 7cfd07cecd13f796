#pragma once

#include "core/model/load_warning.h"

#include <atomic>
#include <functional>
#include <string>
#include <vector>

namespace hpa::core {

/// Finds the experiment folders under a root, at any depth, without ever hanging: each
/// folder is entered once (symlink loops end there), nothing but folders is opened (FIFOs
/// and devices are never read), unreadable folders are skipped with a warning, and the walk
/// stops after `maxEntries` entries with a warning.
class ExperimentFinder
{
public:
    struct Options
    {
        std::size_t maxEntries = 1'000'000;
        std::size_t maxDepth = 64;
        /// Stop after this many experiments (1: "does this folder hold any?").
        std::size_t maxExperiments = static_cast<std::size_t>(-1);
        const std::atomic<bool> *cancel = nullptr;
        /// Called with each experiment folder as soon as it is found (the walk's thread).
        std::function<void(const std::string &)> found;
    };

    struct Result
    {
        std::vector<std::string> experiments; ///< absolute paths, in walk order
        std::vector<LoadWarning> warnings;    ///< file = the folder concerned
        std::size_t entriesSeen = 0;
        bool cancelled = false;
    };

    /// True when `dir` is one experiment: a monitor folder, a WVA run, or bench job logs.
    static bool isExperiment(const std::string &dir);
    /// Walks `root` (itself an experiment: just it).
    static Result find(const std::string &root, const Options &options);
    /// True when `dir` is not an experiment itself but holds one at some depth (looking at
    /// no more than `maxEntries` entries).
    static bool holdsExperiments(const std::string &dir, std::size_t maxEntries = 200000);
};

} // namespace hpa::core
