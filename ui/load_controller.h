#pragma once

#include "core/model/kv_cache_unit.h"
#include "core/model/waiting_unit.h"
#include "ui/loaded_experiment.h"

#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>
#include <optional>
#include <string>

namespace hpa::ui {

/// Loads and analyses an experiment on a worker thread (QtConcurrent), reporting progress and
/// honouring Cancel, so the window never freezes.
class LoadController : public QObject
{
    Q_OBJECT
public:
    explicit LoadController(QObject *parent = nullptr);
    ~LoadController() override;

    /// Starts loading `dir`; a load already running is cancelled first. `wvaVariant`: the
    /// variant of a WVA run with several (empty: the loader's default).
    void load(const QString &dir, std::optional<core::KvCacheUnit> kvUnit = std::nullopt,
              core::WaitingUnit waitingUnit = core::WaitingUnit::Auto,
              const std::string &wvaVariant = {});
    void cancel();
    bool isRunning() const;
    /// Blocks until the current load ends (tests and --screenshot).
    void waitForFinished();

    /// Loads synchronously on the calling thread (command line, tests).
    static LoadedExperiment loadNow(const QString &dir,
                                    std::optional<core::KvCacheUnit> kvUnit = std::nullopt,
                                    core::WaitingUnit waitingUnit = core::WaitingUnit::Auto,
                                    const std::string &wvaVariant = {});

signals:
    void started(const QString &dir);
    /// Progress in per mille with a description of the step.
    void progress(int perMille, const QString &step);
    void loaded(const QString &dir, std::shared_ptr<const LoadedExperiment> result);
    void failed(const QString &dir, const QString &message);
    void cancelled(const QString &dir);

private:
    struct Outcome
    {
        std::shared_ptr<const LoadedExperiment> result;
        QString error;
        bool cancelled = false;
    };

    void finish();

    QFutureWatcher<Outcome> m_watcher;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    QString m_dir;
};

} // namespace hpa::ui
