#pragma once

#include "core/io/byte_source.h"

#include <cstdint>
#include <filesystem>
#include <string>

namespace hpa::core {

/// One file that another program is appending to, read in whole lines: how far it has been
/// read and what the read part looked like, so that appended bytes are told apart from a file
/// that was truncated, replaced (a new inode) or rewritten (its first or last read bytes
/// differ). A partial last line is left for a later look, when its line break has arrived.
class FollowedFile
{
public:
    /// What look() found.
    enum class Change
    {
        None,   ///< nothing new (or only part of a line)
        Grew,   ///< `appended` holds the new whole lines
        Restart ///< not a continuation of what was read: read the file again from the start
    };

    struct Look
    {
        Change change = Change::None;
        std::string appended; ///< the new whole lines (Grew)
        std::string reason;   ///< why it must be read again (Restart), for a warning
    };

    /// Bytes compared at the start and at the end of the read part on each look.
    static constexpr std::size_t kCheckBytes = 4096;

    explicit FollowedFile(std::filesystem::path path);

    /// Reads what was appended since the last look (or since open()), up to its last line
    /// break. A missing file reads as empty; one that disappears after being read is a Restart.
    Look look();

    /// Starts over: the file as it is now, up to its last line break, as an open source (an
    /// empty one when the file is missing). Later looks continue from its end.
    ByteSource open();

    /// True when the file existed at the last look or open().
    bool exists() const { return m_exists; }
    /// Bytes read so far (up to the end of the last whole line).
    std::uint64_t consumed() const { return m_consumed; }
    const std::filesystem::path &path() const { return m_path; }

private:
    void remember(int fd);

    std::filesystem::path m_path;
    bool m_exists = false;
    std::uint64_t m_device = 0;
    std::uint64_t m_inode = 0;
    std::uint64_t m_consumed = 0;
    std::string m_head; ///< the first read bytes (up to kCheckBytes)
    std::string m_tail; ///< the last read bytes (up to kCheckBytes)
};

} // namespace hpa::core
