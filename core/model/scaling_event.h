#pragma once

#include <cstdint>
#include <string_view>

namespace hpa::core {

enum class EventKind : std::uint8_t
{
    ScaleUp,        ///< the HPA raised its desired count
    ScaleDown,      ///< the HPA lowered its desired count
    ReplicasChanged ///< the observed current count changed
};

/// `scale_up`, `scale_down`, `replicas_changed`.
std::string_view eventKindKey(EventKind kind);
/// `Scale up`, `Scale down`, `Replicas changed`.
std::string_view eventKindLabel(EventKind kind);

/// How ScalingEventTexts holds the text of an event.
enum class EventTextForm : std::uint8_t
{
    None,    ///< not kept (loaded without text): the text reads as empty
    Whole,   ///< the whole text is in the buffer
    LineTail ///< a scaling-events.log line: the buffer has only what follows the head
             ///< `[stamp] KIND: from -> to`, which is rebuilt from the event's fields
};

/// One scaling event from scaling.log (older layout) or scaling-events.log (newer layout).
/// Kept small (32 bytes; a long run has 100 000s of events): the text and the file name live
/// in the experiment's ScalingEventTexts, which this refers to. The values a log printed with
/// an event (waiting requests, cache, active jobs) are in that text.
struct ScalingEvent
{
    double time = 0.0;            ///< same clock as MetricsTable::time()
    int from = 0;                 ///< desired (scale up/down) or current (replicas changed) before
    int to = 0;                   ///< ... and after
    int line = 0;                 ///< 1-based line of the event (of its header line for a block)
    std::uint32_t textOffset = 0; ///< into the ScalingEventTexts buffer
    std::uint32_t textLength = 0;
    EventKind kind = EventKind::ReplicasChanged;
    std::uint8_t file = 0; ///< index into the ScalingEventTexts file names
    EventTextForm textForm = EventTextForm::None;
};

static_assert(sizeof(ScalingEvent) <= 32, "events are many: keep them small");

} // namespace hpa::core
