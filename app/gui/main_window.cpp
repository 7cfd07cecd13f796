#include "app/gui/main_window.h"

#include "app/gui/compare_controller.h"
#include "app/gui/export_controller.h"
#include "app/gui/follow_controller.h"
#include "app/gui/library_controller.h"
#include "app/gui/prometheus_import_controller.h"
#include "app/gui/read_units_menu.h"
#include "app/gui/recent_menu.h"
#include "app/gui/report_controller.h"
#include "app/gui/scorecard_controller.h"
#include "app/gui/variant_menu.h"
#include "app/gui/whatif_controller.h"
#include "app/gui/zoom_actions.h"

#include "core/library/experiment_finder.h"
#include "ui/charts/chart_cursor.h"
#include "ui/charts/chart_stack.h"
#include "ui/charts/time_axis_strip.h"
#include "ui/charts/time_window.h"
#include "ui/event_browser.h"
#include "ui/experiment_workspace.h"
#include "ui/jobs_view.h"
#include "ui/load_controller.h"
#include "ui/scorecard_view.h"
#include "ui/screen_layout.h"
#include "ui/shortcuts_dialog.h"
#include "ui/statistics_view.h"
#include "ui/warnings_dialog.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QScrollArea>
#include <QStatusBar>
#include <QToolBar>
#include <QToolButton>

#include <algorithm>
#include <utility>

namespace hpa::app {

MainWindow::MainWindow(ui::AppSettings::Storage storage, QWidget *parent)
    : QMainWindow(parent), m_settings(storage), m_workspace(new ui::ExperimentWorkspace(this)),
      m_loader(new ui::LoadController(this))
{
    m_compare = new CompareController(m_workspace, &m_settings, this);
    m_export = new ExportController(m_workspace, &m_settings, this);
    m_library = new LibraryController(&m_settings, this);
    m_whatIf = new WhatIfController(m_workspace, this);
    m_follow = new FollowController(m_workspace, &m_settings, this);
    m_report = new ReportController(m_workspace, &m_settings, this);
    m_import = new PrometheusImportController(this);
    setObjectName(QStringLiteral("MainWindow"));
    setWindowTitle(tr("HPA Lens"));
    setAcceptDrops(true);
    setCentralWidget(m_workspace);
    createActions();
    createMenus();
    createToolBar();
    createDocks();
    createStatusBar();
    connectParts();
    m_workspace->setAxisMode(m_settings.axisMode());
    m_workspace->setExtraChartVisible(m_settings.extraChartVisible());
    const QString screens = ui::ScreenLayout::current();
    if (!restoreGeometry(m_settings.windowGeometry(screens)))
        resize(1500, 950);
    restoreState(m_settings.windowState(screens));
    updateActions();
}

MainWindow::~MainWindow() = default;

void MainWindow::setElapsedAxis(bool elapsed)
{
    m_elapsedAction->setChecked(elapsed);
}

void MainWindow::createActions()
{
    auto make = [this](const QString &text, const QString &tip, QKeySequence key = {},
                       const QString &icon = {}) {
        auto *a = new QAction(QIcon::fromTheme(icon), text, this);
        a->setToolTip(tip);
        a->setStatusTip(tip);
        if (!key.isEmpty())
            a->setShortcut(key);
        return a;
    };
    m_openAction = make(tr("&Open Experiment…"), tr("Open an experiment folder"),
                        QKeySequence::Open, QStringLiteral("document-open"));
    m_reloadAction = make(tr("&Reload"), tr("Read the experiment folder again"),
                          QKeySequence::Refresh, QStringLiteral("view-refresh"));
    m_closeAction = make(tr("&Close"), tr("Close the experiment"), QKeySequence::Close,
                         QStringLiteral("document-close"));
    m_quitAction = make(tr("&Quit"), tr("Quit HPA Lens"), QKeySequence::Quit,
                        QStringLiteral("application-exit"));
    m_elapsedAction = make(tr("&Elapsed Time Axis"),
                           tr("Label the time axis with elapsed mm:ss instead of wall-clock time"),
                           QKeySequence(Qt::CTRL | Qt::Key_T));
    m_elapsedAction->setCheckable(true);
    m_elapsedAction->setChecked(m_settings.axisMode() == ui::TimeAxisMode::Elapsed);
    m_extraChartAction = make(tr("E&xtra Columns Chart"),
                              tr("Show the chart of extra numeric columns found in metrics.csv"),
                              QKeySequence(Qt::CTRL | Qt::Key_E));
    m_extraChartAction->setCheckable(true);
    m_extraChartAction->setChecked(m_settings.extraChartVisible());
    m_warningsAction =
        make(tr("&Warnings…"), tr("Lines that could not be read, with file and line"),
             QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W), QStringLiteral("dialog-warning"));
    m_aboutAction = make(tr("&About HPA Lens"), tr("About HPA Lens"));

    m_zoom = new ZoomActions(m_workspace->timeWindow(), this);
    m_export->setExtraContextActions(m_zoom->actions());

    m_readUnits = new ReadUnitsMenu(this);
    m_variants = new VariantMenu(this);

    connect(m_openAction, &QAction::triggered, this, &MainWindow::chooseExperiment);
    connect(m_reloadAction, &QAction::triggered, this, &MainWindow::reload);
    connect(m_closeAction, &QAction::triggered, this, &MainWindow::closeExperiment);
    connect(m_quitAction, &QAction::triggered, qApp, &QApplication::closeAllWindows);
    connect(m_elapsedAction, &QAction::toggled, this, [this](bool elapsed) {
        const auto mode = elapsed ? ui::TimeAxisMode::Elapsed : ui::TimeAxisMode::WallClock;
        m_settings.setAxisMode(mode);
        m_workspace->setAxisMode(mode);
    });
    connect(m_extraChartAction, &QAction::toggled, this, [this](bool visible) {
        m_settings.setExtraChartVisible(visible);
        m_workspace->setExtraChartVisible(visible);
    });
    connect(m_warningsAction, &QAction::triggered, this, &MainWindow::showWarnings);
    connect(m_aboutAction, &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About HPA Lens"),
                           tr("<h3>HPA Lens 0.1</h3><p>Analyse Kubernetes HPA autoscaling "
                              "experiments on vLLM: replicas, queue depth, KV cache, latency "
                              "and scaling events on linked charts.</p>"));
    });
    connect(m_readUnits, &ReadUnitsMenu::changed, this, &MainWindow::reload);
    connect(m_variants, &VariantMenu::changed, this, &MainWindow::reload);
}

void MainWindow::setReadUnits(std::optional<core::KvCacheUnit> kvUnit,
                              core::WaitingUnit waitingUnit)
{
    m_readUnits->setUnits(kvUnit, waitingUnit);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_openAction);
    file->addAction(m_library->openLibraryAction());
    file->addAction(m_import->importAction());
    m_recent = new RecentMenu(file, &m_settings, this);
    connect(m_recent, &RecentMenu::openRequested, this,
            [this](const QString &dir) { openExperiment(dir); });
    file->addAction(m_reloadAction);
    file->addAction(m_whatIf->loadManifestAction());
    file->addSeparator();
    file->addAction(m_compare->compareAction());
    file->addAction(m_compare->closeComparisonAction());
    file->addSeparator();
    QMenu *exportMenu = file->addMenu(tr("&Export"));
    exportMenu->addAction(m_export->exportChartsAction());
    exportMenu->addAction(m_export->exportCsvAction());
    exportMenu->addAction(m_export->exportSummaryCsvAction());
    file->addAction(m_report->exportReportAction());
    file->addSeparator();
    file->addAction(m_closeAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    m_viewMenu->addActions(m_zoom->actions());
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(m_follow->followAction());
    m_viewMenu->addAction(m_follow->wholeRunAction());
    m_viewMenu->addAction(m_follow->lastMinutesAction());
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(m_elapsedAction);
    m_viewMenu->addAction(m_extraChartAction);
    m_viewMenu->addAction(m_compare->sideBySideAction());
    m_viewMenu->addAction(m_compare->sharedRangeAction());
    m_viewMenu->addAction(m_compare->markersBAction());
    m_viewMenu->addMenu(m_compare->alignMenu());
    m_readUnits->addTo(m_viewMenu);
    m_viewMenu->addMenu(m_variants->menu());
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(m_warningsAction);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *shortcuts = help->addAction(tr("&Keyboard Shortcuts"));
    shortcuts->setShortcut(QKeySequence::HelpContents);
    shortcuts->setObjectName(QStringLiteral("KeyboardShortcutsAction"));
    connect(shortcuts, &QAction::triggered, this, [this] {
        auto *dialog = new ui::ShortcutsDialog(findChildren<QAction *>(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
    help->addAction(m_aboutAction);
}

void MainWindow::createToolBar()
{
    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("MainToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(m_openAction);
    bar->addAction(m_reloadAction);
    bar->addAction(m_whatIf->loadManifestAction());
    bar->addAction(m_compare->compareAction());
    bar->addAction(m_compare->sideBySideAction());
    bar->addSeparator();
    bar->addAction(m_export->exportChartsAction());
    bar->addAction(m_export->exportCsvAction());
    bar->addAction(m_report->exportReportAction());
    bar->addSeparator();
    bar->addActions(m_zoom->actions());
    bar->addAction(m_follow->followAction());
    bar->addSeparator();
    bar->addAction(m_elapsedAction);
    m_viewMenu->addAction(bar->toggleViewAction());
}

void MainWindow::createDocks()
{
    m_events = new ui::EventBrowser(this);
    auto *eventsDock = new QDockWidget(tr("Scaling Events"), this);
    eventsDock->setObjectName(QStringLiteral("EventsDock"));
    eventsDock->setWidget(m_events);
    addDockWidget(Qt::RightDockWidgetArea, eventsDock);

    m_statistics = new ui::StatisticsView(this);
    // Behind the Scorecard tab or closed, a followed run's summaries wait until it is shown.
    m_statistics->setRenderWhileHidden(false);
    auto *statsDock = new QDockWidget(tr("Statistics"), this);
    statsDock->setObjectName(QStringLiteral("StatisticsDock"));
    statsDock->setWidget(m_statistics);
    addDockWidget(Qt::RightDockWidgetArea, statsDock);

    // The vllm bench jobs: wide rows, so below the charts.
    m_jobs = new ui::JobsView(this);
    auto *jobsDock = new QDockWidget(tr("Jobs"), this);
    jobsDock->setObjectName(QStringLiteral("JobsDock"));
    jobsDock->setWidget(m_jobs);
    addDockWidget(Qt::BottomDockWidgetArea, jobsDock);
    m_scorecard = new ui::ScorecardView(this);
    m_scorecard->setSettings(m_settings.scorecardSettings());
    connect(m_scorecard, &ui::ScorecardView::settingsChanged, this,
            [this](const core::ScorecardSettings &s) { m_settings.setScorecardSettings(s); });
    auto *scorecardDock = new QDockWidget(tr("Scorecard"), this);
    scorecardDock->setObjectName(QStringLiteral("ScorecardDock"));
    // Its two tables and settings need more height than a 700 px window leaves beside the
    // events dock: they scroll rather than forcing the window taller.
    auto *scorecardScroll = new QScrollArea(scorecardDock);
    scorecardScroll->setWidgetResizable(true);
    scorecardScroll->setFrameShape(QFrame::NoFrame);
    scorecardScroll->setWidget(m_scorecard);
    scorecardDock->setWidget(scorecardScroll);
    tabifyDockWidget(statsDock, scorecardDock);
    tabifyDockWidget(scorecardDock, m_whatIf->whatIfDock());
    addDockWidget(Qt::BottomDockWidgetArea, m_whatIf->sweepDock());
    tabifyDockWidget(jobsDock, m_whatIf->sweepDock());
    m_whatIf->sweepDock()->hide();  // opened by View → Sweep or a sweep
    m_whatIf->whatIfDock()->hide(); // opened by View → What-if, a manifest or --hpa/--set
    // Shown once a run with job logs is open (onLoaded), so an empty window keeps its height.
    jobsDock->hide();
    // After every dock of the right area is in place: wide enough for the events table's
    // columns (a window too narrow for it scrolls the table sideways).
    resizeDocks({eventsDock}, {std::max(520, m_events->sizeHint().width())}, Qt::Horizontal);
    statsDock->raise();
    m_scorecardController =
        new ScorecardController(m_workspace, m_scorecard, m_events, &m_settings, this);
    m_viewMenu->insertAction(m_compare->sideBySideAction(), m_scorecardController->demandAction());

    m_viewMenu->addSeparator();
    m_viewMenu->addAction(eventsDock->toggleViewAction());
    m_viewMenu->addAction(statsDock->toggleViewAction());
    m_viewMenu->addAction(jobsDock->toggleViewAction());
    m_viewMenu->addAction(scorecardDock->toggleViewAction());
    m_viewMenu->addAction(m_whatIf->whatIfDock()->toggleViewAction());
    m_viewMenu->addAction(m_whatIf->sweepDock()->toggleViewAction());
}

void MainWindow::createStatusBar()
{
    m_statusLabel = new QLabel(tr("No experiment open"), this);
    statusBar()->addWidget(m_statusLabel, 1);
    // Which part of the run the charts show, always in view (the strip under the charts
    // scrolls out of sight on short windows).
    m_rangeLabel = new QLabel(this);
    m_rangeLabel->setObjectName(QStringLiteral("visibleRange"));
    m_rangeLabel->setToolTip(tr("Time range the charts show; Reset Zoom shows the whole run"));
    statusBar()->addPermanentWidget(m_follow->statusLabel());
    statusBar()->addPermanentWidget(m_rangeLabel);
    connect(m_workspace->timeAxisStrip(), &ui::TimeAxisStrip::rangeTextChanged, this,
            [this](const QString &text) {
                m_rangeLabel->setText(m_workspace->hasExperiment() ? text : QString());
            });
    m_warningsButton = new QToolButton(this);
    m_warningsButton->setDefaultAction(m_warningsAction);
    m_warningsButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_warningsButton->setAutoRaise(true);
    statusBar()->addPermanentWidget(m_warningsButton);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1000);
    m_progress->setMaximumWidth(220);
    m_progress->setTextVisible(true);
    m_progress->setFormat(tr("Loading… %p%"));
    m_cancelButton = new QToolButton(this);
    m_cancelButton->setText(tr("Cancel"));
    m_cancelButton->setToolTip(tr("Stop loading"));
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_cancelButton);
    connect(m_cancelButton, &QToolButton::clicked, m_loader, &ui::LoadController::cancel);
    setLoading(false);
}

void MainWindow::connectParts()
{
    connect(m_import, &PrometheusImportController::imported, this,
            [this](const QString &dir) { openExperiment(dir); });
    connect(m_loader, &ui::LoadController::progress, this, [this](int perMille, const QString &s) {
        // Progress events still queued after the result arrived must not overwrite it.
        if (!m_progress->isVisible())
            return;
        m_progress->setValue(perMille);
        m_statusLabel->setText(s + QStringLiteral("…"));
    });
    connect(m_loader, &ui::LoadController::loaded, this, &MainWindow::onLoaded);
    connect(m_whatIf, &WhatIfController::failed, this,
            [this](const QString &title, const QString &message) {
                m_lastError = message;
                m_statusLabel->setText(message);
                if (m_modalErrors)
                    QMessageBox::warning(this, title, message);
            });
    connect(m_whatIf, &WhatIfController::status, m_statusLabel, &QLabel::setText);
    connect(m_loader, &ui::LoadController::failed, this, &MainWindow::onFailed);
    connect(m_loader, &ui::LoadController::cancelled, this, [this](const QString &dir) {
        setLoading(false);
        m_statusLabel->setText(tr("Loading %1 was cancelled").arg(dir));
    });
    connect(m_workspace, &ui::ExperimentWorkspace::sourcesChanged, m_events,
            &ui::EventBrowser::setSources);
    connect(m_events, &ui::EventBrowser::eventSelected, m_workspace,
            [this](int source, int event, double) {
                m_workspace->showChartsTab();
                m_workspace->showEvent(source, event);
            });
    connect(m_workspace, &ui::ExperimentWorkspace::eventClicked, m_events,
            &ui::EventBrowser::selectEvent);
    connect(m_jobs, &ui::JobsView::jobSpanSelected, this,
            [this](std::optional<std::pair<double, double>> span) {
                const auto &sources = m_workspace->sources();
                if (span && !sources.isEmpty())
                    span = std::pair(sources.front().toX(span->first),
                                     sources.front().toX(span->second));
                m_workspace->cursor()->setHighlightSpan(sources.isEmpty() ? std::nullopt : span);
            });
    connect(m_workspace->timeWindow(), &ui::TimeWindow::rangeChanged, this,
            &MainWindow::updateActions);
    connect(m_compare, &CompareController::comparisonShown, this, [this] {
        // Wall-clock time means nothing across runs made on different days.
        m_elapsedAction->setChecked(true);
        QStringList names{QString::fromStdString(m_workspace->loaded()->experiment->displayName())};
        for (const auto &run : m_workspace->comparisonRuns())
            names << QString::fromStdString(run->experiment->displayName());
        setWindowTitle(tr("%1 — HPA Lens").arg(names.join(tr(" vs "))));
        QStringList lettered;
        for (int i = 0; i < names.size(); ++i)
            lettered << QStringLiteral("%1: %2").arg(QChar(u'A' + i), names[i]);
        m_statusLabel->setText(tr("Comparing %1").arg(lettered.join(QStringLiteral(", "))));
        updateActions();
    });
    connect(m_compare, &CompareController::comparisonClosed, this, [this] {
        if (m_workspace->hasExperiment())
            setWindowTitle(
                tr("%1 — HPA Lens")
                    .arg(QString::fromStdString(m_workspace->loaded()->experiment->displayName())));
        updateActions();
    });
    connect(m_compare, &CompareController::failed, this,
            [this](const QString &message) { onFailed(tr("experiment B"), message); });
    connect(m_compare, &CompareController::status, m_statusLabel, &QLabel::setText);
    connect(m_library, &LibraryController::openRun, this,
            [this](const QString &dir) { openExperiment(dir); });
    connect(m_library, &LibraryController::compareRuns, this, [this](const QStringList &runs) {
        openExperiment(runs.front());
        compareWith(runs.mid(1));
        raise();
        activateWindow();
    });
    connect(m_scorecardController, &ScorecardController::status, m_statusLabel, &QLabel::setText);
    connect(m_follow, &FollowController::status, m_statusLabel, &QLabel::setText);
    connect(m_follow, &FollowController::updated, this,
            [this](std::shared_ptr<const ui::LoadedExperiment> result) {
                m_statistics->setSummary(result->summary);
                m_jobs->setSummary(result->summary);
                m_statusLabel->setText(tr("%1 samples, %2 scaling events")
                                           .arg(result->summary.samples)
                                           .arg(result->summary.eventsTotal));
                updateActions();
            });
}

void MainWindow::chooseExperiment()
{
    const QString start =
        m_settings.lastFolder().isEmpty() ? QDir::homePath() : m_settings.lastFolder();
    const QString dir =
        QFileDialog::getExistingDirectory(this, tr("Open Experiment Folder"), start);
    if (!dir.isEmpty())
        openExperiment(dir);
}

void MainWindow::openExperiment(const QString &dirIn, const std::string &wvaVariant)
{
    QString dir = dirIn;
    // A folder of experiments (at any depth) opens the library instead of one run.
    if (QFileInfo(dir).isDir() &&
        core::ExperimentFinder::holdsExperiments(QFileInfo(dir).absoluteFilePath().toStdString())) {
        m_library->openLibrary(QFileInfo(dir).absoluteFilePath());
        return;
    }
    const QString absolute = QFileInfo(dir).absoluteFilePath();
    if (!wvaVariant.empty())
        m_variants->ask(wvaVariant);
    else if (absolute != m_currentDir)
        m_variants->reset(); // a variant is chosen per run, not remembered
    m_currentDir = absolute;
    m_settings.setLastFolder(QFileInfo(m_currentDir).absolutePath());
    setLoading(true);
    m_loader->load(m_currentDir, m_readUnits->kvUnit(), m_readUnits->waitingUnit(),
                   m_variants->variant());
}

void MainWindow::compareWith(const QString &dir)
{
    compareWith(QStringList{dir});
}

void MainWindow::compareWith(const QStringList &dirs)
{
    if (m_loader->isRunning() || !m_workspace->hasExperiment()) {
        m_pendingCompare = dirs;
        return;
    }
    m_compare->compareWith(dirs);
}

void MainWindow::waitForLoad()
{
    m_loader->waitForFinished();
    m_compare->waitForLoad();
    m_library->waitForScan();
    m_scorecard->waitForComputed();
}

void MainWindow::reload()
{
    if (!m_currentDir.isEmpty())
        openExperiment(m_currentDir);
}

void MainWindow::closeExperiment()
{
    m_loader->cancel();
    m_follow->stopWatching();
    m_compare->closeComparison();
    m_currentDir.clear();
    m_workspace->clear();
    m_statistics->clear();
    m_jobs->clear();
    m_scorecard->clear();
    m_whatIf->clear();
    m_variants->clear();
    setWindowTitle(tr("HPA Lens"));
    m_statusLabel->setText(tr("No experiment open"));
    m_rangeLabel->clear();
    updateActions();
}

void MainWindow::onLoaded(const QString &dir, std::shared_ptr<const ui::LoadedExperiment> result)
{
    setLoading(false);
    m_lastError.clear();
    m_settings.addRecentExperiment(dir);
    m_workspace->setExperiment(result);
    m_rangeLabel->setText(m_workspace->timeAxisStrip()->rangeText());
    m_statistics->setSummary(result->summary);
    m_jobs->setSummary(result->summary);
    // The Jobs dock takes half the window: shown only for a run with job logs, so the charts
    // keep their room otherwise (View → Jobs still opens it).
    if (auto *dock = qobject_cast<QDockWidget *>(m_jobs->parentWidget()))
        dock->setVisible(!result->summary.jobs.empty() || result->summary.benchOnly);
    m_whatIf->setExperiment(result->experiment);
    m_variants->setRun(result->experiment->autoscaler);
    m_follow->watch(dir, m_readUnits->kvUnit(), m_readUnits->waitingUnit());
    if (!m_pendingCompare.isEmpty())
        m_compare->compareWith(std::exchange(m_pendingCompare, QStringList()));
    const core::ExperimentSummary &s = result->summary;
    setWindowTitle(
        tr("%1 — HPA Lens").arg(QString::fromStdString(result->experiment->displayName())));
    m_statusLabel->setText(
        s.benchOnly ? tr("Bench-only run: %n job log(s), no metrics.csv (no HPA time series)",
                         nullptr, static_cast<int>(s.jobs.size()))
                    : tr("%1 samples, %2 scaling events").arg(s.samples).arg(s.eventsTotal));
    updateActions();
}

void MainWindow::onFailed(const QString &dir, const QString &message)
{
    setLoading(false);
    m_lastError = message;
    m_statusLabel->setText(tr("Could not open %1").arg(dir));
    if (m_modalErrors)
        QMessageBox::warning(this, tr("Cannot Open Experiment"), message);
    updateActions();
}

void MainWindow::setLoading(bool loading)
{
    m_progress->setVisible(loading);
    m_cancelButton->setVisible(loading);
    if (loading)
        m_progress->setValue(0);
}

void MainWindow::updateActions()
{
    const bool open = m_workspace->hasExperiment();
    m_reloadAction->setEnabled(!m_currentDir.isEmpty());
    m_closeAction->setEnabled(open);
    m_zoom->update(open);
    const std::size_t warnings =
        open ? m_workspace->loaded()->experiment->warnings.size() : std::size_t{0};
    m_warningsAction->setEnabled(warnings > 0);
    m_compare->updateActions();
    m_export->updateActions();
    m_report->updateActions();
    m_warningsAction->setText(warnings ? tr("%n warning(s)", nullptr, static_cast<int>(warnings))
                                       : tr("No warnings"));
}

void MainWindow::showWarnings()
{
    if (!m_workspace->hasExperiment())
        return;
    const auto &experiment = *m_workspace->loaded()->experiment;
    auto *dialog = new ui::WarningsDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWarnings(experiment.warnings, QString::fromStdString(experiment.name));
    dialog->show();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_loader->cancel();
    const QString screens = ui::ScreenLayout::current();
    m_settings.setWindowGeometry(screens, saveGeometry());
    m_settings.setWindowState(screens, saveState());
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    const auto urls = event->mimeData()->urls();
    if (urls.size() == 1 && urls.front().isLocalFile() &&
        QFileInfo(urls.front().toLocalFile()).isDir())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const auto urls = event->mimeData()->urls();
    if (urls.isEmpty())
        return;
    openExperiment(urls.front().toLocalFile());
    event->acceptProposedAction();
}

} // namespace hpa::app
