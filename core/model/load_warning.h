#pragma once

#include <string>

namespace hpa::core {

/// A problem found while reading an experiment that did not stop the load.
/// `line` is 1-based; 0 means the file as a whole.
struct LoadWarning
{
    std::string file;
    int line = 0;
    std::string message;

    bool operator==(const LoadWarning &) const = default;
};

} // namespace hpa::core
