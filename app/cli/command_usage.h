#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace hpa::app {

/// One option of a command as --help, the man page and the bash completion show it.
struct OptionUsage
{
    constexpr OptionUsage(std::string_view flag_, std::string_view value_, std::string_view text_,
                          std::string_view choices_ = {})
        : flag(flag_), value(value_), text(text_), choices(choices_)
    {}

    std::string_view flag;    ///< "--json"
    std::string_view value;   ///< "FILE", "DIR_B", "N"; empty for a switch
    std::string_view text;    ///< what it does, one sentence
    std::string_view choices; ///< the values it accepts, space-separated, when a fixed set
};

/// One command of hpa-lens. The table in command_usage.cpp is the one place where a command's
/// arguments and options are written down: `hpa-lens COMMAND --help`, the man page, the bash
/// completion and the check that an option belongs to the command all read it. A new option
/// is one row there.
struct CommandUsage
{
    std::string_view name;      ///< "summary"; empty for the window (`hpa-lens [DIR]`)
    std::string_view arguments; ///< positional arguments, e.g. "DIR_A DIR_B"
    std::string_view summary;   ///< what the command does, one line
    std::vector<OptionUsage> options;
    std::string_view notes; ///< more explanation (value formats), may be empty

    /// Every command, the window first.
    static const std::vector<CommandUsage> &all();
    /// The command called `name` ("" = the window), or nullptr.
    static const CommandUsage *find(std::string_view name);
    /// The command that `args` (argv without the program name) asks for: the window unless the
    /// first argument names a command.
    static const CommandUsage &forArguments(const std::vector<std::string> &args);
    /// The option `flag` of this command, or nullptr.
    const OptionUsage *option(std::string_view flag) const;

    /// "hpa-lens summary DIR [--json] ...", wrapped to fit 80 columns in --help.
    std::string synopsis() const;
    /// `hpa-lens COMMAND --help`: synopsis, summary, each option, notes.
    std::string help() const;
    /// `hpa-lens --help`: every command's synopsis and summary.
    static std::string overview();
};

} // namespace hpa::app
