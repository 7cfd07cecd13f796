#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace hpa::core {

enum class EventKind
{
    ScaleUp,        ///< the HPA raised its desired count
    ScaleDown,      ///< the HPA lowered its desired count
    ReplicasChanged ///< the observed current count changed
};

/// `scale_up`, `scale_down`, `replicas_changed`.
std::string_view eventKindKey(EventKind kind);
/// `Scale up`, `Scale down`, `Replicas changed`.
std::string_view eventKindLabel(EventKind kind);

/// One scaling event from scaling.log (older layout) or scaling-events.log (newer layout).
struct ScalingEvent
{
    double time = 0.0; ///< same clock as MetricsTable::time()
    EventKind kind = EventKind::ReplicasChanged;
    int from = 0; ///< desired (scale up/down) or current (replicas changed) before
    int to = 0;   ///< ... and after
    /// Current/desired replicas before and after, when the source says (older layout).
    std::optional<int> previousReplicas, previousDesired, currentReplicas, currentDesired;
    /// Metric values the log printed with the event, as written there (not normalised).
    std::optional<double> waiting, waitingTarget, kvCacheRaw, kvCacheTargetRaw;
    std::optional<int> activeJobs;
    std::string text; ///< the full text of the event (whole block for the older layout)
    std::string file;
    int line = 0;
};

} // namespace hpa::core
