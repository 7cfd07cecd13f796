#pragma once

#include "core/io/byte_source.h"
#include "core/model/load_warning.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace hpa::core {

/// Reads whole files with the limits that keep hostile folders from hanging or exhausting us.
class FileReader
{
public:
    static constexpr std::uintmax_t kMetricsLimit = std::uintmax_t{1} << 30;  ///< 1 GiB
    static constexpr std::uintmax_t kLogLimit = std::uintmax_t{64} << 20;     ///< 64 MiB
    static constexpr std::uintmax_t kMetadataLimit = std::uintmax_t{1} << 20; ///< 1 MiB

    struct Result
    {
        bool ok = false;
        std::string content;
        std::string error; ///< why it could not be read, naming the file
        /// The file was modified during every attempt to read it: `content` may mix two
        /// versions (a writer truncating and rewriting it). Appending alone never sets it
        /// unless it happens during all attempts.
        bool changedWhileRead = false;
    };

    /// How often read() starts again when the file was modified while it was read.
    static constexpr int kReadAttempts = 3;

    /// Reads a regular file of at most `limit` bytes. FIFOs, devices, directories, unreadable
    /// or oversized files give an error instead of blocking or allocating. A file modified
    /// while it is read is read again (see Result::changedWhileRead).
    static Result read(const std::string &path, std::uintmax_t limit);

    /// Opens a file under the same rules as read() without reading it: on success `source`
    /// reads it in pieces, up to the size it had when opened. `content` stays empty.
    static Result open(const std::string &path, std::uintmax_t limit, ByteSource &source);

    /// Reads `dir`/`name` if it exists: a missing file is silent, an unreadable one adds a
    /// warning naming it and gives nothing.
    static std::optional<std::string> readOptional(const std::filesystem::path &dir,
                                                   const std::string &name, std::uintmax_t limit,
                                                   std::vector<LoadWarning> &warnings);
};

} // namespace hpa::core
