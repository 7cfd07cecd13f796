#pragma once

#include "core/analysis/hpa_limits.h"
#include "core/model/metrics_table.h"

#include <cstddef>
#include <vector>

namespace hpa::bench {

/// The baseline of View → Show Required Replicas: the demand formula (D1, n = replicas) per
/// sample through per-sample ratio vectors, then one shaded rectangle per interval, none merged
/// (what a notebook's fill_between would be handed).
class NaiveDemandOverlay
{
public:
    struct Result
    {
        std::vector<double> demand;
        std::size_t underIntervals = 0, overIntervals = 0;
    };

    static Result compute(const core::MetricsTable &table, const core::HpaLimits &limits);
};

} // namespace hpa::bench
