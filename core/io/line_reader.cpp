#include "core/io/line_reader.h"

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace hpa::core {

LineReader::LineReader(const ByteSource &source, std::uint64_t begin, std::uint64_t end,
                       std::size_t blockSize)
    : m_source(source), m_next(begin), m_end(std::min(end, source.size()))
{
    if (m_next > m_end)
        m_next = m_end;
    if (source.memory()) {
        m_memory = source.memory() + m_next;
        m_len = static_cast<std::size_t>(m_end - m_next);
        m_next = m_end;
        return;
    }
    m_capacity = static_cast<std::size_t>(
        std::min<std::uint64_t>(std::max<std::size_t>(blockSize, 16), m_end - m_next + 1));
    m_buffer = std::make_unique_for_overwrite<char[]>(m_capacity);
}

bool LineReader::fill()
{
    if (m_next >= m_end || m_error)
        return false;
    char *buf = m_buffer.get();
    if (m_pos > 0) {
        std::memmove(buf, buf + m_pos, m_len - m_pos);
        m_len -= m_pos;
        m_pos = 0;
    }
    if (m_len == m_capacity) {
        // One line longer than the buffer: double it (bounded by the range's size).
        const std::size_t bigger = static_cast<std::size_t>(
            std::min<std::uint64_t>(std::uint64_t{m_capacity} * 2, m_len + (m_end - m_next)));
        auto grown = std::make_unique_for_overwrite<char[]>(bigger);
        std::memcpy(grown.get(), buf, m_len);
        m_buffer = std::move(grown);
        m_capacity = bigger;
        buf = m_buffer.get();
    }
    const std::ptrdiff_t got = m_source.read(
        m_next, buf + m_len,
        static_cast<std::size_t>(std::min<std::uint64_t>(m_capacity - m_len, m_end - m_next)));
    if (got < 0) {
        m_error = errno ? errno : EIO;
        return false;
    }
    if (got == 0) {
        m_next = m_end; // the file shrank: it ends here
        return false;
    }
    m_next += static_cast<std::uint64_t>(got);
    m_len += static_cast<std::size_t>(got);
    return true;
}

bool LineReader::next(std::string_view &line)
{
    const char *base = m_memory ? m_memory : m_buffer.get();
    while (true) {
        const char *from = base + m_pos + m_scanned;
        const std::size_t left = m_len - m_pos - m_scanned;
        const void *nl = left ? std::memchr(from, '\n', left) : nullptr;
        if (nl) {
            const auto size =
                static_cast<std::size_t>(static_cast<const char *>(nl) - base) - m_pos;
            line = std::string_view(base + m_pos, size);
            m_pos += size + 1;
            m_consumed += size + 1;
            m_scanned = 0;
            return true;
        }
        m_scanned = m_len - m_pos;
        if (!m_memory && fill()) {
            base = m_buffer.get();
            continue;
        }
        if (m_pos == m_len)
            return false;
        // A last line without a newline.
        line = std::string_view(base + m_pos, m_len - m_pos);
        m_consumed += m_len - m_pos;
        m_pos = m_len;
        m_scanned = 0;
        return true;
    }
}

} // namespace hpa::core
