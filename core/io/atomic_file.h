#pragma once

#include <string>
#include <string_view>

namespace hpa::core {

/// Replaces a file all at once, so an export never leaves a half-written file behind.
class AtomicFile
{
public:
    /// Writes `content` to a temporary file in the folder of `path`, flushes it to disk and
    /// renames it over `path`. On any failure the temporary file is removed, an existing file
    /// at `path` is left as it was, and std::runtime_error names the path and the reason.
    /// An existing target keeps its permission bits.
    static void write(const std::string &path, std::string_view content);
};

} // namespace hpa::core
