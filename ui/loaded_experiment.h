#pragma once

#include "core/analysis/experiment_summary.h"
#include "core/model/experiment.h"

#include <cstddef>
#include <memory>

namespace hpa::ui {

/// An experiment read in the background together with its summary, shared read-only by every
/// view (charts, tables, docks).
struct LoadedExperiment
{
    std::shared_ptr<const core::Experiment> experiment;
    core::ExperimentSummary summary;
    /// Rows this experiment shares unchanged with the one shown before it (a followed run
    /// that grew at the end: ExperimentFollower::Update::rowsBefore); 0 when it was read
    /// anew. Views extend what they built for those rows instead of rebuilding it.
    std::size_t unchangedRows = 0;
};

} // namespace hpa::ui
