#pragma once

#include "core/model/load_warning.h"
#include "core/model/scaling_event.h"
#include "core/model/scaling_event_texts.h"
#include "core/model/warning_list.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hpa::core {

/// Reads the newer monitor's scaling-events.log, one `[YYYY-MM-DD HH:MM:SS] ...` line each.
class ScalingEventsLogParser
{
public:
    struct Result
    {
        std::vector<ScalingEvent> events;
        ScalingEventTexts texts; ///< the events' texts and file name
        /// The first `REPLICAS CHANGED: 0 -> N` before any other event: the monitor's first
        /// look at the deployment, not a change, so not one of `events`.
        std::optional<ScalingEvent> monitorStart;
        std::optional<double> monitorStarted, monitorStopped;
        std::optional<double> declaredIntervalSeconds; ///< "collecting metrics every 5s"
        std::vector<LoadWarning> warnings;
    };

    /// Where a parse of a growing log stopped: lines read, whether an event was seen (the
    /// monitor-start rule) and the warnings so far, not yet taken.
    struct Cursor
    {
        int line = 0;
        bool sawEvent = false;
        WarningList warnings{std::string()};
    };

    /// `SCALE UP/DOWN TRIGGERED: a -> b (waiting: w, cache: c)` and `REPLICAS CHANGED: a -> b`
    /// become events; a first `REPLICAS CHANGED: 0 -> N` before any other event is the monitor's
    /// initial reading: it is not one of the events but kept as `monitorStart`. Unknown lines are
    /// warnings. Without `keepText` the events have no text (EventTextForm::None), which saves most
    /// of their memory.
    static Result parse(std::string_view content, const std::string &fileName,
                        bool keepText = true);

    /// Parses `appended`, whole lines added after the ones `cursor` has read (all of the file
    /// when the cursor is new), as parse() would read them in the whole file. Its warnings stay
    /// in `cursor` (Result::warnings is empty); `cursor.warnings` copied and taken gives the
    /// whole file's. monitorStarted and declaredIntervalSeconds are those of `appended` alone.
    static Result parseAppended(std::string_view appended, Cursor &cursor,
                                const std::string &fileName, bool keepText = true);
};

} // namespace hpa::core
