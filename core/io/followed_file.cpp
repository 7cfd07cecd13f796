#include "core/io/followed_file.h"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace hpa::core {

namespace {

/// Reads exactly [offset, offset + n) or returns false.
bool readAt(int fd, std::uint64_t offset, std::size_t n, std::string &out)
{
    out.resize(n);
    std::size_t got = 0;
    while (got < n) {
        const ssize_t r = ::pread(fd, out.data() + got, n - got, static_cast<off_t>(offset + got));
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return false;
        got += static_cast<std::size_t>(r);
    }
    return true;
}

/// Offset just past the last '\n' in [from, size), or `from` when there is none.
std::uint64_t lastLineEnd(int fd, std::uint64_t from, std::uint64_t size)
{
    constexpr std::size_t kBlock = 64 << 10;
    std::string block;
    for (std::uint64_t end = size; end > from;) {
        const std::uint64_t begin = end - std::min<std::uint64_t>(kBlock, end - from);
        if (!readAt(fd, begin, static_cast<std::size_t>(end - begin), block))
            return from;
        const auto nl = block.rfind('\n');
        if (nl != std::string::npos)
            return begin + nl + 1;
        end = begin;
    }
    return from;
}

class Descriptor
{
public:
    explicit Descriptor(const std::filesystem::path &path)
        : m_fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC))
    {}
    ~Descriptor()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    Descriptor(const Descriptor &) = delete;
    Descriptor &operator=(const Descriptor &) = delete;
    int get() const { return m_fd; }
    int release() { return std::exchange(m_fd, -1); }

private:
    int m_fd;
};

} // namespace

FollowedFile::FollowedFile(std::filesystem::path path) : m_path(std::move(path)) {}

void FollowedFile::remember(int fd)
{
    struct stat st
    {
    };
    if (::fstat(fd, &st) == 0) {
        m_device = static_cast<std::uint64_t>(st.st_dev);
        m_inode = static_cast<std::uint64_t>(st.st_ino);
    }
    const std::size_t head =
        static_cast<std::size_t>(std::min<std::uint64_t>(kCheckBytes, m_consumed));
    if (!readAt(fd, 0, head, m_head))
        m_head.clear();
    const std::size_t tail =
        static_cast<std::size_t>(std::min<std::uint64_t>(kCheckBytes, m_consumed));
    if (!readAt(fd, m_consumed - tail, tail, m_tail))
        m_tail.clear();
}

ByteSource FollowedFile::open()
{
    m_consumed = 0;
    m_head.clear();
    m_tail.clear();
    Descriptor fd(m_path);
    struct stat st
    {
    };
    m_exists = fd.get() >= 0 && ::fstat(fd.get(), &st) == 0;
    if (!m_exists)
        return ByteSource();
    m_consumed = lastLineEnd(fd.get(), 0, static_cast<std::uint64_t>(st.st_size));
    remember(fd.get());
    return ByteSource::fromDescriptor(fd.release(), m_consumed);
}

FollowedFile::Look FollowedFile::look()
{
    Look look;
    const auto restart = [&look](std::string reason) {
        look.change = Change::Restart;
        look.reason = std::move(reason);
        return std::move(look);
    };
    const std::string name = m_path.filename().string();
    Descriptor fd(m_path);
    struct stat st
    {
    };
    if (fd.get() < 0 || ::fstat(fd.get(), &st) != 0) {
        if (m_exists)
            return restart(fmt::format("{} was removed", name));
        return look;
    }
    const auto size = static_cast<std::uint64_t>(st.st_size);
    if (m_exists && (static_cast<std::uint64_t>(st.st_dev) != m_device ||
                     static_cast<std::uint64_t>(st.st_ino) != m_inode))
        return restart(fmt::format("{} was replaced by another file", name));
    if (size < m_consumed)
        return restart(
            fmt::format("{} was truncated ({} bytes, {} were read)", name, size, m_consumed));
    if (!m_exists) {
        m_device = static_cast<std::uint64_t>(st.st_dev);
        m_inode = static_cast<std::uint64_t>(st.st_ino);
    }
    std::string check;
    if (!readAt(fd.get(), 0, m_head.size(), check) || check != m_head ||
        !readAt(fd.get(), m_consumed - m_tail.size(), m_tail.size(), check) || check != m_tail)
        return restart(fmt::format("{} was rewritten in the part already read", name));
    m_exists = true;
    if (size == m_consumed)
        return look;
    std::string bytes;
    if (!readAt(fd.get(), m_consumed, static_cast<std::size_t>(size - m_consumed), bytes))
        return look; // shrank meanwhile: the next look says so
    const auto nl = bytes.rfind('\n');
    if (nl == std::string::npos)
        return look; // a partial line: it waits for its line break
    bytes.resize(nl + 1);
    m_consumed += bytes.size();
    remember(fd.get());
    look.change = Change::Grew;
    look.appended = std::move(bytes);
    return look;
}

} // namespace hpa::core
