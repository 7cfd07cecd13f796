#pragma once

#include "app/cli/command_line.h"

namespace hpa::app {

/// Starts the window (or renders it to a PNG for --screenshot).
class GuiRunner
{
public:
    static int run(const CommandLine &cl, int &argc, char **argv);
    /// True when a display (or an explicit Qt platform) is available.
    static bool haveDisplay();
    /// Processes events for `ms` milliseconds, so layouts and deferred chart updates settle
    /// before the window is drawn to a file.
    static void settle(int ms);
};

} // namespace hpa::app
