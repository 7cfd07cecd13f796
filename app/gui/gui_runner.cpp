#include "app/gui/gui_runner.h"

#include "app/gui/compare_controller.h"
#include "app/gui/library_controller.h"
#include "app/gui/main_window.h"
#include "app/gui/scorecard_controller.h"
#include "app/gui/whatif_controller.h"
#include "core/analysis/hpa_what_if_settings.h"
#include "core/model/kv_cache_unit.h"
#include "core/model/waiting_unit.h"
#include "ui/episode_table_model.h"
#include "ui/library_window.h"
#include "ui/scorecard_view.h"
#include "ui/sweep_view.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QIcon>
#include <QImageWriter>
#include <QSaveFile>
#include <QThread>

#include <cstdlib>
#include <iostream>

namespace hpa::app {

namespace {

/// --hpa, --set, --sweep, --sweep-x once the experiment has loaded. Returns false when one of
/// them could not be applied (the message is on stderr).
bool applyWhatIf(const CommandLine &cl, MainWindow &window)
{
    WhatIfController *w = window.whatIfController();
    bool ok = true;
    if (cl.hpaFile && !w->loadManifest(QString::fromStdString(*cl.hpaFile)).isEmpty())
        ok = false; // reported through the window's error path
    if (!cl.sets.empty()) {
        core::HpaWhatIfSettings settings;
        for (const std::string &group : cl.sets) {
            const std::string problem = core::HpaWhatIfEdits::parseGroup(group, settings);
            if (!problem.empty()) {
                std::cerr << "hpa-lens: --set " << group << ": " << problem << '\n';
                ok = false;
            }
        }
        w->showWhatIf(settings);
    }
    if (cl.sweepTimeshare)
        w->sweepView()->setXAxis(ui::SweepView::XAxis::UnderTimeshare);
    if (!cl.sweeps.empty()) {
        QStringList sweeps;
        for (const std::string &s : cl.sweeps)
            sweeps << QString::fromStdString(s);
        const QString problem = w->showSweep(sweeps);
        if (!problem.isEmpty()) {
            std::cerr << "hpa-lens: --sweep: " << problem.toStdString() << '\n';
            ok = false;
        }
    }
    w->waitForIdle();
    return ok;
}

/// B, C, … as given (--compare DIR_B, or the folders after A).
QStringList compared(const CommandLine &cl)
{
    QStringList dirs{QString::fromStdString(*cl.compareDir)};
    for (const std::string &dir : cl.moreCompareDirs)
        dirs << QString::fromStdString(dir);
    return dirs;
}

int screenshot(const CommandLine &cl, MainWindow &window)
{
    window.setModalErrors(false);
    window.resize(cl.width > 0 ? cl.width : 1600, cl.height > 0 ? cl.height : 1000);
    window.show();
    GuiRunner::settle(100);
    window.setReadUnits(cl.kvUnit ? core::KvCacheNormalizer::unitFromKey(*cl.kvUnit) : std::nullopt,
                        cl.waitingUnit ? core::WaitingNormalizer::unitFromKey(*cl.waitingUnit)
                                             .value_or(core::WaitingUnit::Auto)
                                       : core::WaitingUnit::Auto);
    // The scorecard's settings and the overlay come from the options (the settings are in
    // memory: nothing is saved).
    window.scorecardView()->setSettings(cl.scorecard);
    window.scorecardController()->demandAction()->setChecked(cl.demandOverlay);
    window.openExperiment(QString::fromStdString(cl.dirs.front()), cl.variant);
    window.waitForLoad();
    if (cl.compareDir) {
        window.compareWith(compared(cl));
        window.waitForLoad();
    }
    if (cl.compareDir && cl.sideBySide)
        window.compareController()->sideBySideAction()->setChecked(true);
    if (cl.compareDir && cl.align)
        window.compareController()->setAlignment(*cl.align, cl.alignOffset);
    if (cl.elapsed)
        window.setElapsedAxis(true);
    // A folder of experiments shows the library: that window is the picture.
    QWidget *shown = &window;
    if (ui::LibraryWindow *library = window.libraryController()->window();
        library && library->isVisible()) {
        library->resize(window.size());
        shown = library;
    }
    const bool whatIfOk = applyWhatIf(cl, window);
    window.waitForLoad();
    if (cl.episode || cl.demandOverlay) {
        // The scorecard's numbers and episodes beside the picture they explain.
        if (auto *dock = window.findChild<QDockWidget *>(QStringLiteral("ScorecardDock")))
            dock->raise();
    }
    if (cl.episode && !window.scorecardController()->showEpisode(0, *cl.episode - 1))
        std::cerr << "hpa-lens: --episode " << *cl.episode << ": the scorecard found "
                  << window.scorecardView()->episodeModel()->rowCount() << " scale-up episode(s)\n";
    GuiRunner::settle(400);
    if (!window.lastError().isEmpty())
        std::cerr << "hpa-lens: " << window.lastError().toStdString() << '\n';
    const QString path = QString::fromStdString(*cl.screenshot);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !shown->grab().save(&file, "PNG") || !file.commit()) {
        std::cerr << "hpa-lens: cannot write " << *cl.screenshot << '\n';
        return 2;
    }
    std::cout << "Wrote " << QFileInfo(path).absoluteFilePath().toStdString() << '\n';
    return window.lastError().isEmpty() && whatIfOk ? 0 : 1;
}

} // namespace

bool GuiRunner::haveDisplay()
{
    return std::getenv("DISPLAY") || std::getenv("WAYLAND_DISPLAY") ||
           std::getenv("QT_QPA_PLATFORM");
}

int GuiRunner::run(const CommandLine &cl, int &argc, char **argv)
{
    if (!haveDisplay()) {
        if (!cl.screenshot) {
            std::cerr << "hpa-lens: no display (DISPLAY is not set). Use --screenshot FILE to "
                         "render the window, or 'hpa-lens summary DIR' for a text report.\n";
            return 2;
        }
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("HPA Lens"));
    QApplication::setOrganizationName(QStringLiteral("hpa-lens"));
    QApplication::setApplicationVersion(QStringLiteral(HPA_LENS_VERSION));
    // Matches the installed .desktop entry (packaging/), so desktops show its name and icon.
    QGuiApplication::setDesktopFileName(QStringLiteral(HPA_APP_ID));
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral(HPA_APP_ID)));
    // A screenshot draws from defaults and its options only: the user's settings (Open Recent,
    // axis mode, side by side, window state) are neither read nor changed.
    MainWindow window(cl.screenshot ? ui::AppSettings::Storage::InMemory
                                    : ui::AppSettings::Storage::User);
    if (cl.screenshot)
        return screenshot(cl, window);
    window.show();
    if (!cl.dirs.empty())
        window.openExperiment(QString::fromStdString(cl.dirs.front()), cl.variant);
    if (cl.compareDir)
        window.compareWith(compared(cl));
    if (cl.hpaFile || !cl.sets.empty() || !cl.sweeps.empty() || cl.sweepTimeshare) {
        // They replay the loaded run: wait for it (the window shows the progress meanwhile).
        window.waitForLoad();
        applyWhatIf(cl, window);
    }
    return QApplication::exec();
}

void GuiRunner::settle(int ms)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < ms) {
        QApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(5);
    }
}

} // namespace hpa::app
