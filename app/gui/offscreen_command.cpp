#include "app/gui/offscreen_command.h"

#include "app/gui/gui_runner.h"
#include "core/analysis/alignment.h"
#include "core/analysis/load_profile_match.h"
#include "core/model/kv_cache_unit.h"
#include "core/model/waiting_unit.h"
#include "ui/load_controller.h"

#include <QApplication>

#include <iostream>

namespace hpa::app {

int OffscreenCommand::run(int &argc, char **argv, const std::function<void()> &work)
{
    if (!GuiRunner::haveDisplay())
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // The offscreen platform chats on stderr (no XDG_RUNTIME_DIR, size hints); the command
    // reports its own problems in one line, so only Qt's critical messages get through.
    qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &, const QString &text) {
        if (type == QtCriticalMsg || type == QtFatalMsg)
            std::cerr << "hpa-lens: " << text.toStdString() << '\n';
    });
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("HPA Lens"));
    QApplication::setOrganizationName(QStringLiteral("hpa-lens"));
    try {
        work();
    } catch (const Failure &e) {
        std::cerr << "hpa-lens: " << e.what() << '\n';
        return 2;
    } catch (const Reported &) {
        return 2;
    }
    return 0;
}

std::shared_ptr<const ui::LoadedExperiment> OffscreenCommand::load(const std::string &dir,
                                                                   const CommandLine &cl)
{
    std::optional<core::KvCacheUnit> unit;
    if (cl.kvUnit)
        unit = core::KvCacheNormalizer::unitFromKey(*cl.kvUnit);
    const core::WaitingUnit waiting = cl.waitingUnit
                                          ? core::WaitingNormalizer::unitFromKey(*cl.waitingUnit)
                                                .value_or(core::WaitingUnit::Auto)
                                          : core::WaitingUnit::Auto;
    try {
        return std::make_shared<const ui::LoadedExperiment>(
            ui::LoadController::loadNow(QString::fromStdString(dir), unit, waiting));
    } catch (const std::exception &e) {
        throw Failure(e.what());
    }
}

void OffscreenCommand::layOutRuns(ui::ExperimentWorkspace &ws, QSize size,
                                  std::shared_ptr<const ui::LoadedExperiment> a,
                                  std::shared_ptr<const ui::LoadedExperiment> b,
                                  ui::TimeAxisMode mode,
                                  ui::ExperimentWorkspace::CompareLayout layout)
{
    ws.setAttribute(Qt::WA_DontShowOnScreen);
    ws.resize(size);
    ws.setAxisMode(mode);
    if (b) {
        // As the window: on load start when both had the same load profile.
        ws.setAlignment(core::Alignment::defaultFor(
            core::LoadProfileMatch::match(a->summary.schedule, b->summary.schedule)));
    }
    ws.setExperiment(std::move(a));
    if (b) {
        ws.setCompareLayout(layout);
        ws.setComparison(std::move(b));
    }
}

} // namespace hpa::app
