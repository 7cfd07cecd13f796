#pragma once

#include "core/model/metrics_table.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace hpa::core {

/// How good a model-based autoscaler's performance model was: its predicted TTFT / ITL against
/// what was then observed. A prediction made at sample i is for the allocation it chose
/// (predicted_replicas); it is scored against the observation at sample i+1 when that
/// allocation was running then (replicas[i+1] == predicted_replicas[i]) and the observed
/// latency was collected there (> 0). Other predictions are not scored, and `pairs` says how
/// many were.
struct PredictionError
{
    std::string series;            ///< "ttft_ms" or "itl_ms"
    std::size_t pairs = 0;         ///< predictions scored
    std::size_t predictions = 0;   ///< predictions made
    std::optional<double> mapePct; ///< mean |predicted - observed| / observed, in percent
    std::optional<double> biasMs;  ///< mean (predicted - observed): < 0 = it predicted too low
};

class PredictionErrors
{
public:
    /// One entry per latency with a `predicted_` series in `table` (none for an HPA run).
    static std::vector<PredictionError> compute(const MetricsTable &table);
};

} // namespace hpa::core
