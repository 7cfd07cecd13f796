#pragma once

#include "core/model/experiment.h"

#include <filesystem>

namespace hpa::core {

/// Reads the scaling events of a folder: scaling.log (older layout, also the HPA's initial
/// description) and scaling-events.log (newer layout), merged and sorted by time.
class ScalingEventLoader
{
public:
    /// Fills `experiment.events`, `experiment.eventTexts` and `experiment.hpaDescription` and
    /// appends warnings. Missing files are silent; unreadable ones are warnings. Without
    /// `keepText` the events' texts are not kept (they read as empty), for callers that never
    /// show them: most of the events' memory.
    static void load(const std::filesystem::path &dir, Experiment &experiment,
                     bool keepText = true);
};

} // namespace hpa::core
