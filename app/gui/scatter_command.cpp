#include "app/gui/scatter_command.h"

#include "app/cli/table_command.h"
#include "app/gui/gui_runner.h"
#include "core/library/run_scatter.h"
#include "ui/charts/run_scatter_chart.h"

#include <QApplication>
#include <QFileInfo>

#include <iostream>

namespace hpa::app {

int ScatterCommand::run(const CommandLine &cl, int &argc, char **argv)
{
    if (!GuiRunner::haveDisplay())
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // As export: only Qt's critical messages reach stderr, the command reports its own.
    qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &, const QString &text) {
        if (type == QtCriticalMsg || type == QtFatalMsg)
            std::cerr << "hpa-lens: " << text.toStdString() << '\n';
    });
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("HPA Lens"));
    QApplication::setOrganizationName(QStringLiteral("hpa-lens"));
    const auto rows = TableCommand::listRows(cl, std::cerr);
    if (!rows)
        return 2;
    const auto [x, y] = core::RunScatter::parseAxes(cl.scatter.value_or(std::string()));
    const core::RunScatter scatter = core::RunScatter::of(*rows, x, y);
    ui::RunScatterChart chart;
    chart.setScatter(scatter);
    const QString path = QString::fromStdString(cl.output.value_or(std::string()));
    QString error;
    const QSize size(cl.width > 0 ? cl.width : 1600, cl.height > 0 ? cl.height : 1000);
    if (!chart.exportTo(path, size, &error)) {
        std::cerr << "hpa-lens: " << error.toStdString() << '\n';
        return 2;
    }
    std::cout << "Wrote " << QFileInfo(path).absoluteFilePath().toStdString() << " ("
              << scatter.points.size() << " run(s) placed, " << scatter.unplaced
              << " without both values)\n";
    return 0;
}

} // namespace hpa::app
