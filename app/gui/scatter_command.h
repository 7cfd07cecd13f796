#pragma once

#include "app/cli/command_line.h"

namespace hpa::app {

/// `hpa-lens table ROOT --scatter [X_KEY,Y_KEY] -o FILE.svg|png|pdf [--size WxH]`: the
/// library's scatter of the listed runs (--filter applies) drawn by the library's own chart
/// (RunScatterChart, Pareto front ringed) into a file, without a window.
class ScatterCommand
{
public:
    /// 0 when the file was written; 2 with one line on stderr naming the problem.
    static int run(const CommandLine &cl, int &argc, char **argv);
};

} // namespace hpa::app
