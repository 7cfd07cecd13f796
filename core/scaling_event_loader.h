#pragma once

#include "core/experiment.h"

#include <filesystem>

namespace hpa::core {

/// Reads the scaling events of a folder: scaling.log (older layout, also the HPA's initial
/// description) and scaling-events.log (newer layout), merged and sorted by time.
class ScalingEventLoader
{
public:
    /// Fills `experiment.events` and `experiment.hpaDescription` and appends warnings. Missing
    /// files are silent; unreadable ones are warnings.
    static void load(const std::filesystem::path &dir, Experiment &experiment);
};

} // namespace hpa::core
