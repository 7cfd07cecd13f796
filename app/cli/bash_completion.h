#pragma once

#include <string>

namespace hpa::app {

/// The bash completion of hpa-lens, written from the command table (CommandUsage): the
/// commands, each command's options, folders for DIR arguments, files for FILE values and
/// the fixed choices of an option. Needs only bash (not the bash-completion package).
class BashCompletion
{
public:
    /// The script for PREFIX/share/bash-completion/completions/hpa-lens.
    static std::string render();
};

} // namespace hpa::app
