#pragma once

#include "app/cli/command_line.h"

#include <optional>
#include <string>

namespace hpa::app {

/// `hpa-lens export DIR [--compare DIR_B] [--png F] [--svg F] [--pdf F] [--csv F]
/// [--summary-csv F] [--size WxH] [--dpi N] [--from T --to T]`: lays the charts out offscreen
/// as the window would at --size and writes each requested file.
class ExportCommand
{
public:
    /// 0 when every file was written; 2 with one line on stderr naming the problem.
    static int run(const CommandLine &cl, int &argc, char **argv);

    /// The experiment time meant by a --from/--to value: seconds from the first sample
    /// (`90`, `12.5`), `mm:ss` or `h:mm:ss` from the first sample, or a timestamp as written in
    /// metrics.csv. Nullopt when `text` is none of these.
    static std::optional<double> parseTime(const std::string &text, double firstSample);
};

} // namespace hpa::app
