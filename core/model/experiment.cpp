#include "core/model/experiment.h"

namespace hpa::core {

std::string_view layoutKey(Layout layout)
{
    switch (layout) {
    case Layout::Legacy:
        return "legacy";
    case Layout::Enhanced:
        return "enhanced";
    case Layout::Custom:
        return "custom";
    case Layout::Wva:
        return "wva";
    }
    return "custom";
}

std::string Experiment::displayName() const
{
    std::string named = metadata.text("experiment_name");
    return named.empty() ? name : named;
}

} // namespace hpa::core
