#pragma once

#include "core/model/hpa_spec.h"
#include "core/model/load_warning.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hpa::core {

/// Reads the HPA spec back from `kubectl describe hpa` text (the initial state of an
/// older-layout scaling.log): name, `"metric" on pods: current / target` lines, min and max
/// replicas, and the Behavior block with its windows, select policies and policies. The
/// tolerance and the controller flags are not in that text.
class HpaDescribeParser
{
public:
    struct Result
    {
        std::optional<HpaSpec> spec; ///< nullopt when the text has no "Max replicas:" line
        /// Lines that looked like a field but could not be read; metrics that cannot be
        /// replayed. `line` counts from the first line of `text` (+ `firstLine` - 1).
        std::vector<LoadWarning> warnings;
    };

    /// `fileName` and `firstLine` (the text's first line in that file) place the warnings.
    static Result parse(std::string_view text, const std::string &fileName, int firstLine = 1);
};

} // namespace hpa::core
