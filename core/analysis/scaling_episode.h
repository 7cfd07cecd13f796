#pragma once

#include <cstddef>
#include <optional>

namespace hpa::core {

/// One scale-up episode of the scorecard (issue 12, elasticity-kpis.md §6-7): a metric ratio
/// crosses the breach level, the HPA decides to add replicas, its status catches up, and the
/// ratios fall back. Rows index the metrics table; a missing row means the run ended first
/// (censored). Times are seconds since the first sample.
struct ScalingEpisode
{
    std::size_t breachRow = 0;
    std::optional<std::size_t> decisionRow, caughtUpRow, reliefRow;
    double breachS = 0;
    std::optional<double> decisionS, caughtUpS, reliefS;
    /// The desired replicas at the decision, which "caught up" waits for.
    std::optional<double> decidedReplicas;

    /// Breach to decision.
    std::optional<double> reactionS() const { return difference(decisionS, breachS); }
    /// Decision to the requested replicas reaching the decided count (HPA status catch-up).
    std::optional<double> catchUpS() const
    {
        return decisionS ? difference(caughtUpS, *decisionS) : std::nullopt;
    }
    /// Breach to relief.
    std::optional<double> timeToReliefS() const { return difference(reliefS, breachS); }
    /// Censored: the run ended (or the breach passed) before a decision, or before relief.
    bool censored() const { return !decisionS || !reliefS; }

private:
    static std::optional<double> difference(std::optional<double> end, double start)
    {
        return end ? std::optional(*end - start) : std::nullopt;
    }
};

} // namespace hpa::core
