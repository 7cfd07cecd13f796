#pragma once

#include "core/model/kv_cache_unit.h"
#include "core/model/waiting_unit.h"
#include "ui/loaded_experiment.h"

#include <QElapsedTimer>
#include <QFileSystemWatcher>
#include <QFutureWatcher>
#include <QLabel>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

#include <memory>
#include <optional>
#include <string>

class QAction;
class QActionGroup;

namespace hpa::core {
class ExperimentFollower;
}

namespace hpa::ui {
class AppSettings;
class ExperimentWorkspace;
class FollowMode;
} // namespace hpa::ui

namespace hpa::app {

/// Follows the open run while its monitor writes it: watches the folder (QFileSystemWatcher,
/// with a polling timer for file systems that do not notify), reads what was appended on a
/// worker thread (core::ExperimentFollower), hands the grown run to the workspace without a
/// reset and slides the charts while following (ui::FollowMode). Owns the Follow action (End),
/// the follow-width actions and the status-bar label ("live", time since the last row,
/// "stalled" after 3 x the sample interval without one).
class FollowController : public QObject
{
    Q_OBJECT
public:
    /// How often the files are looked at when no change notification came.
    static constexpr int kPollMilliseconds = 2000;

    /// The follow width is read from and saved to `settings` (the user's choice is kept).
    FollowController(ui::ExperimentWorkspace *workspace, ui::AppSettings *settings,
                     QObject *parent = nullptr);
    ~FollowController() override;

    QAction *followAction() const { return m_followAction; }
    QAction *wholeRunAction() const { return m_wholeRunAction; }
    QAction *lastMinutesAction() const { return m_lastMinutesAction; }
    QLabel *statusLabel() const { return m_label; }
    ui::FollowMode *followMode() const { return m_mode; }

    /// Starts watching `dir`, just opened with these units; stops watching the previous run.
    void watch(const QString &dir, std::optional<core::KvCacheUnit> kvUnit,
               core::WaitingUnit waitingUnit);
    /// Stops watching (the run was closed).
    void stopWatching();
    /// True once the run was seen growing.
    bool isLive() const { return m_live; }
    /// Reads what is new now (tests; the timer and the watcher call it too).
    void checkNow();
    /// Blocks until the read under way has finished and been shown (tests).
    void waitForIdle();

signals:
    /// The run grew and the workspace shows it; the docks that take a summary refresh.
    void updated(std::shared_ptr<const ui::LoadedExperiment> result);
    /// A message for the status bar (a file truncated or replaced, a read error).
    void status(const QString &message);

private:
    struct Outcome
    {
        std::shared_ptr<const ui::LoadedExperiment> result;
        bool grew = false;     ///< rows were added
        bool reloaded = false; ///< read again from scratch
        std::string warning;
        std::string error;
        std::shared_ptr<core::ExperimentFollower> follower;
    };

    void createActions();
    void onFilesChanged();
    void onFinished();
    void updateLabel();
    void rewatch();
    bool filesChanged();

    ui::ExperimentWorkspace *m_workspace;
    ui::AppSettings *m_settings;
    ui::FollowMode *m_mode;
    QAction *m_followAction = nullptr;
    QActionGroup *m_widthGroup = nullptr;
    QAction *m_wholeRunAction = nullptr;
    QAction *m_lastMinutesAction = nullptr;
    QPointer<QLabel> m_label; ///< the status bar owns it once it took it

    QFileSystemWatcher m_watcher;
    QTimer m_pollTimer;
    QTimer m_clockTimer;
    QFutureWatcher<Outcome> m_future;
    bool m_again = false;

    QString m_dir;
    std::optional<core::KvCacheUnit> m_kvUnit;
    core::WaitingUnit m_waitingUnit = core::WaitingUnit::Auto;
    std::shared_ptr<core::ExperimentFollower> m_follower;
    std::shared_ptr<const ui::LoadedExperiment> m_current;
    QString m_stamp; ///< sizes and times of the followed files at the last look
    bool m_live = false;
    QElapsedTimer m_sinceRow;
    double m_intervalSeconds = 0;
};

} // namespace hpa::app
