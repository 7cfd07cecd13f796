#include "ui/whatif_session.h"

#include "core/analysis/hpa_replay.h"
#include "core/analysis/hpa_replay_report.h"
#include "core/load/hpa_spec_loader.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QtConcurrent/QtConcurrentRun>

namespace hpa::ui {

namespace {

std::shared_ptr<const WhatIfSession::Prepared>
prepare(std::shared_ptr<const core::Experiment> experiment, core::ResolvedHpaSpec spec)
{
    auto p = std::make_shared<WhatIfSession::Prepared>();
    p->experiment = std::move(experiment);
    p->spec = std::move(spec);
    const core::MetricsTable &table = p->experiment->metrics;
    const core::HpaReplay::Result open = core::HpaReplay::run(table, p->spec.spec, {});
    p->problem = open.problem;
    p->syncs = open.syncs;
    p->skippedSyncs = open.skippedSyncs;
    if (!open.problem.empty())
        return p;
    p->selfCheck = core::HpaSelfCheck::compare(table, open.desired, open.gapThresholdSeconds,
                                               core::HpaReplayReport::warmupSeconds(p->spec.spec));
    p->baseline = std::make_shared<const core::HpaWhatIf::Baseline>(
        core::HpaWhatIf::baseline(table, p->spec.spec, 0));
    return p;
}

} // namespace

WhatIfSession::WhatIfSession(QObject *parent) : QObject(parent)
{
    connect(&m_prepareWatcher, &QFutureWatcherBase::finished, this, &WhatIfSession::onPrepared);
    connect(&m_editWatcher, &QFutureWatcherBase::finished, this, &WhatIfSession::onEdited);
    connect(&m_sweepWatcher, &QFutureWatcherBase::finished, this, &WhatIfSession::onSwept);
}

WhatIfSession::~WhatIfSession()
{
    // The workers read the experiment the prepared state keeps alive; let them end first.
    m_prepareWatcher.waitForFinished();
    m_editWatcher.waitForFinished();
    m_sweepWatcher.waitForFinished();
}

void WhatIfSession::setExperiment(std::shared_ptr<const core::Experiment> experiment)
{
    m_experiment = std::move(experiment);
    m_manifest.clear();
    m_current.reset();
    m_sweep.reset();
    m_pendingSweep.reset();
    m_pendingEdit = core::HpaWhatIfSettings{};
    startPrepare();
}

void WhatIfSession::clear()
{
    ++m_generation;
    m_experiment.reset();
    m_manifest.clear();
    m_prepared.reset();
    m_current.reset();
    m_sweep.reset();
    m_pendingEdit.reset();
    m_pendingSweep.reset();
    emit cleared();
}

QString WhatIfSession::loadManifest(const QString &path)
{
    if (!m_experiment)
        return tr("%1: open an experiment first: the manifest is replayed over its samples")
            .arg(path);
    // Parsed here, before anything changes, so a bad file leaves the session as it was.
    const auto result = core::HpaSpecLoader::resolve(*m_experiment, path.toStdString());
    if (!result.resolved) {
        const core::LoadWarning &e = *result.error;
        QString where = QString::fromStdString(e.file);
        if (e.line > 0)
            where += QStringLiteral(":%1").arg(e.line);
        return where + QStringLiteral(": ") + QString::fromStdString(e.message);
    }
    m_manifest = path;
    m_current.reset();
    m_sweep.reset();
    m_pendingEdit = core::HpaWhatIfSettings{};
    startPrepare();
    return {};
}

void WhatIfSession::startPrepare()
{
    ++m_generation;
    m_prepared.reset();
    if (!m_experiment)
        return;
    const std::optional<std::string> manifest =
        m_manifest.isEmpty() ? std::nullopt : std::optional(m_manifest.toStdString());
    auto resolved = core::HpaSpecLoader::resolve(*m_experiment, manifest);
    if (!resolved.resolved) {
        // A manifest that was fine when loaded and is broken now: fall back to the folder.
        m_manifest.clear();
        resolved = core::HpaSpecLoader::resolve(*m_experiment, std::nullopt);
        if (!resolved.resolved)
            return;
    }
    if (m_prepareWatcher.isRunning()) {
        // onPrepared() sees the old generation and starts again.
        return;
    }
    m_prepareGeneration = m_generation;
    m_prepareBusy = true;
    m_prepareWatcher.setFuture(
        QtConcurrent::run(prepare, m_experiment, std::move(*resolved.resolved)));
}

void WhatIfSession::onPrepared()
{
    m_prepareBusy = false;
    auto p = m_prepareWatcher.result();
    if (m_prepareGeneration != m_generation) {
        startPrepare();
        return;
    }
    m_prepared = std::move(p);
    emit preparedChanged();
    if (m_pendingEdit)
        startEdit();
    if (m_pendingSweep)
        startSweep();
}

void WhatIfSession::edit(const core::HpaWhatIfSettings &settings)
{
    m_pendingEdit = settings;
    startEdit();
}

void WhatIfSession::startEdit()
{
    if (!m_pendingEdit || !m_prepared || !m_prepared->baseline || m_editWatcher.isRunning())
        return;
    const core::HpaWhatIfSettings settings = std::move(*m_pendingEdit);
    m_pendingEdit.reset();
    m_editGeneration = m_generation;
    m_editBusy = true;
    m_editWatcher.setFuture(QtConcurrent::run([prepared = m_prepared,
                                               settings]() -> std::shared_ptr<const Result> {
        QElapsedTimer timer;
        timer.start();
        auto r = std::make_shared<Result>();
        r->outcome =
            core::HpaWhatIf::run(*prepared->baseline, settings, core::HpaWhatIf::Series::Desired);
        r->desired = core::StepCurve::of(prepared->experiment->metrics.time(), r->outcome.desired);
        // The chart needs the steps only: a million-row curve is not kept twice.
        r->outcome.desired = {};
        r->milliseconds = static_cast<double>(timer.nsecsElapsed()) / 1e6;
        return r;
    }));
}

void WhatIfSession::onEdited()
{
    m_editBusy = false;
    auto r = m_editWatcher.result();
    if (m_editGeneration == m_generation) {
        // A newer edit supersedes this one: show only the latest.
        if (!m_pendingEdit) {
            m_current = std::move(r);
            emit whatIfReady();
        }
    }
    startEdit();
}

void WhatIfSession::runSweep(std::vector<core::HpaWhatIfSettings> combinations)
{
    m_pendingSweep = std::move(combinations);
    startSweep();
}

void WhatIfSession::startSweep()
{
    if (!m_pendingSweep || !m_prepared || !m_prepared->baseline || m_sweepWatcher.isRunning())
        return;
    std::vector<core::HpaWhatIfSettings> combos = std::move(*m_pendingSweep);
    m_pendingSweep.reset();
    m_sweepGeneration = m_generation;
    m_sweepBusy = true;
    m_sweepWatcher.setFuture(QtConcurrent::run(
        [prepared = m_prepared, combos = std::move(combos)]() -> std::shared_ptr<const Sweep> {
            QElapsedTimer timer;
            timer.start();
            auto s = std::make_shared<Sweep>();
            s->outcomes =
                core::HpaWhatIf::runAll(*prepared->baseline, combos, core::HpaWhatIf::Series::None);
            s->milliseconds = static_cast<double>(timer.nsecsElapsed()) / 1e6;
            return s;
        }));
}

void WhatIfSession::onSwept()
{
    m_sweepBusy = false;
    auto s = m_sweepWatcher.result();
    if (m_sweepGeneration == m_generation && !m_pendingSweep) {
        m_sweep = std::move(s);
        emit sweepReady();
    }
    startSweep();
}

void WhatIfSession::waitForIdle()
{
    // A job that has finished may not have delivered its result yet (queued): wait for the
    // handlers, not only the threads.
    const auto busy = [this] {
        const bool waiting =
            (m_pendingEdit || m_pendingSweep) && m_prepared && m_prepared->baseline;
        return m_prepareBusy || m_editBusy || m_sweepBusy || waiting;
    };
    while (busy()) {
        m_prepareWatcher.waitForFinished();
        m_editWatcher.waitForFinished();
        m_sweepWatcher.waitForFinished();
        QCoreApplication::processEvents();
    }
}

} // namespace hpa::ui
