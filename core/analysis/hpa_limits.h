#pragma once

#include "core/model/experiment.h"

#include <optional>
#include <string>

namespace hpa::core {

/// The HPA's replica bounds as far as the folder tells them: metadata.json (min_replicas /
/// max_replicas, the demo's and newer monitors' keys) first, then the `kubectl describe hpa`
/// text of scaling.log ("Min replicas: 1"). Unknown bounds stay unknown; the demand model
/// then uses 1 as the floor and no cap.
struct HpaLimits
{
    std::optional<int> minReplicas, maxReplicas;
    std::string source; ///< "metadata.json", "scaling.log" or empty

    /// The floor m_min of the demand: minReplicas, at least 1 (a 0 would divide by zero).
    int floor() const { return minReplicas && *minReplicas > 1 ? *minReplicas : 1; }

    /// Reads the bounds of `experiment`.
    static HpaLimits of(const Experiment &experiment);
    /// The integer after `label` (e.g. "Max replicas:") in a describe text, or nullopt.
    static std::optional<int> describedValue(const std::string &text, std::string_view label);
};

} // namespace hpa::core
