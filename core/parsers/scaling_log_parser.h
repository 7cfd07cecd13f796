#pragma once

#include "core/model/load_warning.h"
#include "core/model/scaling_event.h"
#include "core/model/scaling_event_texts.h"

#include <string>
#include <string_view>
#include <vector>

namespace hpa::core {

/// Reads the older monitor's scaling.log: an `=== Initial State at <ISO> ===` section with the
/// `kubectl describe hpa` text, then one `SCALING EVENT at <ISO>` block per change.
class ScalingLogParser
{
public:
    struct Result
    {
        std::string initialState; ///< the describe text, without the `===` header line
        std::vector<ScalingEvent> events;
        ScalingEventTexts texts; ///< the events' texts (whole blocks) and file name
        std::vector<LoadWarning> warnings;
    };

    /// `fileName` is used in warnings and as the events' file. Event kind per block: desired
    /// went up -> ScaleUp, down -> ScaleDown, unchanged -> ReplicasChanged. Without `keepText`
    /// the events have no text.
    static Result parse(std::string_view content, const std::string &fileName,
                        bool keepText = true);
};

} // namespace hpa::core
