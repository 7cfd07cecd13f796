#pragma once

#include "core/analysis/scorecard.h"
#include "core/model/experiment.h"
#include "ui/charts/demand_curve.h"

#include <QFutureWatcher>
#include <QList>
#include <QObject>
#include <QVector>

#include <cstdint>
#include <memory>
#include <vector>

namespace hpa::ui {

/// The scorecard and the demand curve of one run under one set of settings.
struct ScorecardRun
{
    std::shared_ptr<const core::Experiment> experiment;
    core::Scorecard scorecard;
    std::shared_ptr<const DemandCurve> demand;
};

/// What one request computed: a scorecard and a demand curve per run, in the order asked.
struct ScorecardResult
{
    core::ScorecardSettings settings;
    std::vector<ScorecardRun> runs;
    std::uint64_t generation = 0;
};

/// Computes scorecards and demand curves off the GUI thread (QtConcurrent): a million-row run
/// costs tens of milliseconds, which a spin box edited by keyboard repeats per keystroke. Only
/// the newest request's result is announced; results of older requests still running when a
/// new one came are dropped, so a slow old computation never overwrites a newer one.
class ScorecardRunner : public QObject
{
    Q_OBJECT
public:
    explicit ScorecardRunner(QObject *parent = nullptr);
    ~ScorecardRunner() override;

    /// Starts computing `runs` under `settings`; supersedes every earlier request.
    void request(const QVector<std::shared_ptr<const core::Experiment>> &runs,
                 const core::ScorecardSettings &settings);
    /// Supersedes every request without a new one (nothing will be announced).
    void cancel();
    /// Blocks until every request has finished and the newest one's result was announced
    /// (tests, --screenshot).
    void waitForFinished();
    bool isRunning() const { return !m_watchers.isEmpty(); }
    /// Results computed but dropped because a newer request had come.
    int droppedCount() const { return m_dropped; }

    /// The same computation on the calling thread (command line export).
    static std::shared_ptr<const ScorecardResult>
    computeNow(const QVector<std::shared_ptr<const core::Experiment>> &runs,
               const core::ScorecardSettings &settings);

signals:
    void computed(std::shared_ptr<const hpa::ui::ScorecardResult> result);

private:
    using Watcher = QFutureWatcher<std::shared_ptr<const ScorecardResult>>;
    void deliver(Watcher *watcher);

    QList<Watcher *> m_watchers;
    std::uint64_t m_generation = 0;
    int m_dropped = 0;
};

} // namespace hpa::ui
