#include "core/io/atomic_file.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <random>
#include <stdexcept>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace hpa::core {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void fail(const std::string &path, std::string_view what, int error)
{
    throw std::runtime_error(
        fmt::format("cannot write {}: {}: {}", path, what, std::strerror(error)));
}

/// Owns the temporary file until it has been renamed into place.
class TempFile
{
public:
    explicit TempFile(const fs::path &target)
    {
        const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
        std::random_device device;
        std::mt19937_64 rng((std::uint64_t(device()) << 32) ^ device());
        for (int attempt = 0; attempt < 16; ++attempt) {
            // Hidden and unmistakable, in the target's folder so rename() stays atomic.
            m_path = dir / fmt::format(".{}.{:016x}.tmp", target.filename().string(), rng());
            // 0666 lets the umask decide, as for any file the user creates.
            m_fd = ::open(m_path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
            if (m_fd >= 0 || errno != EEXIST)
                break;
        }
        if (m_fd < 0)
            m_error = errno;
        m_created = m_fd >= 0;
    }
    ~TempFile()
    {
        if (m_fd >= 0)
            ::close(m_fd);
        if (m_created && !m_committed)
            ::unlink(m_path.c_str());
    }
    TempFile(const TempFile &) = delete;
    TempFile &operator=(const TempFile &) = delete;

    int fd() const { return m_fd; }
    int error() const { return m_error; }
    const fs::path &path() const { return m_path; }
    /// Closes the descriptor; returns false (errno set) when close reports a write error.
    bool close()
    {
        const int fd = m_fd;
        m_fd = -1;
        return ::close(fd) == 0;
    }
    void committed() { m_committed = true; }

private:
    fs::path m_path;
    int m_fd = -1;
    int m_error = 0;
    bool m_created = false;
    bool m_committed = false;
};

} // namespace

void AtomicFile::write(const std::string &path, std::string_view content)
{
    const fs::path target(path);
    if (target.filename().empty())
        throw std::runtime_error(fmt::format("cannot write {}: not a file name", path));
    TempFile temp(target);
    if (temp.fd() < 0)
        fail(path, "cannot create a temporary file in its folder", temp.error());

    struct stat existing
    {
    };
    if (::stat(path.c_str(), &existing) == 0 && S_ISREG(existing.st_mode))
        ::fchmod(temp.fd(), existing.st_mode & 07777);

    const char *data = content.data();
    std::size_t left = content.size();
    while (left > 0) {
        const ssize_t n = ::write(temp.fd(), data, left);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            fail(path, "write failed", errno);
        }
        data += n;
        left -= static_cast<std::size_t>(n);
    }
    // Without the flush a crash right after rename() could leave an empty file in place.
    if (::fsync(temp.fd()) != 0)
        fail(path, "flush to disk failed", errno);
    if (!temp.close())
        fail(path, "close failed", errno);
    if (::rename(temp.path().c_str(), path.c_str()) != 0)
        fail(path, "cannot replace it", errno);
    temp.committed();

    // Best effort: make the rename itself durable.
    const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    const int dirFd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dirFd >= 0) {
        ::fsync(dirFd);
        ::close(dirFd);
    }
}

} // namespace hpa::core
