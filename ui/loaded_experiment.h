#pragma once

#include "core/analysis/experiment_summary.h"
#include "core/model/experiment.h"

#include <memory>

namespace hpa::ui {

/// An experiment read in the background together with its summary, shared read-only by every
/// view (charts, tables, docks).
struct LoadedExperiment
{
    std::shared_ptr<const core::Experiment> experiment;
    core::ExperimentSummary summary;
};

} // namespace hpa::ui
