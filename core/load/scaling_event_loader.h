#pragma once

#include "core/model/load_warning.h"
#include "core/model/scaling_event.h"
#include "core/model/scaling_event_texts.h"
#include "core/parsers/scaling_events_log_parser.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace hpa::core {

/// Reads the scaling events of a folder: scaling.log (older layout, also the HPA's initial
/// description) and scaling-events.log (newer layout), merged and sorted by time.
class ScalingEventLoader
{
public:
    struct Result
    {
        std::vector<ScalingEvent> events; ///< sorted by time
        ScalingEventTexts eventTexts;     ///< text and file name of each of `events`
        std::string hpaDescription;       ///< scaling.log's initial state
        /// The monitor's first `REPLICAS CHANGED: 0 -> N` (its start-up reading, not an event);
        /// its text is in `eventTexts` too.
        std::optional<ScalingEvent> monitorStart;
        std::vector<LoadWarning> warnings;
    };

    /// Reads both logs of `dir`. Missing files are silent; unreadable ones are warnings.
    /// Without `keepText` the events' texts are not kept (they read as empty), for callers
    /// that never show them: most of the events' memory.
    static Result load(const std::filesystem::path &dir, bool keepText = true);

    /// scaling.log of `dir` alone (its events, texts, description and warnings).
    static Result loadOlder(const std::filesystem::path &dir, bool keepText = true);
    /// Adds a parsed scaling-events.log (when there is one) to scaling.log's `older` and sorts
    /// the events by time: the one way load() combines the two logs.
    static void combine(Result &older, ScalingEventsLogParser::Result *newer);
};

} // namespace hpa::core
