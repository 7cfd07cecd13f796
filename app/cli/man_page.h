#pragma once

#include <string>

namespace hpa::app {

/// The manual page hpa-lens(1), written from the command table (CommandUsage), so every
/// command and option that --help knows is in it.
class ManPage
{
public:
    /// The page in roff (man macros), for PREFIX/share/man/man1/hpa-lens.1.
    static std::string render();
};

} // namespace hpa::app
