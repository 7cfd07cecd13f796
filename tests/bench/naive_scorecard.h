#pragma once

#include "core/analysis/hpa_limits.h"
#include "core/model/metrics_table.h"

#include <cstddef>

namespace hpa::bench {

/// The baseline scorecard: the spec's formulas as written, one KPI per loop over per-sample
/// vectors (median by a full sort, demand and coverage materialised, episodes found by scanning
/// forward from each breach), the way a notebook would do it.
class NaiveScorecard
{
public:
    struct Result
    {
        double coveredS = 0, underAccuracyPct = 0, overAccuracyPct = 0, instabilityPct = 0;
        std::size_t reversals = 0, episodes = 0, caughtUp = 0;
    };

    static Result compute(const core::MetricsTable &table, const core::HpaLimits &limits);
};

} // namespace hpa::bench
