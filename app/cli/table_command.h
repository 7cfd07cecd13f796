#pragma once

#include "app/cli/command_line.h"
#include "core/library/run_row.h"

#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace hpa::app {

/// `hpa-lens table ROOT`: every experiment under ROOT in one table (the library view's rows),
/// as text, --json (an array of one object per run) or --csv; --sort KEY, --filter TEXT.
/// Rows come from the user's library catalog when the run's files are unchanged.
class TableCommand
{
public:
    /// Reads one table option (`--csv`, `--sort`, `--filter`, `--no-catalog`) into `cl`;
    /// false when `option` is not one.
    static bool parseOption(const std::string &option,
                            const std::function<std::string(const std::string &)> &value,
                            CommandLine &cl);
    /// Exit code 0; 2 with a message on `err` when ROOT is not a folder. Skipped folders and
    /// catalog problems are warnings on `err`.
    static int run(const CommandLine &cl, std::ostream &out, std::ostream &err);
    /// The rows `run` lists: ROOT scanned (with the catalog unless --no-catalog), --filter
    /// and --sort applied; warnings on `err`. Nullopt with a message when ROOT is no folder.
    static std::optional<std::vector<core::RunRow>> listRows(const CommandLine &cl,
                                                             std::ostream &err);
};

} // namespace hpa::app
