#include "ui/load_controller.h"

#include "core/analysis/experiment_analyzer.h"
#include "core/load/experiment_loader.h"

#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

namespace hpa::ui {

LoadController::LoadController(QObject *parent) : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcherBase::progressValueChanged, this,
            [this](int value) { emit progress(value, m_watcher.progressText()); });
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &LoadController::finish);
}

LoadController::~LoadController()
{
    cancel();
    m_watcher.waitForFinished();
}

bool LoadController::isRunning() const
{
    return m_watcher.isRunning();
}

void LoadController::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

void LoadController::waitForFinished()
{
    m_watcher.waitForFinished();
    // Deliver the finished signal now rather than on the next event loop turn.
    if (m_cancel)
        finish();
}

LoadedExperiment LoadController::loadNow(const QString &dir,
                                         std::optional<core::KvCacheUnit> kvUnit,
                                         core::WaitingUnit waitingUnit,
                                         const std::string &wvaVariant)
{
    core::ExperimentLoader::Options options;
    options.kvUnit = kvUnit;
    options.waitingUnit = waitingUnit;
    options.wvaVariant = wvaVariant;
    auto experiment = std::make_shared<core::Experiment>(
        core::ExperimentLoader::load(dir.toStdString(), options));
    LoadedExperiment result;
    result.summary = core::ExperimentAnalyzer::summarize(*experiment);
    result.experiment = std::move(experiment);
    return result;
}

void LoadController::load(const QString &dir, std::optional<core::KvCacheUnit> kvUnit,
                          core::WaitingUnit waitingUnit, const std::string &wvaVariant)
{
    if (isRunning()) {
        cancel();
        m_watcher.waitForFinished();
        m_cancel.reset();
    }
    m_dir = dir;
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    emit started(dir);
    auto cancelFlag = m_cancel;
    const std::string path = dir.toStdString();
    m_watcher.setFuture(QtConcurrent::run(
        [path, kvUnit, waitingUnit, wvaVariant, cancelFlag](QPromise<Outcome> &promise) {
            promise.setProgressRange(0, 1000);
            Outcome outcome;
            try {
                core::ExperimentLoader::Options options;
                options.kvUnit = kvUnit;
                options.waitingUnit = waitingUnit;
                options.wvaVariant = wvaVariant;
                options.cancel = cancelFlag.get();
                options.progress = [&promise](double fraction, std::string_view step) {
                    promise.setProgressValueAndText(static_cast<int>(fraction * 900),
                                                    QString::fromUtf8(step.data(), step.size()));
                };
                auto experiment =
                    std::make_shared<core::Experiment>(core::ExperimentLoader::load(path, options));
                promise.setProgressValueAndText(920, QStringLiteral("Computing statistics"));
                auto loaded = std::make_shared<LoadedExperiment>();
                loaded->summary = core::ExperimentAnalyzer::summarize(*experiment);
                loaded->experiment = std::move(experiment);
                outcome.result = std::move(loaded);
                promise.setProgressValueAndText(1000, QStringLiteral("Done"));
            } catch (const core::LoadCancelled &) {
                outcome.cancelled = true;
            } catch (const std::exception &e) {
                outcome.error = QString::fromUtf8(e.what());
            }
            promise.addResult(std::move(outcome));
        }));
}

void LoadController::finish()
{
    if (!m_cancel)
        return;
    m_cancel.reset();
    const QFuture<Outcome> future = m_watcher.future();
    if (future.resultCount() == 0) {
        emit cancelled(m_dir);
        return;
    }
    const Outcome outcome = future.result();
    if (outcome.cancelled)
        emit cancelled(m_dir);
    else if (outcome.result)
        emit loaded(m_dir, outcome.result);
    else
        emit failed(m_dir, outcome.error);
}

} // namespace hpa::ui
