#include "core/io/file_reader.h"

#include "core/model/warning_list.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <optional>
#include <utility>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace hpa::core {

namespace fs = std::filesystem;

namespace {

/// When the file behind `fd` was last modified, or nullopt when fstat fails.
std::optional<std::pair<std::int64_t, std::int64_t>> modified(int fd)
{
    struct stat st = {};
    if (fd < 0 || ::fstat(fd, &st) != 0)
        return std::nullopt;
    return std::pair<std::int64_t, std::int64_t>{st.st_mtim.tv_sec, st.st_mtim.tv_nsec};
}

} // namespace

FileReader::Result FileReader::read(const std::string &path, std::uintmax_t limit)
{
    Result result;
    for (int attempt = 0; attempt < kReadAttempts; ++attempt) {
        // One set of checks (regular file, size limit, FIFO race) for both ways of reading.
        ByteSource source;
        result = open(path, limit, source);
        if (!result.ok)
            return result;
        const auto before = modified(source.descriptor());
        // The file may grow while we read it (a monitor still running): read what was there
        // when we looked, and keep what we got should it shrink (truncated by its writer).
        result.content.resize(static_cast<std::size_t>(source.size()));
        std::size_t got = 0;
        while (got < result.content.size()) {
            const std::ptrdiff_t n =
                source.read(got, result.content.data() + got, result.content.size() - got);
            if (n < 0) {
                result.ok = false;
                result.content.clear();
                result.error = fmt::format("{}: read error: {}", path, std::strerror(errno));
                return result;
            }
            if (n == 0)
                break;
            got += static_cast<std::size_t>(n);
        }
        result.content.resize(got);
        // A truncation racing with pread() can hand back pages of zeros: a file modified while
        // it was read is read again.
        if (before && before == modified(source.descriptor()))
            return result;
    }
    result.changedWhileRead = true;
    return result;
}

FileReader::Result FileReader::open(const std::string &path, std::uintmax_t limit,
                                    ByteSource &source)
{
    Result result;
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
        result.error = fmt::format("{}: cannot open: {}", path,
                                   ec ? ec.message() : std::string("no such file"));
        return result;
    }
    if (!fs::is_regular_file(status)) {
        result.error = fmt::format("{}: not a regular file (a folder, pipe or device)", path);
        return result;
    }
    // O_NONBLOCK: should the path be swapped for a FIFO after the check above, opening it
    // still returns at once, and fstat below refuses it.
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        result.error = fmt::format("{}: cannot open: {}", path, std::strerror(errno));
        return result;
    }
    struct stat st = {};
    if (::fstat(fd, &st) != 0) {
        result.error = fmt::format("{}: cannot read its size: {}", path, std::strerror(errno));
    } else if (!S_ISREG(st.st_mode)) {
        result.error = fmt::format("{}: not a regular file (a folder, pipe or device)", path);
    } else if (static_cast<std::uintmax_t>(st.st_size) > limit) {
        result.error = fmt::format("{}: {} bytes is more than the {} MiB this file may have", path,
                                   static_cast<std::uintmax_t>(st.st_size), limit >> 20);
    }
    if (!result.error.empty()) {
        ::close(fd);
        return result;
    }
    source = ByteSource::fromDescriptor(fd, static_cast<std::uint64_t>(st.st_size));
    result.ok = true;
    return result;
}

std::optional<std::string> FileReader::readOptional(const std::filesystem::path &dir,
                                                    const std::string &name, std::uintmax_t limit,
                                                    std::vector<LoadWarning> &warnings)
{
    const std::filesystem::path path = dir / name;
    std::error_code ec;
    if (!std::filesystem::exists(std::filesystem::symlink_status(path, ec)))
        return std::nullopt;
    Result r = read(path.string(), limit);
    if (!r.ok) {
        warnings.push_back({name, 0, WarningList::clip(r.error + "; file ignored")});
        return std::nullopt;
    }
    return std::move(r.content);
}

} // namespace hpa::core
