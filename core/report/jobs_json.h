#pragma once

#include "core/analysis/experiment_summary.h"

#include <nlohmann/json.hpp>

namespace hpa::core {

/// The `"jobs"` and `"client_latency"` members of `hpa-lens summary --json`.
class JobsJson
{
public:
    /// One object per job: name, pod, placed, placement, start, end, config, result, slo.
    static nlohmann::ordered_json jobs(const ExperimentSummary &summary);
    /// Request-weighted means, worst P99s and the SLO tally over the jobs.
    static nlohmann::ordered_json clientLatency(const ExperimentSummary &summary);
    /// A Namespace value: a number when it reads as one, null for None, else the text.
    static nlohmann::ordered_json configValue(const std::string &text);
};

} // namespace hpa::core
