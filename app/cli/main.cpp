#include "app/cli/command_line.h"
#include "app/cli/command_usage.h"
#include "app/cli/gui_loader.h"
#include "app/cli/headless_commands.h"
#include "app/cli/import_command.h"
#include "app/cli/replay_command.h"
#include "app/cli/table_command.h"

#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

/// The help of the command the user asked for; every command's synopsis for the window.
std::string helpFor(const std::string &command)
{
    const auto *usage = hpa::app::CommandUsage::find(command);
    return usage && !command.empty() ? usage->help() : hpa::app::CommandUsage::overview();
}

} // namespace

int main(int argc, char *argv[])
{
    using hpa::app::CommandLine;
    const std::vector<std::string> args(argv + 1, argv + argc);
    CommandLine cl;
    try {
        cl = CommandLine::parse(args);
    } catch (const std::invalid_argument &e) {
        std::cerr << "hpa-lens: " << e.what() << "\n\n"
                  << helpFor(std::string(hpa::app::CommandUsage::forArguments(args).name));
        return 2;
    }
    switch (cl.mode) {
    case CommandLine::Mode::Help:
        std::cout << helpFor(cl.command);
        return 0;
    case CommandLine::Mode::Version:
        std::cout << "hpa-lens " HPA_LENS_VERSION "\n";
        return 0;
    case CommandLine::Mode::Summary:
        return hpa::app::HeadlessCommands::summary(cl, std::cout, std::cerr);
    case CommandLine::Mode::Compare:
        return hpa::app::HeadlessCommands::compare(cl, std::cout, std::cerr);
    case CommandLine::Mode::Demo:
        return hpa::app::HeadlessCommands::demo(cl, std::cout, std::cerr);
    case CommandLine::Mode::Replay:
        return hpa::app::ReplayCommand::run(cl, std::cout, std::cerr);
    case CommandLine::Mode::Import:
        return hpa::app::ImportCommand::run(cl, std::cout, std::cerr);
    case CommandLine::Mode::Table:
        // The scatter's picture is drawn by the Qt half (RunScatterChart); the rest is text.
        if (cl.output)
            return hpa::app::GuiLoader::run(argc, argv, std::cerr);
        return hpa::app::TableCommand::run(cl, std::cout, std::cerr);
    case CommandLine::Mode::Export:
    case CommandLine::Mode::Report:
    case CommandLine::Mode::Gui:
        return hpa::app::GuiLoader::run(argc, argv, std::cerr);
    default:
        std::cerr << "hpa-lens: this command is not available yet\n";
        return 2;
    }
}
