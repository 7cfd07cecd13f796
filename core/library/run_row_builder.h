#pragma once

#include "core/analysis/experiment_summary.h"
#include "core/library/run_row.h"

namespace hpa::core {

/// The library row of a summarised experiment.
class RunRowBuilder
{
public:
    /// Copies what the library shows from `summary`; what the run did not collect stays
    /// unknown (a run without replicas has no replica-hours, not 0).
    static RunRow fromSummary(const ExperimentSummary &summary);
};

} // namespace hpa::core
