#include "ui/report_content.h"

#include "core/analysis/experiment_analyzer.h"
#include "core/load/hpa_spec_loader.h"

#include <utility>

namespace hpa::ui {

ReportContent::Run ReportContent::makeRun(std::shared_ptr<const LoadedExperiment> loaded,
                                          const std::optional<core::ScorecardSettings> &settings)
{
    Run run;
    run.summary = settings ? core::ExperimentAnalyzer::summarize(*loaded->experiment, *settings)
                           : loaded->summary;
    // The spec the run was recorded with (scaling.log, the folder's config, or Kubernetes
    // defaults, each part marked): its HPA configuration section.
    if (!loaded->experiment->benchOnly)
        run.hpa = core::HpaSpecLoader::resolve(*loaded->experiment, std::nullopt).resolved;
    run.loaded = std::move(loaded);
    return run;
}

ReportContent::ReportContent(std::shared_ptr<const LoadedExperiment> a,
                             std::shared_ptr<const LoadedExperiment> b,
                             const std::optional<core::ScorecardSettings> &settings)
    : m_a(makeRun(std::move(a), settings))
{
    if (b) {
        m_b = makeRun(std::move(b), settings);
        m_comparison = std::make_unique<core::ExperimentComparison>(m_a.summary, m_b->summary);
    }
}

std::string ReportContent::addReplay(const std::string &hpaFile)
{
    const core::Experiment &experiment = *m_a.loaded->experiment;
    const auto resolved = core::HpaSpecLoader::resolve(experiment, hpaFile);
    if (!resolved.resolved) {
        const core::LoadWarning &e = *resolved.error;
        // Some messages already start with the file's name.
        if (e.message.rfind(e.file, 0) == 0)
            return e.message;
        // Appended piece by piece: ":" + std::string&& trips GCC 12's -Wrestrict at -O3.
        std::string problem = e.file;
        if (e.line > 0)
            problem.append(1, ':').append(std::to_string(e.line));
        return problem.append(": ").append(e.message);
    }
    // The HPA configuration section of run A shows the spec the replay used.
    m_a.hpa = *resolved.resolved;
    m_replay = std::make_unique<core::HpaReplayReport>(
        core::HpaReplayReport::build(experiment.metrics, *resolved.resolved, {}));
    m_hpaFile = hpaFile;
    return {};
}

core::ReportInput ReportContent::input() const
{
    core::ReportInput in;
    const auto run = [](const Run &r, std::string label) {
        return core::ReportRun{std::move(label), &r.summary, r.loaded->experiment.get(),
                               r.hpa ? &*r.hpa : nullptr};
    };
    in.runs.push_back(run(m_a, m_b ? "A" : ""));
    if (m_b)
        in.runs.push_back(run(*m_b, "B"));
    in.comparison = m_comparison.get();
    in.replay = m_replay.get();
    in.replayHpaFile = m_hpaFile;
    return in;
}

} // namespace hpa::ui
