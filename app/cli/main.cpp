#include "app/cli/command_line.h"
#include "app/cli/gui_loader.h"
#include "app/cli/headless_commands.h"
#include "app/cli/replay_command.h"

#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

int main(int argc, char *argv[])
{
    using hpa::app::CommandLine;
    CommandLine cl;
    try {
        cl = CommandLine::parse(std::vector<std::string>(argv + 1, argv + argc));
    } catch (const std::invalid_argument &e) {
        std::cerr << "hpa-lens: " << e.what() << "\n\n" << CommandLine::usage();
        return 2;
    }
    switch (cl.mode) {
    case CommandLine::Mode::Help:
        std::cout << CommandLine::usage();
        return 0;
    case CommandLine::Mode::Version:
        std::cout << "hpa-lens 0.1.0\n";
        return 0;
    case CommandLine::Mode::Summary:
        return hpa::app::HeadlessCommands::summary(cl, std::cout, std::cerr);
    case CommandLine::Mode::Compare:
        return hpa::app::HeadlessCommands::compare(cl, std::cout, std::cerr);
    case CommandLine::Mode::Demo:
        return hpa::app::HeadlessCommands::demo(cl, std::cout, std::cerr);
    case CommandLine::Mode::Replay:
        return hpa::app::ReplayCommand::run(cl, std::cout, std::cerr);
    case CommandLine::Mode::Export:
    case CommandLine::Mode::Gui:
        return hpa::app::GuiLoader::run(argc, argv, std::cerr);
    default:
        std::cerr << "hpa-lens: this command is not available yet\n";
        return 2;
    }
}
