#include "core/library/run_fingerprint.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <sys/stat.h>
#include <vector>

namespace hpa::core {

namespace fs = std::filesystem;

namespace {

/// Appends "name size mtime_ns" of each regular file in `dir` with `extension` (all when
/// empty), sorted, so the order of the directory listing does not matter.
void addFiles(const fs::path &dir, const std::string &prefix, std::string_view extension,
              std::vector<std::string> &entries)
{
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const fs::path &p = it->path();
        if (!extension.empty() && p.extension() != extension)
            continue;
        struct stat st
        {
        };
        // stat() follows a symlink to the file the loader would read; a FIFO is not opened.
        if (::stat(p.c_str(), &st) != 0 || !S_ISREG(st.st_mode))
            continue;
        entries.push_back(fmt::format(
            "{}{} {} {}.{:09}", prefix, p.filename().string(), static_cast<long long>(st.st_size),
            static_cast<long long>(st.st_mtim.tv_sec), static_cast<long>(st.st_mtim.tv_nsec)));
    }
}

} // namespace

std::string RunFingerprint::of(const std::string &dir)
{
    std::vector<std::string> entries;
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        return {};
    addFiles(dir, "", "", entries);
    if (fs::is_directory(fs::path(dir) / "job-logs", ec))
        addFiles(fs::path(dir) / "job-logs", "job-logs/", ".log", entries);
    std::sort(entries.begin(), entries.end());
    std::string out;
    for (const std::string &e : entries)
        out.append(e).append(1, '\n');
    return out.empty() ? std::string("(no files)\n") : out;
}

} // namespace hpa::core
