#pragma once

#include <optional>
#include <string>
#include <vector>

namespace hpa::app {

/// What the user asked for on the command line.
struct CommandLine
{
    enum class Mode
    {
        Gui,     ///< hpa-lens [DIR] [--compare DIR_B] [--screenshot FILE [--size WxH]]
        Summary, ///< hpa-lens summary DIR [--json]
        Compare, ///< hpa-lens compare DIR_A DIR_B [--json]
        Export,  ///< hpa-lens export DIR [--compare DIR_B] [--png F] ...
        Demo,    ///< hpa-lens demo OUT_DIR [--samples N] [--interval S] [--seed N]
        Help,
        Version
    };

    Mode mode = Mode::Gui;
    std::vector<std::string> dirs; ///< positional folders
    std::optional<std::string> compareDir;
    bool json = false;
    std::optional<std::string> screenshot;
    int width = 0, height = 0; ///< --size WxH (0 = default)
    // export
    std::optional<std::string> png, svg, pdf, csv, summaryCsv;
    int dpi = 300;
    std::optional<std::string> from, to;
    // demo
    std::size_t samples = 0;
    double interval = 5.0;
    std::optional<unsigned long long> seed;
    bool overwrite = false;
    std::optional<std::string> kvUnit;      ///< --kv-unit fraction|percent|milli
    std::optional<std::string> waitingUnit; ///< --waiting-unit auto|as-written|milli

    /// Parses argv. Throws std::invalid_argument with a one-line message on bad usage.
    static CommandLine parse(const std::vector<std::string> &args);
    /// The --help text.
    static std::string usage();
};

} // namespace hpa::app
