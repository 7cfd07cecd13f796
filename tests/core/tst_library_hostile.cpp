// Bad input for the experiment library: each case gives a message, never hangs, never loses
// the user's tags.
#include "core/library/experiment_finder.h"
#include "core/library/library_scanner.h"
#include "core/library/run_catalog.h"
#include "library_tree.h"
#include "test_files.h"

#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace hpa::core;
namespace fs = std::filesystem;

namespace {

std::string allWarnings(const std::vector<LoadWarning> &warnings)
{
    std::string text;
    for (const auto &w : warnings)
        text += w.file + ": " + w.message + "\n";
    return text;
}

/// Runs `fn` as user `nobody` in a child process when we are root (root reads and writes
/// anything, so permissions would prove nothing), else in this process; returns its text.
std::string asUnprivileged(const std::function<std::string()> &fn)
{
    if (::geteuid() != 0)
        return fn();
    int fds[2];
    if (::pipe(fds) != 0)
        return "pipe failed";
    const pid_t child = ::fork();
    if (child == 0) {
        ::close(fds[0]);
        if (::setgid(65534) != 0 || ::setuid(65534) != 0)
            ::_exit(3);
        const std::string text = fn();
        const bool sent = ::write(fds[1], text.data(), text.size()) == ssize_t(text.size());
        ::_exit(sent ? 0 : 4);
    }
    ::close(fds[1]);
    std::string text;
    char buf[4096];
    for (ssize_t n; (n = ::read(fds[0], buf, sizeof buf)) > 0;)
        text.append(buf, static_cast<std::size_t>(n));
    ::close(fds[0]);
    int status = 0;
    ::waitpid(child, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return "child failed";
    return text;
}

/// Opens the tree to everyone, so `nobody` can read what root wrote.
void openToAll(const fs::path &root)
{
    fs::permissions(root, fs::perms::all);
    for (const auto &e : fs::recursive_directory_iterator(root))
        if (!e.is_symlink())
            fs::permissions(e.path(), e.is_directory()
                                          ? fs::perms::all
                                          : fs::perms::owner_all | fs::perms::group_read |
                                                fs::perms::others_read);
}

} // namespace

class TestLibraryHostile : public QObject
{
    Q_OBJECT

private slots:
    void symlinkLoopsEndWithAWarning();
    void fifoIsNeverOpened();
    void unreadableFolderIsSkipped();
    void runDeletedWhileScanned();
    void hundredThousandEntries();
    void garbageCatalogIsSetAside();
    void foreignDatabaseIsSetAside();
    void readOnlyCatalogKeepsTags();
    void cancelStopsTheScan();
    void killedWriterLosesNothingCommitted();
};

void TestLibraryHostile::symlinkLoopsEndWithAWarning()
{
    QTemporaryDir tmp;
    const fs::path root = tmp.path().toStdString();
    const auto paths = hpa::test::writeDemoTree(root / "runs", 2);
    fs::create_directory_symlink("..", root / "runs" / "campaign-0" / "up");
    fs::create_directory_symlink(root / "runs", root / "runs" / "again");
    fs::create_symlink("a", root / "runs" / "b");
    fs::create_symlink("b", root / "runs" / "a");
    const auto r = ExperimentFinder::find((root / "runs").string(), {});
    QCOMPARE(r.experiments.size(), std::size_t(2));
    const std::string text = allWarnings(r.warnings);
    QVERIFY2(text.find("symlink loop") != std::string::npos, text.c_str());
}

void TestLibraryHostile::fifoIsNeverOpened()
{
    QTemporaryDir tmp;
    const fs::path root = tmp.path().toStdString();
    const auto paths = hpa::test::writeDemoTree(root, 1);
    QCOMPARE(::mkfifo((root / "a-fifo").c_str(), 0600), 0);
    // A run whose metrics.csv is a FIFO: a failed row with the reason, not a hang.
    fs::create_directories(root / "fifo-run");
    QCOMPARE(::mkfifo((root / "fifo-run" / "metrics.csv").c_str(), 0600), 0);
    const auto r = LibraryScanner::scan(root.string(), {});
    QCOMPARE(r.rows.size(), std::size_t(2));
    QCOMPARE(r.rows[1].path, (root / "fifo-run").string());
    QCOMPARE(r.rows[1].status, RunRow::Status::Failed);
    QVERIFY2(r.rows[1].error.find("metrics.csv") != std::string::npos, r.rows[1].error.c_str());
}

void TestLibraryHostile::unreadableFolderIsSkipped()
{
    QTemporaryDir tmp;
    const fs::path root = tmp.path().toStdString();
    hpa::test::writeDemoTree(root / "ok", 1);
    hpa::test::writeDemoTree(root / "locked", 1);
    openToAll(root);
    fs::permissions(root / "locked", fs::perms::none);
    const std::string text = asUnprivileged([&] {
        const auto r = LibraryScanner::scan(root.string(), {});
        return std::to_string(r.rows.size()) + "\n" + allWarnings(r.warnings);
    });
    fs::permissions(root / "locked", fs::perms::owner_all);
    QVERIFY2(text.starts_with("1\n"), text.c_str());
    QVERIFY2(text.find("locked: cannot be read") != std::string::npos, text.c_str());
}

void TestLibraryHostile::runDeletedWhileScanned()
{
    QTemporaryDir tmp;
    const fs::path root = tmp.path().toStdString();
    const auto paths = hpa::test::writeDemoTree(root, 3);
    LibraryScanner::Options options;
    options.threads = 1; // in walk order: the first row comes before the others are read
    bool deleted = false;
    options.row = [&](const RunRow &) {
        if (!std::exchange(deleted, true))
            fs::remove_all(paths[2]);
    };
    const auto r = LibraryScanner::scan(root.string(), options);
    QCOMPARE(r.rows.size(), std::size_t(3));
    QCOMPARE(r.rows[2].status, RunRow::Status::Failed);
    QVERIFY2(r.rows[2].error.find(paths[2]) != std::string::npos, r.rows[2].error.c_str());
}

void TestLibraryHostile::hundredThousandEntries()
{
    QTemporaryDir tmp;
    const fs::path root = tmp.path().toStdString();
    hpa::test::writeDemoTree(root / "runs", 1);
    fs::create_directories(root / "junk");
    for (int i = 0; i < 100000; ++i)
        std::ofstream(root / "junk" / std::to_string(i));
    ExperimentFinder::Options options;
    const auto all = ExperimentFinder::find(root.string(), options);
    QCOMPARE(all.experiments.size(), std::size_t(1));
    QVERIFY(all.entriesSeen > 100000);
    options.maxEntries = 50000;
    const auto capped = ExperimentFinder::find(root.string(), options);
    const std::string text = allWarnings(capped.warnings);
    QVERIFY2(text.find("more than 50000 entries") != std::string::npos, text.c_str());
}

void TestLibraryHostile::garbageCatalogIsSetAside()
{
    QTemporaryDir tmp;
    const std::string file = tmp.filePath("c.sqlite").toStdString();
    std::ofstream(file) << std::string(8192, 'x');
    RunCatalog catalog(file);
    QVERIFY(catalog.isWritable());
    QCOMPARE(catalog.warnings().size(), std::size_t(1));
    QVERIFY2(catalog.warnings().front().find("moved to") != std::string::npos,
             catalog.warnings().front().c_str());
    QVERIFY(catalog.setUserText("/r", "kept", ""));
    // The garbage is kept aside, untouched.
    int aside = 0;
    for (const auto &e : fs::directory_iterator(tmp.path().toStdString()))
        if (e.path().filename().string().starts_with("c.sqlite.unreadable-")) {
            ++aside;
            QCOMPARE(hpa::test::readFile(e.path()), std::string(8192, 'x'));
        }
    QCOMPARE(aside, 1);
}

void TestLibraryHostile::foreignDatabaseIsSetAside()
{
    QTemporaryDir tmp;
    const std::string file = tmp.filePath("c.sqlite").toStdString();
    // Another program's SQLite file at our path: never used as a catalog.
    sqlite3 *db = nullptr;
    QCOMPARE(sqlite3_open(file.c_str(), &db), SQLITE_OK);
    QCOMPARE(sqlite3_exec(db, "CREATE TABLE other (x); INSERT INTO other VALUES (1);", nullptr,
                          nullptr, nullptr),
             SQLITE_OK);
    sqlite3_close(db);
    RunCatalog catalog(file);
    QVERIFY(catalog.isWritable());
    QCOMPARE(catalog.warnings().size(), std::size_t(1));
    QVERIFY(catalog.warnings().front().find("not an HPA Lens catalog") != std::string::npos);
}

void TestLibraryHostile::readOnlyCatalogKeepsTags()
{
    QTemporaryDir tmp;
    const fs::path dir = tmp.path().toStdString();
    const auto paths = hpa::test::writeDemoTree(dir / "runs", 2);
    const std::string file = (dir / "cache" / "c.sqlite").string();
    {
        RunCatalog catalog(file);
        LibraryScanner::Options options;
        options.catalog = &catalog;
        LibraryScanner::scan((dir / "runs").string(), options);
        QVERIFY(catalog.setUserText(paths[0], "keep me", "note"));
    }
    openToAll(dir);
    fs::permissions(file, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
    fs::permissions(dir / "cache", fs::perms::owner_all | fs::perms::group_read |
                                       fs::perms::group_exec | fs::perms::others_read |
                                       fs::perms::others_exec);
    const std::string text = asUnprivileged([&] {
        RunCatalog catalog(file);
        LibraryScanner::Options options;
        options.catalog = &catalog;
        const auto r = LibraryScanner::scan((dir / "runs").string(), options);
        const bool saved = catalog.setUserText(paths[1], "new", "");
        std::string out = std::to_string(r.rows.size()) + (saved ? " saved\n" : " refused\n");
        for (const auto &w : catalog.warnings())
            out += w + "\n";
        return out;
    });
    QVERIFY2(text.starts_with("2 refused\n"), text.c_str());
    QVERIFY2(text.find("read-only") != std::string::npos ||
                 text.find("cannot be used") != std::string::npos,
             text.c_str());
    // The file is unchanged: the tags are all there.
    fs::permissions(file, fs::perms::owner_all);
    RunCatalog again(file);
    QCOMPARE(again.userText(paths[0]).first, std::string("keep me"));
}

void TestLibraryHostile::cancelStopsTheScan()
{
    QTemporaryDir tmp;
    const fs::path root = tmp.path().toStdString();
    hpa::test::writeDemoTree(root, 6);
    std::atomic<bool> cancel{false};
    LibraryScanner::Options options;
    options.threads = 1;
    options.cancel = &cancel;
    options.row = [&](const RunRow &) {
        cancel = true;
    };
    const auto r = LibraryScanner::scan(root.string(), options);
    QVERIFY(r.cancelled);
    QCOMPARE(r.rows.size(), std::size_t(1));
}

void TestLibraryHostile::killedWriterLosesNothingCommitted()
{
    QTemporaryDir tmp;
    const std::string file = tmp.filePath("c.sqlite").toStdString();
    {
        RunCatalog catalog(file);
        QVERIFY(catalog.setUserText("/runs/a", "before", ""));
    }
    // A child commits a change and is killed (SIGKILL: no destructor, no checkpoint).
    const pid_t child = ::fork();
    QVERIFY(child >= 0);
    if (child == 0) {
        RunCatalog catalog(file);
        const bool ok = catalog.setUserText("/runs/b", "committed", "n");
        ::raise(SIGKILL);
        ::_exit(ok ? 0 : 1);
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    QVERIFY(WIFSIGNALED(status));
    RunCatalog reopened(file);
    QVERIFY(reopened.warnings().empty());
    QCOMPARE(reopened.userText("/runs/a").first, std::string("before"));
    QCOMPARE(reopened.userText("/runs/b").first, std::string("committed"));
}

QTEST_GUILESS_MAIN(TestLibraryHostile)
#include "tst_library_hostile.moc"
