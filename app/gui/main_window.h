#pragma once

#include "core/model/kv_cache_unit.h"
#include "core/model/waiting_unit.h"
#include "ui/app_settings.h"
#include "ui/loaded_experiment.h"

#include <QMainWindow>

#include <memory>
#include <optional>
#include <string>

class QAction;
class QLabel;
class QMenu;
class QProgressBar;
class QToolButton;

namespace hpa::ui {
class EventBrowser;
class ExperimentWorkspace;
class LoadController;
class ScorecardView;
class StatisticsView;
class JobsView;
} // namespace hpa::ui

namespace hpa::app {

class CompareController;
class FollowController;
class ExportController;
class LibraryController;
class ReadUnitsMenu;
class RecentMenu;
class VariantMenu;
class WhatIfController;
class ZoomActions;
class ScorecardController;
class PrometheusImportController;
class ReportController;

/// Wires menus, toolbar, docks and the status bar to the workspace. It computes nothing.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    /// `storage` InMemory: the user's settings are neither read nor written (--screenshot).
    explicit MainWindow(ui::AppSettings::Storage storage = ui::AppSettings::Storage::User,
                        QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Opens `dir` in the background; a folder holding experiments opens the library.
    /// `wvaVariant`: the variant of a WVA run with several (empty: the one chosen in View →
    /// WVA Variant when `dir` is open already, else the loader's default).
    void openExperiment(const QString &dir, const std::string &wvaVariant = {});
    /// Loads `dir` as experiment B next to the open one (queued until A has loaded).
    void compareWith(const QString &dir);
    /// Loads `dirs` as B, C, … (up to seven) next to the open one (queued until A has loaded).
    void compareWith(const QStringList &dirs);
    /// Blocks until running loads (A, then B) have finished (screenshots, tests).
    void waitForLoad();

    ui::ExperimentWorkspace *workspace() const { return m_workspace; }
    ui::EventBrowser *eventBrowser() const { return m_events; }
    ui::StatisticsView *statisticsView() const { return m_statistics; }
    ui::JobsView *jobsView() const { return m_jobs; }
    ui::ScorecardView *scorecardView() const { return m_scorecard; }
    ExportController *exportController() const { return m_export; }
    ReportController *reportController() const { return m_report; }
    PrometheusImportController *importController() const { return m_import; }
    CompareController *compareController() const { return m_compare; }
    LibraryController *libraryController() const { return m_library; }
    WhatIfController *whatIfController() const { return m_whatIf; }
    ScorecardController *scorecardController() const { return m_scorecardController; }
    VariantMenu *variantMenu() const { return m_variants; }
    FollowController *followController() const { return m_follow; }
    /// View → KV Cache Unit and View → Waiting Unit, as if the user chose them; applies to the
    /// next load (call before openExperiment()).
    void setReadUnits(std::optional<core::KvCacheUnit> kvUnit, core::WaitingUnit waitingUnit);
    /// View → Elapsed Time Axis, as if the user toggled it.
    void setElapsedAxis(bool elapsed);
    /// The last load error shown to the user (empty when the last load succeeded).
    QString lastError() const { return m_lastError; }
    /// Errors go to the status bar instead of a modal dialog (screenshots, tests).
    void setModalErrors(bool modal) { m_modalErrors = modal; }

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createToolBar();
    void createDocks();
    void createStatusBar();
    void connectParts();

    void chooseExperiment();
    void reload();
    void closeExperiment();
    void updateActions();
    void showWarnings();
    void onLoaded(const QString &dir, std::shared_ptr<const ui::LoadedExperiment> result);
    void onFailed(const QString &dir, const QString &message);
    void setLoading(bool loading);

    ui::AppSettings m_settings;
    ui::ExperimentWorkspace *m_workspace;
    ui::LoadController *m_loader;
    CompareController *m_compare = nullptr;
    ExportController *m_export = nullptr;
    LibraryController *m_library = nullptr;
    WhatIfController *m_whatIf = nullptr;
    ScorecardController *m_scorecardController = nullptr;
    FollowController *m_follow = nullptr;
    ReportController *m_report = nullptr;
    PrometheusImportController *m_import = nullptr;
    QStringList m_pendingCompare;
    ui::EventBrowser *m_events = nullptr;
    ui::StatisticsView *m_statistics = nullptr;
    ui::JobsView *m_jobs = nullptr;
    ui::ScorecardView *m_scorecard = nullptr;
    QString m_currentDir;
    QString m_lastError;
    bool m_modalErrors = true;

    QAction *m_openAction = nullptr;
    QAction *m_reloadAction = nullptr;
    QAction *m_closeAction = nullptr;
    QAction *m_quitAction = nullptr;
    ZoomActions *m_zoom = nullptr;
    QAction *m_elapsedAction = nullptr;
    QAction *m_extraChartAction = nullptr;
    QAction *m_warningsAction = nullptr;
    QAction *m_aboutAction = nullptr;
    ReadUnitsMenu *m_readUnits = nullptr;
    VariantMenu *m_variants = nullptr;
    RecentMenu *m_recent = nullptr;
    QMenu *m_viewMenu = nullptr;

    QLabel *m_statusLabel = nullptr;
    QLabel *m_rangeLabel = nullptr;
    QToolButton *m_warningsButton = nullptr;
    QProgressBar *m_progress = nullptr;
    QToolButton *m_cancelButton = nullptr;
};

} // namespace hpa::app
