#pragma once

#include "core/load_warning.h"
#include "core/scaling_event.h"

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
        std::vector<LoadWarning> warnings;
    };

    /// `fileName` is used in warnings and ScalingEvent::file. Event kind per block: desired
    /// went up -> ScaleUp, down -> ScaleDown, unchanged -> ReplicasChanged.
    static Result parse(std::string_view content, const std::string &fileName);
};

} // namespace hpa::core
