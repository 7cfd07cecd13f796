#pragma once

#include "core/library/run_row.h"

#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

struct sqlite3;

namespace hpa::core {

/// The library's cache: each run's row keyed by its path and the fingerprint of its files,
/// plus the user's tags and notes, in one SQLite file (WAL mode: a process killed during a
/// write loses nothing that was committed). It lives in the user's cache folder, never in an
/// experiment folder. A file that is not a catalog (garbage, another program's database) is
/// renamed aside and a new one made, with a warning; a read-only one is used read-only.
/// Thread-safe: every call takes one lock.
class RunCatalog
{
public:
    struct Entry
    {
        RunRow row; ///< with the user's tags and notes
        std::string fingerprint;
    };

    /// Opens (or creates) the catalog at `path`. Never throws: problems become warnings(),
    /// and with no usable file at all the catalog works in memory for this session.
    explicit RunCatalog(std::string path);
    ~RunCatalog();
    RunCatalog(const RunCatalog &) = delete;
    RunCatalog &operator=(const RunCatalog &) = delete;

    /// $XDG_CACHE_HOME/hpa-lens/library.sqlite (~/.cache when unset).
    static std::string defaultPath();

    const std::string &path() const { return m_path; }
    /// What went wrong opening or writing, for the user (file named).
    std::vector<std::string> warnings() const;
    /// False when changes cannot be saved (read-only file, or only in memory).
    bool isWritable() const { return m_writable; }

    /// Every run whose path is `root` or under it, by path.
    std::map<std::string, Entry> entriesUnder(const std::string &root) const;
    /// Records `row` as read from files with `fingerprint` (tags and notes untouched).
    bool store(const RunRow &row, const std::string &fingerprint);
    /// Records several rows in one transaction (a commit per row costs more than the rows).
    bool storeMany(const std::vector<std::pair<RunRow, std::string>> &rows);
    /// Marks `path` missing (its last known numbers are kept).
    bool markMissing(const std::string &path);
    /// The user's tags and notes of `path` (empty when none).
    std::pair<std::string, std::string> userText(const std::string &path) const;
    /// Saves the tags and notes of `path`; false (and a warning) when they cannot be saved.
    bool setUserText(const std::string &path, const std::string &tags, const std::string &notes);

private:
    bool openFile(bool readOnly);
    bool initSchema();
    bool exec(const char *sql);
    bool storeLocked(const RunRow &row, const std::string &fingerprint);
    void warn(std::string message) const;
    void setAside(const std::string &why);

    std::string m_path;
    sqlite3 *m_db = nullptr;
    bool m_writable = false;
    mutable std::mutex m_mutex;
    mutable std::vector<std::string> m_warnings;
};

} // namespace hpa::core
