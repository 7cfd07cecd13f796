#pragma once

#include "core/io/byte_source.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

namespace hpa::core {

/// The lines of a byte range of a ByteSource, in order. Memory is viewed in place; a file is
/// read in blocks into one buffer that only grows for a line longer than a block.
class LineReader
{
public:
    /// 256 KiB: a block and the rows parsed from it stay in the core's L2 cache.
    static constexpr std::size_t kBlockSize = std::size_t{1} << 18;

    LineReader(const ByteSource &source, std::uint64_t begin, std::uint64_t end,
               std::size_t blockSize = kBlockSize);

    /// The next line without its `\n` (a `\r` before it stays); false after the last one. The
    /// view is valid until the next call.
    bool next(std::string_view &line);

    /// Bytes of the range consumed so far (lines returned, with their `\n`).
    std::uint64_t consumed() const { return m_consumed; }
    /// errno of a failed read, else 0; the lines before it were returned.
    int error() const { return m_error; }

private:
    bool fill();

    const ByteSource &m_source;
    std::uint64_t m_next; ///< file offset of the next read
    std::uint64_t m_end;  ///< end of the range
    std::uint64_t m_consumed = 0;
    std::unique_ptr<char[]> m_buffer;
    std::size_t m_capacity = 0;
    std::size_t m_pos = 0;     ///< start of the unreturned bytes in m_buffer
    std::size_t m_len = 0;     ///< valid bytes in m_buffer
    std::size_t m_scanned = 0; ///< bytes after m_pos already known to hold no `\n`
    const char *m_memory = nullptr;
    int m_error = 0;
};

} // namespace hpa::core
