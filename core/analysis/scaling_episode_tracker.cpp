#include "core/analysis/scaling_episode_tracker.h"

#include <algorithm>

namespace hpa::core {

void ScalingEpisodeTracker::track(std::size_t row, double time, DemandModel::Load load,
                                  double replicas, double desired)
{
    // Catch-up of earlier decisions: replicas reaching the count decided, wherever it happens.
    if (!m_waitingForCatchUp.empty()) {
        std::erase_if(m_waitingForCatchUp, [&](std::size_t e) {
            ScalingEpisode &episode = m_episodes[e];
            if (!(replicas >= *episode.decidedReplicas)) // NaN replicas: not yet
                return false;
            episode.caughtUpRow = row;
            episode.caughtUpS = elapsed(time);
            return true;
        });
    }

    const bool breach = load == DemandModel::Load::Breach;
    if (!m_open && breach && m_previousCalm) {
        ScalingEpisode episode;
        episode.breachRow = row;
        episode.breachS = elapsed(time);
        m_episodes.push_back(episode);
        m_open = true;
    }
    if (m_open) {
        ScalingEpisode &episode = m_episodes.back();
        if (!episode.decisionRow && desired > replicas) { // false when either is NaN
            episode.decisionRow = row;
            episode.decisionS = elapsed(time);
            episode.decidedReplicas = desired;
            m_waitingForCatchUp.push_back(m_episodes.size() - 1);
        }
        if (row > episode.breachRow && load == DemandModel::Load::Calm) {
            episode.reliefRow = row;
            episode.reliefS = elapsed(time);
            m_open = false;
        }
    }
    m_previousCalm = !breach;
}

std::vector<ScalingEpisode> ScalingEpisodeTracker::finish()
{
    m_open = false;
    m_waitingForCatchUp.clear();
    return std::move(m_episodes);
}

} // namespace hpa::core
