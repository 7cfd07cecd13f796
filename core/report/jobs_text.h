#pragma once

#include "core/analysis/experiment_summary.h"

#include <string>

namespace hpa::core {

/// The JOBS and CLIENT LATENCY sections of `hpa-lens summary`.
class JobsText
{
public:
    /// Empty when the experiment has no job logs.
    static std::string render(const ExperimentSummary &summary);
};

} // namespace hpa::core
