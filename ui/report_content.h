#pragma once

#include "core/analysis/comparison.h"
#include "core/analysis/hpa_replay_report.h"
#include "core/analysis/scorecard_settings.h"
#include "core/model/resolved_hpa_spec.h"
#include "core/report/report_input.h"
#include "ui/loaded_experiment.h"

#include <memory>
#include <optional>
#include <string>

namespace hpa::ui {

/// What a report says about loaded runs, computed once and kept together so the ReportInput
/// it hands out can point into it: the summaries (recomputed under other scorecard settings
/// when asked), the comparison, each run's HPA spec as HpaSpecLoader resolves it, and the
/// replay under a user's manifest. Used by `hpa-lens report` and File > Export Report.
class ReportContent
{
public:
    /// `b` may be null. With `settings`, the summaries are recomputed under them (--slo-ttft,
    /// ...); without, the loaded summaries are used as the window shows them.
    ReportContent(std::shared_ptr<const LoadedExperiment> a,
                  std::shared_ptr<const LoadedExperiment> b,
                  const std::optional<core::ScorecardSettings> &settings = std::nullopt);
    ReportContent(const ReportContent &) = delete;
    ReportContent &operator=(const ReportContent &) = delete;

    /// Replays run A under the HPA manifest `hpaFile` (self-check and the spec as loaded as
    /// the first what-if). Empty on success, else the problem ("FILE:LINE: message").
    std::string addReplay(const std::string &hpaFile);

    /// The report's input without the figure (ReportWriter adds it).
    core::ReportInput input() const;

private:
    struct Run
    {
        std::shared_ptr<const LoadedExperiment> loaded;
        core::ExperimentSummary summary;
        std::optional<core::ResolvedHpaSpec> hpa;
    };
    static Run makeRun(std::shared_ptr<const LoadedExperiment> loaded,
                       const std::optional<core::ScorecardSettings> &settings);

    Run m_a;
    std::optional<Run> m_b;
    std::unique_ptr<core::ExperimentComparison> m_comparison;
    std::unique_ptr<core::HpaReplayReport> m_replay;
    std::string m_hpaFile;
};

} // namespace hpa::ui
