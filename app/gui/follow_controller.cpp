#include "app/gui/follow_controller.h"

#include "core/analysis/experiment_analyzer.h"
#include "core/load/experiment_follower.h"
#include "ui/app_settings.h"
#include "ui/charts/follow_mode.h"
#include "ui/experiment_workspace.h"

#include <QAction>
#include <QActionGroup>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>
#include <exception>

namespace hpa::app {

namespace {

constexpr double kLastMinutesWindow = 600;

/// `42 s`, `3 min 05 s`, `1 h 02 min`.
QString duration(qint64 seconds)
{
    if (seconds < 60)
        return QObject::tr("%1 s").arg(seconds);
    if (seconds < 3600)
        return QObject::tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60, 2, 10, QChar('0'));
    return QObject::tr("%1 h %2 min").arg(seconds / 3600).arg(seconds / 60 % 60, 2, 10, QChar('0'));
}

} // namespace

FollowController::FollowController(ui::ExperimentWorkspace *workspace, ui::AppSettings *settings,
                                   QObject *parent)
    : QObject(parent), m_workspace(workspace), m_settings(settings),
      m_mode(new ui::FollowMode(workspace->timeWindow(), this))
{
    createActions();
    m_label = new QLabel;
    m_label->setObjectName(QStringLiteral("liveStatus"));
    m_label->setVisible(false);
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, &FollowController::onFilesChanged);
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this,
            &FollowController::onFilesChanged);
    // The fallback for file systems that do not notify (network mounts): a cheap look at the
    // files' sizes and times, and a read only when they moved.
    m_pollTimer.setInterval(kPollMilliseconds);
    connect(&m_pollTimer, &QTimer::timeout, this, [this] {
        if (filesChanged())
            checkNow();
    });
    m_clockTimer.setInterval(1000);
    connect(&m_clockTimer, &QTimer::timeout, this, &FollowController::updateLabel);
    connect(&m_future, &QFutureWatcher<Outcome>::finished, this, &FollowController::onFinished);
}

FollowController::~FollowController()
{
    m_future.waitForFinished();
    delete m_label.data(); // null when its parent (the status bar) went first
}

void FollowController::createActions()
{
    m_followAction = new QAction(tr("&Follow Live"), this);
    m_followAction->setCheckable(true);
    m_followAction->setChecked(m_mode->isFollowing());
    m_followAction->setShortcut(QKeySequence(Qt::Key_End));
    m_followAction->setToolTip(
        tr("Keep the newest samples in view while the run is written; zooming into the past "
           "stops following (End)"));
    connect(m_followAction, &QAction::triggered, this, [this](bool on) {
        if (on)
            m_mode->resume();
        else
            m_mode->stop();
    });
    connect(m_mode, &ui::FollowMode::followingChanged, m_followAction, &QAction::setChecked);

    m_widthGroup = new QActionGroup(this);
    m_wholeRunAction = new QAction(tr("Follow the &Whole Run"), m_widthGroup);
    m_wholeRunAction->setToolTip(tr("While following, show everything from the first sample"));
    m_lastMinutesAction = new QAction(tr("Follow the &Last 10 Minutes"), m_widthGroup);
    m_lastMinutesAction->setToolTip(tr("While following, show a 10-minute window that slides"));
    for (QAction *a : m_widthGroup->actions())
        a->setCheckable(true);
    const auto apply = [this](bool wholeRun) {
        m_mode->setWidth(wholeRun ? ui::FollowMode::Width::WholeRun : ui::FollowMode::Width::Window,
                         kLastMinutesWindow);
    };
    const bool wholeRun = m_settings->followWholeRun();
    (wholeRun ? m_wholeRunAction : m_lastMinutesAction)->setChecked(true);
    apply(wholeRun);
    connect(m_widthGroup, &QActionGroup::triggered, this, [this, apply](QAction *a) {
        apply(a == m_wholeRunAction);
        m_settings->setFollowWholeRun(a == m_wholeRunAction);
    });
}

void FollowController::watch(const QString &dir, std::optional<core::KvCacheUnit> kvUnit,
                             core::WaitingUnit waitingUnit)
{
    stopWatching();
    m_dir = QFileInfo(dir).absoluteFilePath();
    if (QFileInfo(m_dir).fileName() == QLatin1String("metrics.csv"))
        m_dir = QFileInfo(m_dir).absolutePath();
    m_kvUnit = kvUnit;
    m_waitingUnit = waitingUnit;
    m_current = m_workspace->loaded();
    rewatch();
    filesChanged(); // the stamp of the files as loaded
    m_pollTimer.start();
}

void FollowController::stopWatching()
{
    m_future.waitForFinished();
    m_pollTimer.stop();
    m_clockTimer.stop();
    if (!m_watcher.files().isEmpty())
        m_watcher.removePaths(m_watcher.files());
    if (!m_watcher.directories().isEmpty())
        m_watcher.removePaths(m_watcher.directories());
    m_follower.reset();
    m_current.reset();
    m_dir.clear();
    m_stamp.clear();
    m_live = false;
    m_again = false;
    m_label->setVisible(false);
}

void FollowController::rewatch()
{
    if (m_dir.isEmpty())
        return;
    // A file replaced by another (new inode) leaves the watcher: watched again each time.
    QStringList paths{m_dir};
    for (const char *name : {"metrics.csv", "scaling-events.log", "scaling.log", "metadata.json"}) {
        const QString path = QDir(m_dir).filePath(QString::fromLatin1(name));
        if (QFileInfo::exists(path))
            paths << path;
    }
    for (const QString &p : paths) {
        if (!m_watcher.files().contains(p) && !m_watcher.directories().contains(p))
            m_watcher.addPath(p);
    }
}

bool FollowController::filesChanged()
{
    QString stamp;
    for (const char *name : {"metrics.csv", "scaling-events.log", "scaling.log", "metadata.json",
                             "events.log", "jobs.log"}) {
        const QFileInfo info(QDir(m_dir).filePath(QString::fromLatin1(name)));
        if (info.exists())
            stamp +=
                QStringLiteral("%1:%2:%3:%4;")
                    .arg(QString::fromLatin1(name))
                    .arg(info.size())
                    .arg(info.lastModified().toMSecsSinceEpoch())
                    .arg(info.fileTime(QFileDevice::FileMetadataChangeTime).toMSecsSinceEpoch());
    }
    const bool changed = stamp != m_stamp;
    m_stamp = stamp;
    return changed;
}

void FollowController::onFilesChanged()
{
    rewatch();
    filesChanged();
    checkNow();
}

void FollowController::checkNow()
{
    if (m_dir.isEmpty())
        return;
    if (m_future.isRunning()) {
        m_again = true;
        return;
    }
    const std::string dir = m_dir.toStdString();
    core::ExperimentLoader::Options options;
    options.kvUnit = m_kvUnit;
    options.waitingUnit = m_waitingUnit;
    const std::size_t shownRows = m_current ? m_current->experiment->metrics.rowCount() : 0;
    m_future.setFuture(QtConcurrent::run([follower = m_follower, dir, options, shownRows] {
        Outcome o;
        try {
            o.follower = follower;
            core::ExperimentFollower::Update update;
            if (!o.follower) {
                // The first growth seen: the follower reads the folder once, then only what
                // is appended.
                o.follower = std::make_shared<core::ExperimentFollower>(dir, options);
                update.kind = core::ExperimentFollower::Update::Kind::Appended;
                update.rowsBefore = shownRows;
                const std::size_t rows = o.follower->experiment()->metrics.rowCount();
                update.rowsAdded = rows > shownRows ? rows - shownRows : 0;
            } else {
                update = o.follower->poll();
            }
            if (update.kind == core::ExperimentFollower::Update::Kind::None)
                return o;
            auto loaded = std::make_shared<ui::LoadedExperiment>();
            loaded->experiment = o.follower->experiment();
            loaded->summary = core::ExperimentAnalyzer::summarize(*loaded->experiment);
            // Rows the shown run has unchanged: the views extend instead of rebuilding.
            if (update.kind == core::ExperimentFollower::Update::Kind::Appended)
                loaded->unchangedRows = update.rowsBefore;
            o.result = std::move(loaded);
            o.grew = update.rowsAdded > 0;
            o.reloaded = update.kind == core::ExperimentFollower::Update::Kind::Reloaded;
            o.warning = update.warning;
        } catch (const std::exception &e) {
            o.error = e.what();
        }
        return o;
    }));
}

void FollowController::waitForIdle()
{
    while (m_future.isRunning() || m_again) {
        m_future.waitForFinished();
        QCoreApplication::processEvents();
    }
    QCoreApplication::processEvents();
}

void FollowController::onFinished()
{
    Outcome o = m_future.result();
    if (m_dir.isEmpty())
        return; // stopped meanwhile
    m_follower = o.follower;
    if (!o.error.empty())
        emit status(tr("Following the run: %1").arg(QString::fromStdString(o.error)));
    if (o.result) {
        m_current = o.result;
        if (o.grew || o.reloaded) {
            m_live = true;
            m_sinceRow.restart();
            m_clockTimer.start();
        }
        const core::ExperimentSummary &s = o.result->summary;
        m_intervalSeconds = s.medianIntervalSeconds;
        m_workspace->updateExperiment(o.result);
        if (o.reloaded)
            m_mode->resume();
        else
            m_mode->dataExtended();
        emit updated(o.result);
        if (!o.warning.empty())
            emit status(
                tr("%1 (read again from the start)").arg(QString::fromStdString(o.warning)));
    }
    updateLabel();
    if (m_again) {
        m_again = false;
        checkNow();
    }
}

void FollowController::updateLabel()
{
    m_label->setVisible(m_live);
    if (!m_live)
        return;
    const qint64 seconds = m_sinceRow.elapsed() / 1000;
    if (m_current && !m_current->experiment->metadata.text("end_time").empty()) {
        // The monitor wrote its end_time: the run is over, not stalled.
        m_label->setText(tr("■ run ended · last row %1 ago").arg(duration(seconds)));
        m_label->setToolTip(tr("metadata.json has the run's end_time: nothing more will come"));
        m_label->setStyleSheet(QString());
        m_label->setProperty("stalled", false);
        m_clockTimer.stop();
        return;
    }
    const bool stalled = m_intervalSeconds > 0 && seconds > 3 * m_intervalSeconds;
    if (stalled) {
        m_label->setText(tr("● stalled: no new row for %1").arg(duration(seconds)));
        m_label->setToolTip(tr("No row arrived for more than 3 × the %1 s sample interval: the "
                               "monitor may have stopped or the run ended")
                                .arg(m_intervalSeconds, 0, 'g', 3));
        m_label->setStyleSheet(QStringLiteral("color: #b3261e; font-weight: bold;"));
    } else {
        m_label->setText(tr("● live · last row %1 ago").arg(duration(seconds)));
        m_label->setToolTip(tr("The run is being written; its new rows and events are read as "
                               "they arrive"));
        m_label->setStyleSheet(QStringLiteral("color: #1b7f3b; font-weight: bold;"));
    }
    m_label->setProperty("stalled", stalled);
}

} // namespace hpa::app
