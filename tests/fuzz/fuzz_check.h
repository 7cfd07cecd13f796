#pragma once

#include "core/model/load_warning.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <vector>

namespace hpa::fuzz {

/// Aborts with a message when a parser breaks one of its promises, so libFuzzer keeps the input.
inline void require(bool ok, const char *what)
{
    if (!ok) {
        std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
        std::abort();
    }
}

/// Every warning names its file and a line inside the input (0 = the file as a whole).
inline void checkWarnings(const std::vector<core::LoadWarning> &warnings, std::string_view file,
                          std::size_t inputSize)
{
    for (const core::LoadWarning &w : warnings) {
        require(w.file == file, "warning names another file");
        require(w.line >= 0, "negative warning line");
        require(static_cast<std::size_t>(w.line) <= inputSize + 1, "warning line past the end");
        require(!w.message.empty(), "empty warning message");
    }
}

} // namespace hpa::fuzz
