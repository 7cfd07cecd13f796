#pragma once

#include "core/analysis/comparison.h"
#include "core/analysis/experiment_summary.h"
#include "core/analysis/hpa_replay_report.h"
#include "core/model/experiment.h"
#include "core/model/resolved_hpa_spec.h"

#include <string>
#include <vector>

namespace hpa::core {

/// One run of a report. The pointers are borrowed for the time of ReportHtml::render.
struct ReportRun
{
    std::string label;                          ///< "A" or "B" when comparing, else empty
    const ExperimentSummary *summary = nullptr; ///< required
    const Experiment *experiment = nullptr;     ///< for the scaling events; may be null
    /// The HPA as HPA Lens understands it (HpaSpecLoader::resolve); null when not resolved.
    const ResolvedHpaSpec *hpa = nullptr;
};

/// Everything a one-file report of a run (or of two runs) shows. Built by the report command
/// and File > Export Report from loaded experiments; rendered by ReportHtml.
struct ReportInput
{
    std::vector<ReportRun> runs;                      ///< one, or A then B
    const ExperimentComparison *comparison = nullptr; ///< with two runs
    /// The replay of run A under --hpa (self-check and what-ifs); null without --hpa.
    const HpaReplayReport *replay = nullptr;
    std::string replayHpaFile; ///< the --hpa file as given
    /// The chart figure as SVG markup (an <svg> element, no XML declaration); empty when there
    /// is no figure, then `figureNote` says why.
    std::string figureSvg;
    std::string figureNote;
    std::string figureCaption; ///< what the figure shows (title, time range, axis)
    std::string generatedAt;   ///< "2026-11-29 21:30 UTC"
    std::string generator;     ///< "HPA Lens 0.4.0"
};

} // namespace hpa::core
