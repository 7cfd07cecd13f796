#pragma once

#include "app/cli/command_line.h"

#include <iosfwd>

namespace hpa::app {

/// The command-line subcommands that need no display: summary, compare and demo.
class HeadlessCommands
{
public:
    /// `hpa-lens summary DIR [--json]`: 0 on success, 2 when DIR is not an experiment.
    static int summary(const CommandLine &cl, std::ostream &out, std::ostream &err);
    /// `hpa-lens compare DIR_A DIR_B [DIR_C …] [--json]`: 0 on success, 2 when one is not an
    /// experiment. Three runs or more print RunComparisonText / RunComparisonJson.
    static int compare(const CommandLine &cl, std::ostream &out, std::ostream &err);
    /// `hpa-lens demo OUT_DIR [--samples N] [--interval S]`.
    static int demo(const CommandLine &cl, std::ostream &out, std::ostream &err);
};

} // namespace hpa::app
