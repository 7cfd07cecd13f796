#include "core/model/scaling_event.h"

namespace hpa::core {

std::string_view eventKindKey(EventKind kind)
{
    switch (kind) {
    case EventKind::ScaleUp:
        return "scale_up";
    case EventKind::ScaleDown:
        return "scale_down";
    case EventKind::ReplicasChanged:
        return "replicas_changed";
    }
    return "replicas_changed";
}

std::string_view eventKindLabel(EventKind kind)
{
    switch (kind) {
    case EventKind::ScaleUp:
        return "Scale up";
    case EventKind::ScaleDown:
        return "Scale down";
    case EventKind::ReplicasChanged:
        return "Replicas changed";
    }
    return "Replicas changed";
}

} // namespace hpa::core
