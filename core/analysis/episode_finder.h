#pragma once

#include "core/analysis/scaling_episode.h"

#include <cstddef>
#include <optional>
#include <vector>

namespace hpa::core {

/// Which scale-up episode a moment of the run (a scaling event from the log) belongs to.
class EpisodeFinder
{
public:
    /// The episode whose span holds `elapsedS` (seconds since the first sample): from one
    /// sample interval before its breach to one after its last milestone, open-ended when it
    /// is censored. Of several, the one whose decision (else breach) is nearest. nullopt when
    /// none: a scale-up the scorecard saw no breach for.
    static std::optional<std::size_t> forMoment(const std::vector<ScalingEpisode> &episodes,
                                                double elapsedS, double resolutionS);
};

} // namespace hpa::core
