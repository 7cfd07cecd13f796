#include "ui/scorecard_runner.h"

#include "core/analysis/scorecard_calculator.h"

#include <QtConcurrent/QtConcurrentRun>

namespace hpa::ui {

ScorecardRunner::ScorecardRunner(QObject *parent) : QObject(parent) {}

ScorecardRunner::~ScorecardRunner()
{
    // The workers hold only shared data; waiting keeps their results from outliving us.
    for (Watcher *watcher : std::as_const(m_watchers)) {
        watcher->disconnect(this);
        watcher->waitForFinished();
        delete watcher;
    }
}

std::shared_ptr<const ScorecardResult>
ScorecardRunner::computeNow(const QVector<std::shared_ptr<const core::Experiment>> &runs,
                            const core::ScorecardSettings &settings)
{
    auto result = std::make_shared<ScorecardResult>();
    result->settings = settings;
    for (const std::shared_ptr<const core::Experiment> &run : runs) {
        if (!run)
            continue;
        ScorecardRun out;
        out.experiment = run;
        out.scorecard = core::ScorecardCalculator::compute(*run, settings);
        out.demand = DemandCurve::build(run, settings);
        result->runs.push_back(std::move(out));
    }
    return result;
}

void ScorecardRunner::request(const QVector<std::shared_ptr<const core::Experiment>> &runs,
                              const core::ScorecardSettings &settings)
{
    const std::uint64_t generation = ++m_generation;
    auto *watcher = new Watcher(this);
    m_watchers << watcher;
    connect(watcher, &Watcher::finished, this, [this, watcher] { deliver(watcher); });
    watcher->setFuture(QtConcurrent::run([runs, settings, generation] {
        auto result = std::const_pointer_cast<ScorecardResult>(computeNow(runs, settings));
        result->generation = generation;
        return std::shared_ptr<const ScorecardResult>(std::move(result));
    }));
}

void ScorecardRunner::cancel()
{
    ++m_generation;
}

void ScorecardRunner::deliver(Watcher *watcher)
{
    if (!m_watchers.removeOne(watcher))
        return; // delivered already (waitForFinished)
    watcher->deleteLater();
    const QFuture<std::shared_ptr<const ScorecardResult>> future = watcher->future();
    if (future.resultCount() == 0)
        return;
    std::shared_ptr<const ScorecardResult> result = future.result();
    if (!result || result->generation != m_generation) {
        ++m_dropped;
        return;
    }
    emit computed(std::move(result));
}

void ScorecardRunner::waitForFinished()
{
    while (!m_watchers.isEmpty()) {
        Watcher *watcher = m_watchers.front();
        watcher->waitForFinished();
        deliver(watcher);
    }
}

} // namespace hpa::ui
