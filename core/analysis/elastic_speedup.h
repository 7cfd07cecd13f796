#pragma once

#include "core/analysis/scorecard.h"

#include <optional>

namespace hpa::core {

/// Elastic speedup (elasticity-kpis.md §5, Ilyushkin et al. 2018): how much better a replica
/// curve follows the demand than a baseline, both scored by the scorecard against the same
/// demand.
class ElasticSpeedup
{
public:
    /// The geometric mean of base/k over theta_U %, theta_O %, tau_U and tau_O, each floored at
    /// 0.01 (the spec's convention against 0/0 and x/0); > 1 means `k` is better. nullopt when
    /// one of the eight values is unknown.
    static std::optional<double> of(const Scorecard &base, const Scorecard &k);
};

} // namespace hpa::core
