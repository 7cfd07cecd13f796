#pragma once

#include "app/cli/command_line.h"

#include <functional>
#include <iosfwd>
#include <optional>
#include <string>

namespace hpa::app {

/// `hpa-lens import prometheus URL --namespace NS --hpa NAME [--deployment NAME] --from TIME
/// --to TIME [--step S] [--preset NAME|FILE] [--token-file F] OUT_DIR`.
class ImportCommand
{
public:
    /// Reads one import option into `cl`; false when `option` is not one.
    static bool parseOption(const std::string &option,
                            const std::function<std::string(const std::string &)> &value,
                            CommandLine &cl);
    /// Throws std::invalid_argument when the positional arguments or a required option are
    /// missing.
    static void checkArguments(const CommandLine &cl);
    /// Exit code 0 (the folder written; warnings on `err`), or 2 with one line on `err`.
    static int run(const CommandLine &cl, std::ostream &out, std::ostream &err);

    /// ISO 8601 with `Z` or an offset, or Unix seconds; nullopt for anything else (a time
    /// without a zone would depend on where the command runs).
    static std::optional<double> parseTime(const std::string &text);
};

} // namespace hpa::app
