#include "core/io/byte_source.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

#include <unistd.h>

namespace hpa::core {

ByteSource ByteSource::fromMemory(std::string_view bytes)
{
    ByteSource s;
    s.m_memory = bytes.data();
    s.m_size = bytes.size();
    return s;
}

ByteSource ByteSource::fromDescriptor(int fd, std::uint64_t size)
{
    ByteSource s;
    s.m_fd = fd;
    s.m_size = size;
    return s;
}

ByteSource::ByteSource(ByteSource &&other) noexcept
    : m_memory(std::exchange(other.m_memory, nullptr)), m_fd(std::exchange(other.m_fd, -1)),
      m_size(std::exchange(other.m_size, 0))
{}

ByteSource &ByteSource::operator=(ByteSource &&other) noexcept
{
    if (this != &other) {
        if (m_fd >= 0)
            ::close(m_fd);
        m_memory = std::exchange(other.m_memory, nullptr);
        m_fd = std::exchange(other.m_fd, -1);
        m_size = std::exchange(other.m_size, 0);
    }
    return *this;
}

ByteSource::~ByteSource()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

std::ptrdiff_t ByteSource::read(std::uint64_t offset, char *dst, std::size_t n) const
{
    if (offset >= m_size)
        return 0;
    n = static_cast<std::size_t>(std::min<std::uint64_t>(n, m_size - offset));
    if (m_memory) {
        std::memcpy(dst, m_memory + offset, n);
        return static_cast<std::ptrdiff_t>(n);
    }
    std::size_t got = 0;
    while (got < n) {
        const ssize_t r = ::pread(m_fd, dst + got, n - got, static_cast<off_t>(offset + got));
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0)
            return -1;
        if (r == 0)
            break; // shrunk by its writer: what is left is all there is
        got += static_cast<std::size_t>(r);
    }
    return static_cast<std::ptrdiff_t>(got);
}

} // namespace hpa::core
