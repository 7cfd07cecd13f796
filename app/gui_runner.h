#pragma once

#include "app/command_line.h"

namespace hpa::app {

/// Starts the window (or renders it to a PNG for --screenshot).
class GuiRunner
{
public:
    static int run(const CommandLine &cl, int &argc, char **argv);
    /// True when a display (or an explicit Qt platform) is available.
    static bool haveDisplay();
};

} // namespace hpa::app
