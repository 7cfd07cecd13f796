// The Qt half of hpa-lens, loaded by GuiLoader only for the commands that need it.
#include "app/cli/command_line.h"
#include "app/gui/export_command.h"
#include "app/gui/gui_runner.h"
#include "app/gui/report_command.h"
#include "app/gui/scatter_command.h"

#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

extern "C" __attribute__((visibility("default"))) int hpa_lens_gui_main(int argc, char **argv)
{
    using hpa::app::CommandLine;
    CommandLine cl;
    try {
        cl = CommandLine::parse(std::vector<std::string>(argv + 1, argv + argc));
    } catch (const std::invalid_argument &e) {
        // main() parsed the same arguments already; kept so the module stands on its own.
        std::cerr << "hpa-lens: " << e.what() << "\n";
        return 2;
    }
    if (cl.mode == CommandLine::Mode::Export)
        return hpa::app::ExportCommand::run(cl, argc, argv);
    if (cl.mode == CommandLine::Mode::Report)
        return hpa::app::ReportCommand::run(cl, argc, argv);
    if (cl.mode == CommandLine::Mode::Table)
        return hpa::app::ScatterCommand::run(cl, argc, argv);
    return hpa::app::GuiRunner::run(cl, argc, argv);
}
