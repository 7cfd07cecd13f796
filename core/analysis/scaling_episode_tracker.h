#pragma once

#include "core/analysis/demand_model.h"
#include "core/analysis/scaling_episode.h"

#include <cstddef>
#include <vector>

namespace hpa::core {

/// Finds the scale-up episodes of a run while the scorecard walks its samples once.
///
/// Conventions (issue 12): a breach starts at the first sample with some ratio above the breach
/// level after one where none was (or at sample 0), and only after the previous episode's relief;
/// the decision is the first sample from the breach up to the relief with desired > replicas;
/// caught up, the first sample from the decision with replicas >= the desired count decided
/// (it may come after the relief); relief, the first sample after the breach where every known
/// ratio is at or below the breach level. A sample with no known ratio neither starts nor ends
/// an episode, and counts as "none was" for the next breach.
class ScalingEpisodeTracker
{
public:
    /// `startSeconds` is the first sample's time; episode times count from it.
    explicit ScalingEpisodeTracker(double startSeconds) : m_start(startSeconds) {}

    /// Sample `row` at `time` with its load state, requested and desired replicas (NaN when
    /// missing). Rows must come in order.
    void add(std::size_t row, double time, DemandModel::Load load, double replicas, double desired)
    {
        // Most samples are outside any episode and start none: decided here, inline, as the
        // scorecard of every what-if calls this once per row.
        const bool breach = load == DemandModel::Load::Breach;
        if (m_waitingForCatchUp.empty() && !m_open && !(breach && m_previousCalm)) {
            m_previousCalm = !breach;
            return;
        }
        track(row, time, load, replicas, desired);
    }

    /// The episodes; those still open are censored where the run ended.
    std::vector<ScalingEpisode> finish();

private:
    /// The whole rule (add() decides the samples it cannot change anything for).
    void track(std::size_t row, double time, DemandModel::Load load, double replicas,
               double desired);
    double elapsed(double time) const { return time - m_start; }

    double m_start;
    std::vector<ScalingEpisode> m_episodes;
    bool m_open = false;        ///< the last episode has no relief yet
    bool m_previousCalm = true; ///< the previous sample had no breach
    /// Episodes whose decided count the replicas have not reached yet.
    std::vector<std::size_t> m_waitingForCatchUp;
};

} // namespace hpa::core
