#pragma once

#include "core/import/import_preset.h"
#include "core/import/imported_run.h"

#include <atomic>
#include <cstddef>
#include <functional>
#include <string>

namespace hpa::core {

/// Reads an HPA run from Prometheus into an experiment folder (newer layout): the preset's
/// queries on the step grid, scaling events derived from the replica columns, metadata.json
/// naming the source. Qt-free and synchronous: run it off the GUI thread.
class PrometheusImporter
{
public:
    struct Request
    {
        std::string url;
        std::string token;               ///< bearer token; sent, never written
        std::string ns, hpa, deployment; ///< deployment empty: the preset finds it
        double from = 0, to = 0;         ///< Unix seconds
        double step = 5;
        ImportPreset preset;
    };

    struct Options
    {
        const std::atomic<bool> *cancel = nullptr;
        /// Fraction done 0..1 and what is being asked.
        std::function<void(double, const std::string &)> progress;
        std::size_t maxPointsPerRequest = 10000;
        int maxRetries = 4;
        double backoffSeconds = 1;
        double timeoutSeconds = 60;
    };

    struct Result
    {
        bool ok = false;
        bool cancelled = false;
        std::string error; ///< one line
        ImportedRun run;
    };

    /// Checks the request (names, range, step, grid size); empty when it is fine.
    static std::string check(const Request &request);

    /// Asks every query of the preset. A query with no series is a warning naming it and an
    /// empty column, never zeros; a server or query error stops the import.
    static Result fetch(const Request &request, const Options &options);

    /// fetch() then ImportFolderWriter::write() to `outDir`, which must not exist.
    static Result import(const Request &request, const std::string &outDir, const Options &options);
};

} // namespace hpa::core
