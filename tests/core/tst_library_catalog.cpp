#include "core/analysis/experiment_analyzer.h"
#include "core/library/library_scanner.h"
#include "core/library/run_catalog.h"
#include "core/library/run_columns.h"
#include "core/library/run_row_builder.h"
#include "core/load/experiment_loader.h"
#include "library_tree.h"
#include "test_files.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <filesystem>
#include <fstream>

using namespace hpa::core;
namespace fs = std::filesystem;

namespace {

LibraryScanner::Result scanWith(RunCatalog *catalog, const fs::path &root, unsigned threads = 2)
{
    LibraryScanner::Options options;
    options.catalog = catalog;
    options.threads = threads;
    return LibraryScanner::scan(root.string(), options);
}

const RunRow *rowOf(const LibraryScanner::Result &r, const std::string &path)
{
    for (const RunRow &row : r.rows)
        if (row.path == path)
            return &row;
    return nullptr;
}

} // namespace

class TestLibraryCatalog : public QObject
{
    Q_OBJECT

private slots:
    void rowHoldsTheSummarysNumbers();
    void unknownStaysUnknown();
    void coldThenWarm();
    void changedRunIsReadAgain();
    void vanishedRunIsMissingAndKeepsTags();
    void tagsSurviveRereadAndReopen();
    void catalogUnderXdgCacheHome();
    void walModeAndApplicationId();
    void scanWithoutCatalogMatchesCatalogScan();
    void sharedExamplesAllListed();
};

void TestLibraryCatalog::rowHoldsTheSummarysNumbers()
{
    // The bundled example: its row must carry exactly what `hpa-lens summary` computes.
    const std::string dir = HPA_SOURCE_DIR "/resources/examples/demo-hpa-20251201-100000";
    const ExperimentSummary s = ExperimentAnalyzer::summarize(ExperimentLoader::load(dir));
    const RunRow row = LibraryScanner::readRun(dir);
    QCOMPARE(row.status, RunRow::Status::Ok);
    QCOMPARE(row.name, std::string("demo-hpa-20251201-100000"));
    QCOMPARE(*row.samples, 300.0); // the demo's default scenario: 25 min at 5 s
    QCOMPARE(*row.maxReplicas, double(*s.replicasMax));
    QCOMPARE(*row.replicaHours, s.replicaSeconds / 3600.0);
    QCOMPARE(*row.thetaUPct, *s.autoscaling.underAccuracyPct);
    QCOMPARE(*row.tauUPct, *s.autoscaling.underTimesharePct);
    QCOMPARE(*row.waitingP90, s.series.at("waiting").p90);
    QCOMPARE(*row.kvMeanPct, s.series.at("kv_cache_pct").mean);
    QCOMPARE(*row.durationSeconds, s.durationSeconds);
    QCOMPARE(row.start, s.start);
}

void TestLibraryCatalog::unknownStaysUnknown()
{
    // A table with time and TTFT only: no replicas, no waiting, no KV cache.
    QTemporaryDir tmp;
    const fs::path dir = fs::path(tmp.path().toStdString()) / "bare";
    fs::create_directories(dir);
    std::ofstream(dir / "metrics.csv") << "timestamp,ttft_ms\n2025-01-01T00:00:00Z,100\n"
                                          "2025-01-01T00:00:05Z,120\n2025-01-01T00:00:10Z,90\n";
    const RunRow row = LibraryScanner::readRun(dir.string());
    QCOMPARE(row.status, RunRow::Status::Ok);
    QCOMPARE(*row.samples, 3.0);
    QVERIFY(!row.maxReplicas);
    QVERIFY(!row.replicaHours);
    QVERIFY(!row.meanReplicas);
    QVERIFY(!row.waitingP90);
    QVERIFY(!row.kvMeanPct);
    QVERIFY(!row.thetaUPct);
    QCOMPARE(RunColumns::text(row, RunColumns::ReplicaHours), std::string());
}

void TestLibraryCatalog::coldThenWarm()
{
    QTemporaryDir tmp;
    const fs::path root = fs::path(tmp.path().toStdString()) / "runs";
    const auto paths = hpa::test::writeDemoTree(root, 6);
    RunCatalog catalog((fs::path(tmp.path().toStdString()) / "cache" / "c.sqlite").string());
    QVERIFY(catalog.isWritable());
    const auto cold = scanWith(&catalog, root);
    QCOMPARE(cold.rows.size(), std::size_t(6));
    QCOMPARE(cold.read, std::size_t(6));
    QCOMPARE(cold.fromCatalog, std::size_t(0));
    const auto warm = scanWith(&catalog, root);
    QCOMPARE(warm.read, std::size_t(0));
    QCOMPARE(warm.fromCatalog, std::size_t(6));
    for (std::size_t i = 0; i < paths.size(); ++i) {
        QCOMPARE(warm.rows[i].path, paths[i]);
        QVERIFY(warm.rows[i].fromCatalog);
        QCOMPARE(warm.rows[i].thetaUPct, cold.rows[i].thetaUPct);
        QCOMPARE(warm.rows[i].replicaHours, cold.rows[i].replicaHours);
        QCOMPARE(warm.rows[i].start, cold.rows[i].start);
        QCOMPARE(warm.rows[i].reactionMedianS, cold.rows[i].reactionMedianS);
    }
}

void TestLibraryCatalog::changedRunIsReadAgain()
{
    QTemporaryDir tmp;
    const fs::path root = fs::path(tmp.path().toStdString()) / "runs";
    const auto paths = hpa::test::writeDemoTree(root, 3);
    RunCatalog catalog(tmp.filePath("c.sqlite").toStdString());
    scanWith(&catalog, root);
    // Cut run 1's table to its header and 10 rows: same folder, new size and mtime.
    const auto lines = hpa::test::fileLines(fs::path(paths[1]) / "metrics.csv");
    {
        std::ofstream out(fs::path(paths[1]) / "metrics.csv", std::ios::trunc);
        for (std::size_t i = 0; i <= 10; ++i)
            out << lines[i] << '\n';
    }
    const auto again = scanWith(&catalog, root);
    QCOMPARE(again.read, std::size_t(1));
    QCOMPARE(again.fromCatalog, std::size_t(2));
    QCOMPARE(*rowOf(again, paths[1])->samples, 10.0);
}

void TestLibraryCatalog::vanishedRunIsMissingAndKeepsTags()
{
    QTemporaryDir tmp;
    const fs::path root = fs::path(tmp.path().toStdString()) / "runs";
    const auto paths = hpa::test::writeDemoTree(root, 3);
    RunCatalog catalog(tmp.filePath("c.sqlite").toStdString());
    scanWith(&catalog, root);
    QVERIFY(catalog.setUserText(paths[2], "baseline", "before the fix"));
    fs::remove_all(paths[2]);
    const auto after = scanWith(&catalog, root);
    QCOMPARE(after.missing, std::size_t(1));
    const RunRow *gone = rowOf(after, paths[2]);
    QVERIFY(gone);
    QCOMPARE(gone->status, RunRow::Status::Missing);
    QCOMPARE(gone->tags, std::string("baseline"));
    QCOMPARE(RunColumns::text(*gone, RunColumns::Status), std::string("missing"));
}

void TestLibraryCatalog::tagsSurviveRereadAndReopen()
{
    QTemporaryDir tmp;
    const fs::path root = fs::path(tmp.path().toStdString()) / "runs";
    const auto paths = hpa::test::writeDemoTree(root, 2);
    const std::string file = tmp.filePath("c.sqlite").toStdString();
    {
        RunCatalog catalog(file);
        scanWith(&catalog, root);
        QVERIFY(catalog.setUserText(paths[0], "tuned, fast", "kv target 70"));
        // A changed run is read again: its tags stay.
        std::ofstream(fs::path(paths[0]) / "README.md", std::ios::app) << "\nmore\n";
        const auto again = scanWith(&catalog, root);
        QCOMPARE(again.read, std::size_t(1));
        QCOMPARE(rowOf(again, paths[0])->tags, std::string("tuned, fast"));
    }
    RunCatalog reopened(file);
    const auto warm = scanWith(&reopened, root);
    QCOMPARE(warm.fromCatalog, std::size_t(2));
    QCOMPARE(rowOf(warm, paths[0])->notes, std::string("kv target 70"));
    // The experiment folder is never written to.
    for (const auto &e : fs::directory_iterator(paths[0]))
        QVERIFY2(e.path().filename().string().find("sqlite") == std::string::npos,
                 e.path().c_str());
}

void TestLibraryCatalog::catalogUnderXdgCacheHome()
{
    qputenv("XDG_CACHE_HOME", "/some/cache");
    QCOMPARE(RunCatalog::defaultPath(), std::string("/some/cache/hpa-lens/library.sqlite"));
    qputenv("XDG_CACHE_HOME", "relative/is/ignored");
    qputenv("HOME", "/home/u");
    QCOMPARE(RunCatalog::defaultPath(), std::string("/home/u/.cache/hpa-lens/library.sqlite"));
    qunsetenv("XDG_CACHE_HOME");
}

void TestLibraryCatalog::walModeAndApplicationId()
{
    QTemporaryDir tmp;
    const std::string file = tmp.filePath("c.sqlite").toStdString();
    {
        RunCatalog catalog(file);
        QVERIFY(catalog.setUserText("/x", "t", "n"));
        // Committed: in the write-ahead log while open, in the file once closed.
        QVERIFY(QFileInfo::exists(QString::fromStdString(file + "-wal")));
    }
    // The SQLite header: bytes 18-19 are 2 in WAL mode; 68-71 the application id "HPLB".
    const std::string bytes = hpa::test::readFile(fs::path(file));
    QVERIFY(bytes.size() >= 100);
    QCOMPARE(int(bytes[18]), 2);
    QCOMPARE(bytes.substr(68, 4), std::string("HPLB"));
}

void TestLibraryCatalog::scanWithoutCatalogMatchesCatalogScan()
{
    QTemporaryDir tmp;
    const fs::path root = fs::path(tmp.path().toStdString()) / "runs";
    hpa::test::writeDemoTree(root, 4);
    RunCatalog catalog(tmp.filePath("c.sqlite").toStdString());
    const auto plain = scanWith(nullptr, root, 1);
    scanWith(&catalog, root);
    const auto warm = scanWith(&catalog, root);
    QCOMPARE(plain.rows.size(), warm.rows.size());
    for (std::size_t i = 0; i < plain.rows.size(); ++i)
        for (const auto &c : RunColumns::all())
            QCOMPARE(RunColumns::text(warm.rows[i], c.id), RunColumns::text(plain.rows[i], c.id));
}

void TestLibraryCatalog::sharedExamplesAllListed()
{
    const fs::path shared = HPA_SHARED_DIR "/examples";
    if (!fs::is_directory(shared))
        QSKIP("../shared/examples is not there");
    const auto r = scanWith(nullptr, shared);
    QStringList names;
    for (const RunRow &row : r.rows)
        names << QString::fromStdString(row.name);
    // Two monitor runs, two WVA runs (nested one level deeper), and the bench job logs are not
    // a run (no job-logs folder).
    QVERIFY2(names.contains("hpa-experiment-20251120-140312"), qPrintable(names.join(',')));
    QVERIFY(names.contains("high-load-hpa-20251124-155733"));
    QVERIFY(names.contains("capacity-based-moderate-parallel-20251126-182520"));
    QVERIFY(names.contains("model-based-high-parallel-20251209-224705"));
    for (const RunRow &row : r.rows)
        QVERIFY2(row.status == RunRow::Status::Ok, row.error.c_str());
}

QTEST_GUILESS_MAIN(TestLibraryCatalog)
#include "tst_library_catalog.moc"
