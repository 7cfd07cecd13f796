#pragma once

#include "core/analysis/hpa_self_check.h"
#include "core/analysis/hpa_what_if.h"
#include "core/model/experiment.h"
#include "core/model/resolved_hpa_spec.h"
#include "core/plot/step_curve.h"

#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace hpa::ui {

/// The replay state of the open experiment for the What-if panel and the Sweep view: the spec
/// used (a manifest the user loaded, else what the folder tells, else defaults), the open-loop
/// self-check, and closed-loop what-ifs replayed off the GUI thread. An edit while a replay
/// runs waits for it and then only the latest edit runs, so typing never queues work.
class WhatIfSession : public QObject
{
    Q_OBJECT
public:
    /// What every what-if of the open experiment shares (built on a worker thread).
    struct Prepared
    {
        std::shared_ptr<const core::Experiment> experiment; ///< keeps the table alive
        core::ResolvedHpaSpec spec;
        std::string problem; ///< nothing can be replayed (no replicas column, ...)
        core::HpaSelfCheck selfCheck;
        std::size_t syncs = 0, skippedSyncs = 0;
        std::shared_ptr<const core::HpaWhatIf::Baseline> baseline;
    };
    /// One what-if as the panel and the chart show it.
    struct Result
    {
        core::HpaWhatIf::Outcome outcome; ///< settings, scorecard, elastic speedup
        core::StepCurve desired;          ///< the replayed desired count, as steps
        double milliseconds = 0;          ///< replay + scorecard
    };
    struct Sweep
    {
        std::vector<core::HpaWhatIf::Outcome> outcomes; ///< in the order asked
        double milliseconds = 0;
    };

    explicit WhatIfSession(QObject *parent = nullptr);
    ~WhatIfSession() override;

    /// Resolves the spec of `experiment` (with the manifest loaded before, if any) and replays
    /// the self-check and the spec as loaded in the background.
    void setExperiment(std::shared_ptr<const core::Experiment> experiment);
    void clear();
    /// Uses the HorizontalPodAutoscaler in `path` for the open experiment. On a bad file,
    /// returns "FILE:LINE: problem" and changes nothing; empty on success.
    QString loadManifest(const QString &path);
    QString manifestPath() const { return m_manifest; }
    /// Replays `settings` (edits of the spec used) in the background; results come with
    /// whatIfReady(). Before the spec is prepared, the latest edit waits for it.
    void edit(const core::HpaWhatIfSettings &settings);
    /// Replays and scores every combination over all cores in the background (sweepReady()).
    void runSweep(std::vector<core::HpaWhatIfSettings> combinations);
    /// Blocks until nothing runs or waits (tests, --screenshot).
    void waitForIdle();

    const Prepared *prepared() const { return m_prepared.get(); }
    std::shared_ptr<const Result> current() const { return m_current; }
    std::shared_ptr<const Sweep> sweep() const { return m_sweep; }

signals:
    /// The spec and self-check of a new experiment or manifest are ready (or failed).
    void preparedChanged();
    void whatIfReady();
    void sweepReady();
    void cleared();

private:
    void startPrepare();
    void startEdit();
    void startSweep();
    void onPrepared();
    void onEdited();
    void onSwept();

    std::shared_ptr<const core::Experiment> m_experiment;
    QString m_manifest;
    int m_generation = 0; ///< results of an older experiment or spec are dropped
    std::shared_ptr<const Prepared> m_prepared;
    std::shared_ptr<const Result> m_current;
    std::shared_ptr<const Sweep> m_sweep;
    std::optional<core::HpaWhatIfSettings> m_pendingEdit;
    std::optional<std::vector<core::HpaWhatIfSettings>> m_pendingSweep;
    QFutureWatcher<std::shared_ptr<const Prepared>> m_prepareWatcher;
    QFutureWatcher<std::shared_ptr<const Result>> m_editWatcher;
    QFutureWatcher<std::shared_ptr<const Sweep>> m_sweepWatcher;
    int m_prepareGeneration = 0, m_editGeneration = 0, m_sweepGeneration = 0;
    /// Set when a job starts, cleared by its handler (the result has been taken).
    bool m_prepareBusy = false, m_editBusy = false, m_sweepBusy = false;
};

} // namespace hpa::ui
