#include "core/analysis/episode_finder.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace hpa::core {

std::optional<std::size_t> EpisodeFinder::forMoment(const std::vector<ScalingEpisode> &episodes,
                                                    double elapsedS, double resolutionS)
{
    // The log's timestamps and the samples' differ by up to one sample interval.
    const double slack = std::max(resolutionS, 0.0);
    std::optional<std::size_t> best;
    double bestDistance = std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < episodes.size(); ++i) {
        const ScalingEpisode &e = episodes[i];
        double end = std::numeric_limits<double>::infinity();
        if (e.reliefS)
            end = std::max({*e.reliefS, e.decisionS.value_or(0.0), e.caughtUpS.value_or(0.0)});
        if (elapsedS < e.breachS - slack || elapsedS > end + slack)
            continue;
        const double distance = std::abs(elapsedS - e.decisionS.value_or(e.breachS));
        if (distance < bestDistance) {
            bestDistance = distance;
            best = i;
        }
    }
    return best;
}

} // namespace hpa::core
