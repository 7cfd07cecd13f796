#include "app/gui/scatter_command.h"

#include "app/cli/table_command.h"
#include "app/gui/offscreen_command.h"
#include "core/library/run_scatter.h"
#include "ui/charts/run_scatter_chart.h"

#include <QFileInfo>

#include <iostream>

namespace hpa::app {

int ScatterCommand::run(const CommandLine &cl, int &argc, char **argv)
{
    return OffscreenCommand::run(argc, argv, [&cl] {
        const auto rows = TableCommand::listRows(cl, std::cerr);
        if (!rows)
            throw OffscreenCommand::Reported(); // listRows printed why
        const auto [x, y] = core::RunScatter::parseAxes(cl.scatter.value_or(std::string()));
        const core::RunScatter scatter = core::RunScatter::of(*rows, x, y);
        ui::RunScatterChart chart;
        chart.setScatter(scatter);
        const QString path = QString::fromStdString(cl.output.value_or(std::string()));
        QString error;
        const QSize size(cl.width > 0 ? cl.width : 1600, cl.height > 0 ? cl.height : 1000);
        if (!chart.exportTo(path, size, &error))
            throw OffscreenCommand::Failure(error.toStdString());
        std::cout << "Wrote " << QFileInfo(path).absoluteFilePath().toStdString() << " ("
                  << scatter.points.size() << " run(s) placed, " << scatter.unplaced
                  << " without both values)\n";
    });
}

} // namespace hpa::app
