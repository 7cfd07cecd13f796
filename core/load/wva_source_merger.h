#pragma once

#include "core/model/warning_list.h"
#include "core/model/wva_log.h"

#include <cstddef>
#include <string>

namespace hpa::core {

/// Puts the two readings of one WVA run together: the controller log
/// (wva-controller-logs.jsonl, which names variants, models and modes and has every pod's
/// values) and the long metrics.csv the run's scripts extracted from it (which has none of
/// those, and in model-based runs no per-pod rows). A sample or decision of the CSV is the
/// log's one logged at the same millisecond (the CSV's timestamp is the log line's `ts`):
/// each value the CSV has replaces the log's (WvaSample::fromCsv says which), a decision takes
/// the CSV's action, counts and line; values the CSV lacks stay the log's. Where both have a
/// value and they differ, a warning names both files and lines. A CSV row at a time the log
/// does not have is kept (under the log's only variant; skipped, with a warning, when the log
/// has several) and said; log samples the CSV does not have are counted in one warning.
class WvaSourceMerger
{
public:
    struct Result
    {
        std::size_t matchedSamples = 0;
        std::size_t csvOnlySamples = 0; ///< kept or skipped, each warned about
        std::size_t logOnlySamples = 0;
        std::size_t matchedDecisions = 0;
        std::size_t disagreements = 0; ///< values (or decisions) the two files differ on
    };

    /// Merges `csv` into `log`; warnings (about the CSV's lines) go to `warnings`.
    static Result merge(WvaLog &log, const WvaLog &csv, const std::string &logName,
                        WarningList &warnings);

    /// The name of WvaSample::kValueFields[i] in messages ("ttft_ms").
    static const char *fieldName(std::size_t i);
};

} // namespace hpa::core
