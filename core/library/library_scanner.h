#pragma once

#include "core/library/run_row.h"
#include "core/model/load_warning.h"

#include <atomic>
#include <functional>
#include <string>
#include <vector>

namespace hpa::core {

class RunCatalog;

/// Lists every experiment under a root as library rows: finds the folders
/// (ExperimentFinder), takes a run's row from the catalog while its files are unchanged, and
/// reads and summarises the others on `threads` workers, storing them in the catalog. Runs
/// of the catalog under the root whose folder is gone are listed as missing.
class LibraryScanner
{
public:
    struct Options
    {
        RunCatalog *catalog = nullptr; ///< null: every run is read (the bench's baseline)
        unsigned threads = 0;          ///< 0: one per core
        const std::atomic<bool> *cancel = nullptr;
        /// Each row as soon as it is ready, in no particular order; calls never overlap.
        std::function<void(const RunRow &)> row;
        /// Runs done and runs found so far (found grows while the walk goes on).
        std::function<void(std::size_t done, std::size_t found)> progress;
        std::size_t maxEntries = 1'000'000; ///< see ExperimentFinder
    };

    struct Result
    {
        std::vector<RunRow> rows;          ///< every row delivered, sorted by path
        std::vector<LoadWarning> warnings; ///< the walk's and the catalog's
        std::size_t fromCatalog = 0, read = 0, failed = 0, missing = 0;
        bool cancelled = false;
    };

    /// Scans `root`. Never throws for a bad folder: it becomes a Failed row or a warning.
    static Result scan(const std::string &root, const Options &options);
    /// Reads one run as the scanner does (its row, Failed with the reason when unreadable).
    static RunRow readRun(const std::string &dir, const std::atomic<bool> *cancel = nullptr);
};

} // namespace hpa::core
