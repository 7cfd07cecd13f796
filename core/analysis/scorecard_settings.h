#pragma once

#include "core/model/slo_limits.h"

#include <optional>
#include <string_view>

namespace hpa::core {

/// Which "required replicas" curve the scorecard compares the supply with (elasticity-kpis.md §1).
enum class DemandVariant
{
    HpaIdeal,    ///< D1: max(m_min, max over metrics of ceil(n * v / target)), not capped
    HpaReachable ///< D3: D1 capped at maxReplicas when it is known
};

/// The user's choices behind a scorecard. Every report prints them next to the numbers.
struct ScorecardSettings
{
    DemandVariant demand = DemandVariant::HpaIdeal;
    /// D: n_i is the replicas value at t_i - D (pods that do not report their metric yet).
    double onsetDelaySeconds = 0;
    /// SLO limits for the time-weighted attainment of the windowed-mean latencies (spec §10).
    double sloTtftMs = SloLimits::kDefaultTtftMs;
    double sloItlMs = SloLimits::kDefaultItlMs;
    /// A replica change reversing the previous one less than this later is a reversal (§9).
    double reversalWindowSeconds = 120;
    /// A metric ratio v/target above this is a breach; at or below it, relief (HPA tolerance).
    double breachRatio = 1.1;

    /// "hpa-ideal" / "hpa-reachable", as the command line and the JSON spell them.
    static std::string_view demandKey(DemandVariant variant)
    {
        return variant == DemandVariant::HpaReachable ? "hpa-reachable" : "hpa-ideal";
    }
    /// The variant with this key, or nullopt.
    static std::optional<DemandVariant> demandFromKey(std::string_view key)
    {
        if (key == "hpa-ideal")
            return DemandVariant::HpaIdeal;
        if (key == "hpa-reachable")
            return DemandVariant::HpaReachable;
        return std::nullopt;
    }
};

} // namespace hpa::core
