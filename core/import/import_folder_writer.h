#pragma once

#include "core/import/imported_run.h"

#include <string>

namespace hpa::core {

/// Writes an ImportedRun as an experiment folder in the newer layout that ExperimentLoader
/// reads: metrics.csv (UTC `YYYY-MM-DDTHH:MM:SSZ`, empty cells where Prometheus had
/// nothing), scaling-events.log derived from the replica columns, metadata.json.
class ImportFolderWriter
{
public:
    /// Writes into a hidden folder beside `outDir` and renames it to `outDir` at the end, so
    /// the folder appears whole or not at all. Refuses an existing `outDir` (also one created
    /// meanwhile). Returns an empty string on success, else one line naming the problem.
    static std::string write(const ImportedRun &run, const std::string &outDir);

    /// The metrics.csv text.
    static std::string metricsCsv(const ImportedRun &run);
    /// scaling-events.log: SCALE UP/DOWN TRIGGERED at every change of desired_replicas,
    /// REPLICAS CHANGED at every change of replicas, under a first line saying they are derived.
    static std::string scalingEvents(const ImportedRun &run);
    /// metadata.json: "source": "prometheus", the URL, range, step and every query asked.
    static std::string metadataJson(const ImportedRun &run, const std::string &name);
};

} // namespace hpa::core
