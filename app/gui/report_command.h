#pragma once

#include "app/cli/command_line.h"

#include <string>

namespace hpa::app {

/// `hpa-lens report DIR [--compare DIR_B] [--hpa FILE] [--slo-ttft MS] [--slo-itl MS]
/// -o FILE.html|FILE.pdf`: loads the run(s), lays the charts out off screen as `export` does
/// and writes the one-file report (ReportWriter). Never reads or writes the window's settings.
class ReportCommand
{
public:
    /// 0 when the report was written; 2 with one line on stderr naming the problem.
    static int run(const CommandLine &cl, int &argc, char **argv);

    /// "HPA Lens 0.4.0".
    static std::string generator();
    /// The current time as "2026-11-29 21:30 UTC".
    static std::string now();
};

} // namespace hpa::app
