#pragma once

#include "app/cli/command_line.h"

#include <functional>
#include <iosfwd>
#include <string>

namespace hpa::app {

/// `hpa-lens replay DIR`: the HPA spec used (and what was assumed), the open-loop self-check,
/// and closed-loop what-if estimates for the spec as loaded, each --set group and each sweep
/// combination; text, --json or --csv.
class ReplayCommand
{
public:
    /// Reads one replay option (`--hpa`, `--set`, `--sweep`, `--onset-delay`, `--series`,
    /// `--csv`) into `cl`; false when `option` is not one. `value` fetches the next argument.
    static bool parseOption(const std::string &option,
                            const std::function<std::string(const std::string &)> &value,
                            CommandLine &cl);
    /// Exit code 0, or 2 with a message on `err` (unreadable folder or manifest, bad setting).
    static int run(const CommandLine &cl, std::ostream &out, std::ostream &err);
};

} // namespace hpa::app
