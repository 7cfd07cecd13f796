#include "core/library/experiment_finder.h"

#include "core/load/experiment_loader.h"
#include "core/load/wva_run_loader.h"

#include <fmt/format.h>

#include <set>
#include <sys/stat.h>
#include <utility>

namespace hpa::core {

namespace fs = std::filesystem;

namespace {

/// A folder's identity: the same folder reached through a symlink has the same one.
using FolderId = std::pair<dev_t, ino_t>;

class Walk
{
public:
    Walk(const ExperimentFinder::Options &options, ExperimentFinder::Result &result)
        : m_options(options), m_result(result)
    {}

    void visit(const fs::path &dir, std::size_t depth)
    {
        if (stopped())
            return;
        struct stat st
        {
        };
        if (::stat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode))
            return;
        if (!m_seen.insert({st.st_dev, st.st_ino}).second) {
            warn(dir, "reached again (a symlink loop or a second link): skipped");
            return;
        }
        if (ExperimentFinder::isExperiment(dir.string())) {
            m_result.experiments.push_back(dir.string());
            if (m_options.found)
                m_options.found(dir.string());
            m_enough = m_result.experiments.size() >= m_options.maxExperiments;
            return; // an experiment's own subfolders (job-logs, plots) are not runs
        }
        if (depth >= m_options.maxDepth) {
            warn(dir, fmt::format("deeper than {} folders: not searched", m_options.maxDepth));
            return;
        }
        std::error_code ec;
        fs::directory_iterator it(dir, ec);
        if (ec) {
            warn(dir, "cannot be read (" + ec.message() + "): skipped");
            return;
        }
        std::vector<fs::path> subfolders;
        for (const fs::directory_iterator end; it != end; it.increment(ec)) {
            if (ec) {
                warn(dir, "could not be listed to the end (" + ec.message() + ")");
                break;
            }
            if (++m_result.entriesSeen > m_options.maxEntries) {
                if (!m_limitWarned)
                    warn(dir, fmt::format("more than {} entries under the root: the search "
                                          "stopped here",
                                          m_options.maxEntries));
                m_limitWarned = true;
                return;
            }
            // is_directory follows a symlink by stat() only: a FIFO is never opened.
            std::error_code sub;
            if (it->is_directory(sub))
                subfolders.push_back(it->path());
        }
        std::sort(subfolders.begin(), subfolders.end());
        for (const fs::path &p : subfolders)
            visit(p, depth + 1);
    }

private:
    bool stopped()
    {
        if (m_options.cancel && m_options.cancel->load(std::memory_order_relaxed))
            m_result.cancelled = true;
        return m_result.cancelled || m_limitWarned || m_enough;
    }
    void warn(const fs::path &dir, std::string message)
    {
        if (m_result.warnings.size() < 1000)
            m_result.warnings.push_back({dir.string(), 0, std::move(message)});
    }

    const ExperimentFinder::Options &m_options;
    ExperimentFinder::Result &m_result;
    std::set<FolderId> m_seen;
    bool m_limitWarned = false;
    bool m_enough = false;
};

} // namespace

bool ExperimentFinder::isExperiment(const std::string &dir)
{
    return ExperimentLoader::isExperimentDir(dir) || WvaRunLoader::isWvaRun(dir);
}

bool ExperimentFinder::holdsExperiments(const std::string &dir, std::size_t maxEntries)
{
    if (isExperiment(dir))
        return false;
    Options options;
    options.maxEntries = maxEntries;
    options.maxExperiments = 1;
    return !find(dir, options).experiments.empty();
}

ExperimentFinder::Result ExperimentFinder::find(const std::string &root, const Options &options)
{
    Result result;
    std::error_code ec;
    const fs::path absolute = fs::absolute(root, ec);
    fs::path start = (ec ? fs::path(root) : absolute).lexically_normal();
    if (start.filename().empty() && start.has_parent_path() && start != start.root_path())
        start = start.parent_path(); // "runs/" names the folder "runs"
    if (!fs::is_directory(start, ec)) {
        result.warnings.push_back({root, 0, "not a folder"});
        return result;
    }
    Walk(options, result).visit(start, 0);
    return result;
}

} // namespace hpa::core
