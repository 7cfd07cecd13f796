#include "core/library/run_catalog.h"

#include <fmt/format.h>
#include <sqlite3.h>

#include <array>
#include <chrono>
#include <cstdlib>
#include <filesystem>

namespace hpa::core {

namespace fs = std::filesystem;

namespace {

/// "HPLB": marks the file as ours, so a foreign SQLite file is never mistaken for a catalog.
constexpr int kApplicationId = 0x48504C42;
constexpr int kSchemaVersion = 1;

/// The numeric fields in the order of their columns in `runs` (after the text ones).
constexpr std::array<std::optional<double> RunRow::*, 15> kNumbers = {
    &RunRow::startSeconds, &RunRow::durationSeconds, &RunRow::samples,
    &RunRow::warnings,     &RunRow::maxReplicas,     &RunRow::meanReplicas,
    &RunRow::replicaHours, &RunRow::waitingP90,      &RunRow::kvMeanPct,
    &RunRow::thetaUPct,    &RunRow::tauUPct,         &RunRow::reactionMedianS,
    &RunRow::sloTtftPct,   &RunRow::sloItlPct,       nullptr};

constexpr const char *kSchema =
    "CREATE TABLE IF NOT EXISTS runs (path TEXT PRIMARY KEY, fingerprint TEXT NOT NULL,"
    " status INTEGER NOT NULL, error TEXT, name TEXT, layout TEXT, start TEXT,"
    " start_s REAL, duration_s REAL, samples REAL, warnings REAL, replicas_max REAL,"
    " replicas_mean REAL, replica_hours REAL, waiting_p90 REAL, kv_mean_pct REAL,"
    " theta_u_pct REAL, tau_u_pct REAL, reaction_median_s REAL, slo_ttft_pct REAL,"
    " slo_itl_pct REAL);"
    // The user's words live apart from the cached numbers: re-reading a run never touches them.
    "CREATE TABLE IF NOT EXISTS user_text (path TEXT PRIMARY KEY, tags TEXT NOT NULL,"
    " notes TEXT NOT NULL);";

/// A prepared statement, finalized when it goes out of scope.
class Statement
{
public:
    Statement(sqlite3 *db, const char *sql)
    {
        if (db)
            sqlite3_prepare_v2(db, sql, -1, &m_stmt, nullptr);
    }
    ~Statement() { sqlite3_finalize(m_stmt); }
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    explicit operator bool() const { return m_stmt != nullptr; }
    void bind(int i, const std::string &text)
    {
        sqlite3_bind_text(m_stmt, i, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    }
    void bind(int i, std::optional<double> v)
    {
        if (v)
            sqlite3_bind_double(m_stmt, i, *v);
        else
            sqlite3_bind_null(m_stmt, i);
    }
    void bind(int i, int v) { sqlite3_bind_int(m_stmt, i, v); }
    int step() { return m_stmt ? sqlite3_step(m_stmt) : SQLITE_ERROR; }
    std::string text(int i) const
    {
        const auto *p = sqlite3_column_text(m_stmt, i);
        return p ? std::string(reinterpret_cast<const char *>(p),
                               static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, i)))
                 : std::string();
    }
    std::optional<double> number(int i) const
    {
        if (sqlite3_column_type(m_stmt, i) == SQLITE_NULL)
            return std::nullopt;
        return sqlite3_column_double(m_stmt, i);
    }
    int integer(int i) const { return sqlite3_column_int(m_stmt, i); }

private:
    sqlite3_stmt *m_stmt = nullptr;
};

} // namespace

RunCatalog::RunCatalog(std::string path) : m_path(std::move(path))
{
    std::error_code ec;
    fs::create_directories(fs::path(m_path).parent_path(), ec);
    if (openFile(false) && initSchema())
        return;
    if (m_db) {
        // Not a catalog of ours: keep it aside for the user, start a new one.
        setAside("it is not an HPA Lens catalog (damaged, or another program's file)");
        if (openFile(false) && initSchema())
            return;
    }
    sqlite3_close(m_db);
    m_db = nullptr;
    warn(fmt::format("the library catalog {} cannot be used; this session keeps it in memory "
                     "only (tags and notes will not be saved)",
                     m_path));
    if (sqlite3_open(":memory:", &m_db) == SQLITE_OK && exec(kSchema))
        m_writable = false; // in memory: nothing survives, so say changes are not saved
}

RunCatalog::~RunCatalog()
{
    sqlite3_close(m_db);
}

std::string RunCatalog::defaultPath()
{
    const char *xdg = std::getenv("XDG_CACHE_HOME");
    fs::path base;
    if (xdg && *xdg && fs::path(xdg).is_absolute())
        base = xdg;
    else if (const char *home = std::getenv("HOME"); home && *home)
        base = fs::path(home) / ".cache";
    else
        base = fs::temp_directory_path();
    return (base / "hpa-lens" / "library.sqlite").string();
}

bool RunCatalog::openFile(bool readOnly)
{
    sqlite3_close(m_db);
    m_db = nullptr;
    const int flags = readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    if (sqlite3_open_v2(m_path.c_str(), &m_db, flags | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
        if (!readOnly)
            return openFile(true);
        sqlite3_close(m_db);
        m_db = nullptr;
        return false;
    }
    sqlite3_busy_timeout(m_db, 3000);
    m_writable = !readOnly && sqlite3_db_readonly(m_db, "main") == 0;
    return true;
}

bool RunCatalog::initSchema()
{
    int appId = 0;
    bool empty = false;
    {
        // Scoped: an unfinished statement would keep the read transaction open, and the
        // journal mode cannot change inside one.
        Statement id(m_db, "PRAGMA application_id");
        if (!id || id.step() != SQLITE_ROW)
            return false; // not a database at all (SQLITE_NOTADB)
        appId = id.integer(0);
        Statement tables(m_db, "SELECT count(*) FROM sqlite_master");
        if (!tables || tables.step() != SQLITE_ROW)
            return false;
        empty = tables.integer(0) == 0;
    }
    if (!empty && appId != kApplicationId)
        return false; // another program's database
    if (!m_writable) {
        if (empty)
            return false;
        warn(fmt::format("the library catalog {} is read-only: runs are read again each time "
                         "and tags and notes cannot be changed",
                         m_path));
        return true;
    }
    if (!exec("PRAGMA journal_mode=WAL") || !exec("PRAGMA synchronous=NORMAL"))
        return false;
    if (empty && !exec(fmt::format("PRAGMA application_id={}; PRAGMA user_version={}",
                                   kApplicationId, kSchemaVersion)
                           .c_str()))
        return false;
    return exec(kSchema);
}

bool RunCatalog::exec(const char *sql)
{
    char *error = nullptr;
    const int rc = sqlite3_exec(m_db, sql, nullptr, nullptr, &error);
    sqlite3_free(error);
    return rc == SQLITE_OK;
}

void RunCatalog::warn(std::string message) const
{
    if (m_warnings.size() < 20)
        m_warnings.push_back(std::move(message));
}

void RunCatalog::setAside(const std::string &why)
{
    sqlite3_close(m_db);
    m_db = nullptr;
    const auto stamp = std::chrono::duration_cast<std::chrono::seconds>(
                           std::chrono::system_clock::now().time_since_epoch())
                           .count();
    const std::string aside = fmt::format("{}.unreadable-{}", m_path, stamp);
    std::error_code ec;
    fs::rename(m_path, aside, ec);
    if (ec) {
        warn(fmt::format("the library catalog {} is unusable ({}) and could not be moved aside: {}",
                         m_path, why, ec.message()));
        return;
    }
    for (const char *suffix : {"-wal", "-shm"})
        fs::remove(m_path + suffix, ec);
    warn(fmt::format("the library catalog {} was unusable: {}. It was moved to {} and a new "
                     "one is built (every run is read again)",
                     m_path, why, aside));
}

std::vector<std::string> RunCatalog::warnings() const
{
    std::lock_guard lock(m_mutex);
    return m_warnings;
}

std::map<std::string, RunCatalog::Entry> RunCatalog::entriesUnder(const std::string &root) const
{
    std::lock_guard lock(m_mutex);
    std::map<std::string, Entry> out;
    Statement q(m_db,
                "SELECT r.path, r.fingerprint, r.status, r.error, r.name, r.layout, r.start,"
                " r.start_s, r.duration_s, r.samples, r.warnings, r.replicas_max, r.replicas_mean,"
                " r.replica_hours, r.waiting_p90, r.kv_mean_pct, r.theta_u_pct, r.tau_u_pct,"
                " r.reaction_median_s, r.slo_ttft_pct, r.slo_itl_pct, u.tags, u.notes"
                " FROM runs r LEFT JOIN user_text u ON u.path = r.path"
                " WHERE r.path = ?1 OR substr(r.path, 1, length(?2)) = ?2");
    if (!q)
        return out;
    const std::string prefix = root.ends_with('/') ? root : root + '/';
    q.bind(1, root);
    q.bind(2, prefix);
    while (q.step() == SQLITE_ROW) {
        Entry e;
        RunRow &r = e.row;
        r.path = q.text(0);
        e.fingerprint = q.text(1);
        const int status = q.integer(2);
        r.status = status == 1   ? RunRow::Status::Failed
                   : status == 2 ? RunRow::Status::Missing
                                 : RunRow::Status::Ok;
        r.error = q.text(3);
        r.name = q.text(4);
        r.layout = q.text(5);
        r.start = q.text(6);
        for (std::size_t i = 0; kNumbers[i]; ++i)
            r.*kNumbers[i] = q.number(7 + static_cast<int>(i));
        r.tags = q.text(21);
        r.notes = q.text(22);
        r.fromCatalog = true;
        out.emplace(r.path, std::move(e));
    }
    return out;
}

bool RunCatalog::store(const RunRow &r, const std::string &fingerprint)
{
    std::lock_guard lock(m_mutex);
    return m_writable && storeLocked(r, fingerprint);
}

bool RunCatalog::storeMany(const std::vector<std::pair<RunRow, std::string>> &rows)
{
    std::lock_guard lock(m_mutex);
    if (!m_writable || !exec("BEGIN IMMEDIATE"))
        return false;
    bool ok = true;
    for (const auto &[row, fingerprint] : rows)
        ok = storeLocked(row, fingerprint) && ok;
    if (!exec("COMMIT")) {
        exec("ROLLBACK");
        warn(fmt::format("could not write to the library catalog {}: {}", m_path,
                         sqlite3_errmsg(m_db)));
        return false;
    }
    return ok;
}

bool RunCatalog::storeLocked(const RunRow &r, const std::string &fingerprint)
{
    Statement q(m_db, "INSERT OR REPLACE INTO runs VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9,"
                      " ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21)");
    q.bind(1, r.path);
    q.bind(2, fingerprint);
    q.bind(3, r.status == RunRow::Status::Failed ? 1 : r.status == RunRow::Status::Missing ? 2 : 0);
    q.bind(4, r.error);
    q.bind(5, r.name);
    q.bind(6, r.layout);
    q.bind(7, r.start);
    for (std::size_t i = 0; kNumbers[i]; ++i)
        q.bind(8 + static_cast<int>(i), r.*kNumbers[i]);
    if (q.step() == SQLITE_DONE)
        return true;
    warn(
        fmt::format("could not write to the library catalog {}: {}", m_path, sqlite3_errmsg(m_db)));
    return false;
}

bool RunCatalog::markMissing(const std::string &path)
{
    std::lock_guard lock(m_mutex);
    if (!m_writable)
        return false;
    Statement q(m_db, "UPDATE runs SET status = 2 WHERE path = ?1");
    q.bind(1, path);
    return q.step() == SQLITE_DONE;
}

std::pair<std::string, std::string> RunCatalog::userText(const std::string &path) const
{
    std::lock_guard lock(m_mutex);
    Statement q(m_db, "SELECT tags, notes FROM user_text WHERE path = ?1");
    q.bind(1, path);
    if (q && q.step() == SQLITE_ROW)
        return {q.text(0), q.text(1)};
    return {};
}

bool RunCatalog::setUserText(const std::string &path, const std::string &tags,
                             const std::string &notes)
{
    std::lock_guard lock(m_mutex);
    if (!m_writable) {
        warn(fmt::format("tags and notes cannot be saved: the library catalog {} is read-only "
                         "or unusable",
                         m_path));
        return false;
    }
    Statement q(m_db, "INSERT OR REPLACE INTO user_text VALUES (?1, ?2, ?3)");
    q.bind(1, path);
    q.bind(2, tags);
    q.bind(3, notes);
    if (q.step() == SQLITE_DONE)
        return true;
    warn(fmt::format("could not save tags and notes in {}: {}", m_path, sqlite3_errmsg(m_db)));
    return false;
}

} // namespace hpa::core
