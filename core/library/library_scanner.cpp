#include "core/library/library_scanner.h"

#include "core/analysis/experiment_analyzer.h"
#include "core/library/experiment_finder.h"
#include "core/library/run_catalog.h"
#include "core/library/run_fingerprint.h"
#include "core/library/run_row_builder.h"
#include "core/load/experiment_loader.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <mutex>
#include <thread>

namespace hpa::core {

namespace fs = std::filesystem;

namespace {

bool cancelled(const std::atomic<bool> *cancel)
{
    return cancel && cancel->load(std::memory_order_relaxed);
}

} // namespace

RunRow LibraryScanner::readRun(const std::string &dir, const std::atomic<bool> *cancel)
{
    ExperimentLoader::Options options;
    options.threads = 1; // runs are read side by side: one thread each
    options.cancel = cancel;
    options.keepRawKvCache = false;
    options.keepEventTexts = false;
    RunRow row;
    try {
        const Experiment experiment = ExperimentLoader::load(dir, options);
        row = RunRowBuilder::fromSummary(ExperimentAnalyzer::summarize(experiment));
    } catch (const LoadCancelled &) {
        throw;
    } catch (const std::exception &e) {
        row.status = RunRow::Status::Failed;
        row.error = e.what();
    }
    row.path = dir;
    if (row.name.empty())
        row.name = fs::path(dir).filename().string();
    return row;
}

LibraryScanner::Result LibraryScanner::scan(const std::string &root, const Options &options)
{
    Result result;
    std::mutex mutex; // guards result and the callbacks
    std::size_t found = 0, done = 0;

    std::map<std::string, RunCatalog::Entry> known;
    if (options.catalog) {
        for (const std::string &w : options.catalog->warnings())
            result.warnings.push_back({options.catalog->path(), 0, w});
    }

    ExperimentFinder::Options findOptions;
    findOptions.maxEntries = options.maxEntries;
    findOptions.cancel = options.cancel;
    ExperimentFinder::Result walk;
    {
        std::error_code ec;
        fs::path start = fs::absolute(root, ec).lexically_normal();
        if (start.filename().empty() && start.has_parent_path() && start != start.root_path())
            start = start.parent_path();
        if (options.catalog)
            known = options.catalog->entriesUnder(start.string());
        walk = ExperimentFinder::find(start.string(), findOptions);
    }
    found = walk.experiments.size();
    result.warnings.insert(result.warnings.end(), walk.warnings.begin(), walk.warnings.end());
    if (options.progress)
        options.progress(0, found);

    const auto deliver = [&](RunRow row, bool fromCatalog) {
        std::lock_guard lock(mutex);
        (fromCatalog ? result.fromCatalog : result.read) += 1;
        if (row.status == RunRow::Status::Failed)
            ++result.failed;
        if (options.row)
            options.row(row);
        result.rows.push_back(std::move(row));
        ++done;
        if (options.progress)
            options.progress(done, found);
    };

    // Rows read are stored in batches: one transaction per batch, not per run.
    std::vector<std::pair<RunRow, std::string>> toStore;
    const auto storeBatch = [&](bool all) {
        std::vector<std::pair<RunRow, std::string>> batch;
        {
            std::lock_guard lock(mutex);
            if (toStore.empty() || (!all && toStore.size() < 32))
                return;
            batch.swap(toStore);
        }
        options.catalog->storeMany(batch);
    };

    std::atomic<std::size_t> next{0};
    const auto work = [&] {
        for (;;) {
            const std::size_t i = next.fetch_add(1);
            if (i >= walk.experiments.size() || cancelled(options.cancel))
                return;
            const std::string &dir = walk.experiments[i];
            const std::string fingerprint =
                options.catalog ? RunFingerprint::of(dir) : std::string();
            const auto hit = known.find(dir);
            if (hit != known.end() && hit->second.fingerprint == fingerprint &&
                hit->second.row.status != RunRow::Status::Missing) {
                deliver(hit->second.row, true);
                continue;
            }
            RunRow row;
            try {
                row = readRun(dir, options.cancel);
            } catch (const LoadCancelled &) {
                return;
            }
            if (options.catalog) {
                {
                    std::lock_guard lock(mutex);
                    toStore.emplace_back(row, fingerprint);
                }
                storeBatch(false);
                std::tie(row.tags, row.notes) =
                    hit != known.end() ? std::pair(hit->second.row.tags, hit->second.row.notes)
                                       : options.catalog->userText(dir);
            }
            deliver(std::move(row), false);
        }
    };
    const unsigned threads =
        options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
    std::vector<std::thread> workers;
    for (unsigned t = 1; t < std::min<std::size_t>(threads, walk.experiments.size()); ++t) {
        try {
            workers.emplace_back(work);
        } catch (const std::system_error &) {
            break; // fewer threads: the work still gets done
        }
    }
    work();
    for (std::thread &t : workers)
        t.join();
    if (options.catalog)
        storeBatch(true); // also after a cancel: what was read is kept

    result.cancelled = walk.cancelled || cancelled(options.cancel);
    // A catalog run under the root that is no longer an experiment folder: missing. Only
    // after a complete walk; a cancelled or cut-short one proves nothing.
    if (options.catalog && !result.cancelled) {
        const std::vector<std::string> &seen = walk.experiments;
        std::vector<std::string> sorted(seen.begin(), seen.end());
        std::sort(sorted.begin(), sorted.end());
        for (auto &[path, entry] : known) {
            if (std::binary_search(sorted.begin(), sorted.end(), path) ||
                ExperimentFinder::isExperiment(path))
                continue;
            options.catalog->markMissing(path);
            entry.row.status = RunRow::Status::Missing;
            ++result.missing;
            std::lock_guard lock(mutex);
            if (options.row)
                options.row(entry.row);
            result.rows.push_back(entry.row);
        }
        for (const std::string &w : options.catalog->warnings())
            if (std::none_of(result.warnings.begin(), result.warnings.end(),
                             [&](const LoadWarning &lw) { return lw.message == w; }))
                result.warnings.push_back({options.catalog->path(), 0, w});
    }
    std::sort(result.rows.begin(), result.rows.end(),
              [](const RunRow &a, const RunRow &b) { return a.path < b.path; });
    return result;
}

} // namespace hpa::core
