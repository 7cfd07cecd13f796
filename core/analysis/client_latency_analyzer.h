#pragma once

#include "core/analysis/job_summary.h"
#include "core/model/experiment.h"
#include "core/model/slo_limits.h"

#include <vector>

namespace hpa::core {

/// What the users of the service saw, from the `vllm bench serve` result blocks.
class ClientLatencyAnalyzer
{
public:
    /// Each job with its placement formatted on the experiment clock and its SLO checks.
    static std::vector<JobSummary> jobs(const Experiment &experiment, const SloLimits &slo);
    /// The request-weighted means and worst P99s over `jobs`.
    static ClientLatency summarize(const std::vector<JobSummary> &jobs);
    /// `job`'s median and P99 TTFT and ITL against `slo` (a value equal to the limit is within).
    static JobSloCheck check(const BenchJob &job, const SloLimits &slo);
};

} // namespace hpa::core
