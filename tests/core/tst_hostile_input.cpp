#include "core/analysis/experiment_analyzer.h"
#include "core/io/file_reader.h"
#include "core/load/experiment_loader.h"
#include "core/model/warning_list.h"
#include "core/parsers/kubectl_log_parser.h"
#include "core/parsers/metadata_parser.h"
#include "core/parsers/metrics_csv_parser.h"
#include "core/parsers/scaling_events_log_parser.h"
#include "core/parsers/scaling_log_parser.h"
#include "core/report/summary_json.h"
#include "test_files.h"

#include <fmt/format.h>

#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>
#include <future>
#include <thread>

using hpa::test::writeFileOrFail;

using namespace hpa::core;
namespace fs = std::filesystem;

namespace {

const fs::path kData = HPA_TEST_DATA_DIR;
// 100 MB takes a few seconds even in Debug + ASan: every parser is linear in the line length.
constexpr std::size_t kLongLine = 100u << 20;
constexpr std::size_t kManyFiles = 100000;
// The cap per file plus the few file-wide notes (suppressed count, order, mixed zones...).
constexpr std::size_t kWarningBound = WarningList::kDefaultLimit + 6;

/// Runs `work` on a thread of its own and reports whether it finished within `seconds`; a hung
/// call is left behind (the test fails and the process exits) instead of hanging the suite.
bool finishesWithin(double seconds, std::function<void()> work)
{
    auto done = std::make_shared<std::promise<void>>();
    std::future<void> finished = done->get_future();
    std::thread([done, work = std::move(work)] {
        try {
            work();
        } catch (...) {
            done->set_exception(std::current_exception());
            return;
        }
        done->set_value();
    }).detach();
    if (finished.wait_for(std::chrono::duration<double>(seconds)) != std::future_status::ready)
        return false;
    finished.get(); // rethrows what the work threw
    return true;
}

bool hasWarning(const std::vector<LoadWarning> &warnings, const std::string &file,
                const std::string &fragment)
{
    for (const LoadWarning &w : warnings) {
        if (w.file == file && w.message.find(fragment) != std::string::npos)
            return true;
    }
    return false;
}

/// A small valid experiment in `dir`: the legacy fixture's files.
void makeExperiment(const fs::path &dir)
{
    fs::create_directories(dir);
    for (const auto &entry : fs::directory_iterator(kData / "experiments/legacy-small"))
        fs::copy_file(entry.path(), dir / entry.path().filename(),
                      fs::copy_options::overwrite_existing);
}

/// Loads, summarises and dumps `dir` the way `hpa-lens summary --json` does.
std::string summaryJson(const fs::path &dir)
{
    const Experiment experiment = ExperimentLoader::load(dir.string());
    const ExperimentSummary summary = ExperimentAnalyzer::summarize(experiment);
    return SummaryJson::toJson(summary).dump(2, ' ', false,
                                             nlohmann::ordered_json::error_handler_t::replace);
}

MetricsCsvParser::Result parseCsv(const std::string &content)
{
    MetricsCsvParser::Options options;
    options.threads = 1;
    return MetricsCsvParser::parse(content, "metrics.csv", options);
}

/// The warnings one parser gives for `content`, the parser picked by file name as the loader
/// does.
std::vector<LoadWarning> parseAs(const std::string &file, std::string_view content)
{
    if (file == "metrics.csv")
        return MetricsCsvParser::parse(content, file).warnings;
    if (file == "scaling.log")
        return ScalingLogParser::parse(content, file).warnings;
    if (file == "scaling-events.log")
        return ScalingEventsLogParser::parse(content, file).warnings;
    if (file == "metadata.json")
        return MetadataParser::parse(content, file).warnings;
    return KubectlLogParser::parse(content, file).warnings;
}

} // namespace

class TestHostileInput : public QObject
{
    Q_OBJECT

private slots:
    void oversizedFile_data();
    void oversizedFile();
    void longLine_data();
    void longLine();
    void manyColumns_data();
    void manyColumns();
    void manyFiles();
    void findExperimentsIsBounded();
    void tooManyJobLogs();
    void deepJson_data();
    void deepJson();
    void symlinkLoops();
    void fifoDoesNotBlock_data();
    void fifoDoesNotBlock();
    void fileChangesWhileRead();
    void cutLastLine();
    void unreadableFile_data();
    void unreadableFile();

private:
    QTemporaryDir m_tmp;
};

void TestHostileInput::oversizedFile_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<qulonglong>("size");
    QTest::addColumn<QString>("message");
    // Sizes one byte over each limit; the files are sparse, so nothing is written to disk.
    QTest::newRow("metrics.csv 1 GiB + 1") << "metrics.csv" << qulonglong((1ull << 30) + 1)
                                           << "1073741825 bytes is more than the 1024 MiB";
    QTest::newRow("scaling.log 64 MiB + 1") << "scaling.log" << qulonglong((64ull << 20) + 1)
                                            << "67108865 bytes is more than the 64 MiB";
    QTest::newRow("jobs.log 64 MiB + 1")
        << "jobs.log" << qulonglong((64ull << 20) + 1) << "more than the 64 MiB";
    QTest::newRow("metadata.json 1 MiB + 1") << "metadata.json" << qulonglong((1ull << 20) + 1)
                                             << "1048577 bytes is more than the 1 MiB";
}

void TestHostileInput::oversizedFile()
{
    QFETCH(QString, file);
    QFETCH(qulonglong, size);
    QFETCH(QString, message);
    const fs::path dir = fs::path(m_tmp.path().toStdString()) / ("big-" + file.toStdString());
    makeExperiment(dir);
    const fs::path path = dir / file.toStdString();
    std::ofstream(path, std::ios::app).close(); // jobs.log is not in the fixture
    fs::resize_file(path, size);
    QCOMPARE(qulonglong(fs::file_size(path)), size);

    const auto started = std::chrono::steady_clock::now();
    const FileReader::Result r =
        FileReader::read(path.string(), file == "metrics.csv"     ? FileReader::kMetricsLimit
                                        : file == "metadata.json" ? FileReader::kMetadataLimit
                                                                  : FileReader::kLogLimit);
    QVERIFY(!r.ok);
    QVERIFY2(r.error.find(message.toStdString()) != std::string::npos, r.error.c_str());
    // Refused before reading: no buffer of the file's size was ever made.
    QVERIFY(r.content.capacity() < 1024);
    QVERIFY(std::chrono::steady_clock::now() - started < std::chrono::seconds(1));

    if (file == "metrics.csv") {
        try {
            ExperimentLoader::load(dir.string());
            QFAIL("an oversized metrics.csv was loaded");
        } catch (const LoadError &e) {
            QVERIFY2(std::string(e.what()).find(message.toStdString()) != std::string::npos,
                     e.what());
        }
    } else {
        const Experiment e = ExperimentLoader::load(dir.string());
        QVERIFY(hasWarning(e.warnings, file.toStdString(), message.toStdString()));
        QCOMPARE(e.metrics.rowCount(), std::size_t(4));
    }
}

void TestHostileInput::longLine_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("before");
    QTest::addColumn<QByteArray>("after");
    QTest::addColumn<qulonglong>("length");
    QTest::newRow("metrics.csv cell")
        << "metrics.csv" << QByteArray("timestamp,gpu_util\n2025-01-01T00:00:00Z,")
        << QByteArray("\n2025-01-01T00:00:05Z,3\n") << qulonglong(kLongLine);
    // Every bad cell's warning names its column: the name must be shortened in each one.
    QTest::newRow("metrics.csv header") << "metrics.csv" << QByteArray("timestamp,")
                                        << QByteArray("\n2025-01-01T00:00:00Z,abc\n"
                                                      "2025-01-01T00:00:05Z,\n")
                                        << qulonglong(kLongLine);
    QTest::newRow("scaling-events.log")
        << "scaling-events.log" << QByteArray("[2025-11-24 15:57:38] ") << QByteArray()
        << qulonglong(kLongLine);
    QTest::newRow("scaling.log time") << "scaling.log" << QByteArray("SCALING EVENT at ")
                                      << QByteArray("\nPrevious: 1") << qulonglong(kLongLine);
    QTest::newRow("jobs.log title")
        << "jobs.log" << QByteArray("=== ") << QByteArray(" ===\n") << qulonglong(kLongLine);
    // metadata.json is refused above 1 MiB before parsing, so a line at that limit is the worst.
    QTest::newRow("metadata.json string")
        << "metadata.json" << QByteArray("{\"description\": \"") << QByteArray("\"}")
        << qulonglong(FileReader::kMetadataLimit - 20);
}

void TestHostileInput::longLine()
{
    QFETCH(QString, file);
    QFETCH(QByteArray, before);
    QFETCH(QByteArray, after);
    QFETCH(qulonglong, length);
    std::string content = before.toStdString();
    content.append(length, 'x');
    content += after.toStdString();

    std::vector<LoadWarning> warnings;
    QVERIFY(finishesWithin(120, [&] { warnings = parseAs(file.toStdString(), content); }));
    QVERIFY(warnings.size() <= kWarningBound);
    for (const LoadWarning &w : warnings)
        QVERIFY2(w.message.size() <= WarningList::kMaxMessageBytes,
                 w.message.substr(0, 80).c_str());
    if (QByteArray(QTest::currentDataTag()) == "metrics.csv header") {
        QCOMPARE(warnings.size(), std::size_t(2));
    } else if (file == "metrics.csv") {
        const auto r = parseCsv(content);
        QCOMPARE(r.table.rowCount(), std::size_t(2));
        QVERIFY(std::isnan(r.table.values("gpu_util")->at(0)));
        QCOMPARE(r.table.values("gpu_util")->at(1), 3.0);
        QVERIFY(hasWarning(r.warnings, "metrics.csv", "is not a number; kept as missing"));
    } else if (file == "metadata.json") {
        QVERIFY(warnings.empty());
    } else {
        QVERIFY(!warnings.empty());
    }
}

void TestHostileInput::manyColumns_data()
{
    QTest::addColumn<bool>("sameName");
    QTest::newRow("100,000 distinct columns") << false;
    QTest::newRow("100,000 columns of one name") << true;
}

void TestHostileInput::manyColumns()
{
    QFETCH(bool, sameName);
    constexpr int kColumns = 100000;
    std::string header = "timestamp", row1 = "2025-01-01T00:00:00Z", row2 = "2025-01-01T00:00:05Z";
    for (int c = 1; c < kColumns; ++c) {
        header += sameName ? ",c" : ",c" + std::to_string(c);
        row1 += ',' + std::to_string(c);
        row2 += ",-" + std::to_string(c);
    }
    const std::string content = header + '\n' + row1 + '\n' + row2 + '\n';

    MetricsCsvParser::Result r;
    QVERIFY(finishesWithin(60, [&] { r = parseCsv(content); }));
    QCOMPARE(r.table.columns().size(), std::size_t(kColumns - 1));
    QCOMPARE(r.table.rowCount(), std::size_t(2));
    QCOMPARE(r.table.columns().back().values.at(0), double(kColumns - 1));
    QCOMPARE(r.table.columns().back().values.at(1), -double(kColumns - 1));
    if (sameName) {
        // 99,998 repeats: 200 listed, then one line with the rest.
        QCOMPARE(r.warnings.size(), std::size_t(201));
        QCOMPARE(r.warnings.back().message,
                 std::string("99798 more problems of the kinds above are not listed"));
        QCOMPARE(r.table.columns().back().key, std::string("c_100000"));
    } else {
        QVERIFY(r.warnings.empty());
        QCOMPARE(r.table.columns().back().key, std::string("c99999"));
    }
}

void TestHostileInput::manyFiles()
{
    // 100,000 empty files take a few seconds to create on a local disk or tmpfs.
    const fs::path dir = fs::path(m_tmp.path().toStdString()) / "many-files";
    fs::create_directories(dir);
    for (std::size_t i = 0; i < kManyFiles; ++i)
        std::ofstream(dir / fmt::format("f{}.txt", i));
    std::vector<std::string> found{"not run"};
    QVERIFY(finishesWithin(60, [&] { found = ExperimentLoader::findExperiments(dir.string()); }));
    QVERIFY(found.empty());
    std::string error;
    QVERIFY(finishesWithin(60, [&] {
        try {
            ExperimentLoader::load(dir.string());
        } catch (const LoadError &e) {
            error = e.what();
        }
    }));
    QVERIFY2(error.find("no metrics.csv, so this is not an experiment folder") != std::string::npos,
             error.c_str());
}

void TestHostileInput::findExperimentsIsBounded()
{
    const fs::path dir = fs::path(m_tmp.path().toStdString()) / "bounded";
    for (int i = 0; i < 30; ++i) {
        const fs::path exp = dir / ("run-20250101-0000" + std::to_string(10 + i));
        fs::create_directories(exp);
        std::ofstream(exp / "metrics.csv");
    }
    QCOMPARE(ExperimentLoader::findExperiments(dir.string()).size(), std::size_t(30));
    QCOMPARE(ExperimentLoader::findExperiments(dir.string(), 10).size(), std::size_t(10));
    // Newest first by the name's stamp.
    QCOMPARE(fs::path(ExperimentLoader::findExperiments(dir.string()).front()).filename().string(),
             std::string("run-20250101-000039"));
}

void TestHostileInput::tooManyJobLogs()
{
    // The loader reads at most 2000 job logs (a campaign has dozens; a folder of 100,000 must
    // not take minutes): the rest are named in one warning.
    const fs::path dir = fs::path(m_tmp.path().toStdString()) / "job-logs-2001";
    makeExperiment(dir);
    fs::create_directories(dir / "job-logs");
    for (int i = 0; i < 2001; ++i)
        writeFileOrFail(dir / "job-logs" / ("job" + std::to_string(i) + ".log"),
                        "============ Serving Benchmark Result ============\nok\n");
    const Experiment e = ExperimentLoader::load(dir.string());
    QVERIFY(hasWarning(e.warnings, "job-logs", "more than 2000 job logs"));
    QCOMPARE(e.jobs.size(), std::size_t(2000));
}

void TestHostileInput::deepJson_data()
{
    QTest::addColumn<QByteArray>("open");
    QTest::addColumn<int>("count");
    // Both stay under the 1 MiB metadata limit, so the loader reaches the depth check too.
    QTest::newRow("1e6 [") << QByteArray("[") << 1000000;
    QTest::newRow("2e5 {\"a\":") << QByteArray("{\"a\":") << 200000;
}

void TestHostileInput::deepJson()
{
    QFETCH(QByteArray, open);
    QFETCH(int, count);
    std::string content = "\n";
    for (int i = 0; i < count; ++i)
        content += open.toStdString();
    const auto r = MetadataParser::parse(content, "metadata.json");
    QCOMPARE(r.warnings.size(), std::size_t(1));
    QCOMPARE(r.warnings[0].line, 2);
    QCOMPARE(r.warnings[0].message,
             std::string("JSON nested deeper than 64 levels; metadata ignored"));
    QVERIFY(r.metadata.json.empty());

    const fs::path dir =
        fs::path(m_tmp.path().toStdString()) / ("deep-json-" + std::to_string(count));
    makeExperiment(dir);
    writeFileOrFail(dir / "metadata.json", content);
    QVERIFY(summaryJson(dir).find("nested deeper than 64 levels") != std::string::npos);
}

void TestHostileInput::symlinkLoops()
{
    const fs::path root = fs::path(m_tmp.path().toStdString()) / "loops";
    const fs::path good = root / "good-20250102-000000";
    const fs::path bad = root / "bad-20250101-000000";
    makeExperiment(good);
    fs::create_directories(bad);
    fs::create_symlink("metrics.csv", bad / "metrics.csv"); // points at itself
    fs::create_symlink("loop", root / "loop");
    fs::create_symlink("b", root / "a");
    fs::create_symlink("a", root / "b");
    fs::create_directory_symlink("..", root / "up");
    fs::create_directory_symlink(".", good / "job-logs");

    std::vector<std::string> found;
    QVERIFY(finishesWithin(10, [&] { found = ExperimentLoader::findExperiments(root.string()); }));
    QCOMPARE(found.size(), std::size_t(2));
    QCOMPARE(fs::path(found[0]).filename().string(), good.filename().string());

    std::string error;
    QVERIFY(finishesWithin(10, [&] {
        try {
            ExperimentLoader::load(bad.string());
        } catch (const LoadError &e) {
            error = e.what();
        }
    }));
    QVERIFY2(error.find("metrics.csv: cannot open") != std::string::npos, error.c_str());
    QVERIFY(finishesWithin(10, [&] { QCOMPARE(summaryJson(good).empty(), false); }));
}

void TestHostileInput::fifoDoesNotBlock_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("metrics.csv") << "metrics.csv";
    QTest::newRow("scaling.log") << "scaling.log";
    QTest::newRow("metadata.json") << "metadata.json";
}

void TestHostileInput::fifoDoesNotBlock()
{
    QFETCH(QString, file);
    const fs::path dir = fs::path(m_tmp.path().toStdString()) / ("fifo-" + file.toStdString());
    makeExperiment(dir);
    fs::remove(dir / file.toStdString());
    QCOMPARE(::mkfifo((dir / file.toStdString()).c_str(), 0600), 0);
    std::string error;
    std::vector<LoadWarning> warnings;
    QVERIFY(finishesWithin(10, [&] {
        try {
            warnings = ExperimentLoader::load(dir.string()).warnings;
        } catch (const LoadError &e) {
            error = e.what();
        }
    }));
    const std::string expected = "not a regular file (a folder, pipe or device)";
    if (file == "metrics.csv")
        QVERIFY2(error.find(expected) != std::string::npos, error.c_str());
    else
        QVERIFY(hasWarning(warnings, file.toStdString(), expected + "; file ignored"));
}

void TestHostileInput::fileChangesWhileRead()
{
    const fs::path path = fs::path(m_tmp.path().toStdString()) / "changing.csv";
    std::string full = "timestamp,replicas\n";
    for (int i = 0; i < 20000; ++i)
        full += "2025-01-01T00:00:00Z," + std::to_string(i % 10) + '\n';
    writeFileOrFail(path, full);

    // A writer truncates and rewrites the file while it is read: every read must give a prefix
    // of the full text (what was there) or say that the file changed during every attempt,
    // never unflagged garbage or an error.
    std::atomic<bool> stop{false};
    std::thread writer([&] {
        while (!stop) {
            fs::resize_file(path, full.size() / 3);
            writeFileOrFail(path, full);
        }
    });
    int reads = 0;
    std::string problem;
    for (; reads < 300; ++reads) {
        const FileReader::Result r = FileReader::read(path.string(), FileReader::kMetricsLimit);
        if (!r.ok) {
            problem = "read failed: " + r.error;
            break;
        }
        if (!r.changedWhileRead && full.compare(0, r.content.size(), r.content) != 0) {
            problem = "not a prefix of the file, " + std::to_string(r.content.size()) + " bytes";
            break;
        }
    }
    stop = true;
    writer.join();
    QVERIFY2(reads == 300, problem.c_str());
}

void TestHostileInput::cutLastLine()
{
    // What a monitor killed mid-write leaves: the rows before stay, the half row is reported.
    const auto r = parseCsv("timestamp,replicas,active_jobs\n2025-01-01T00:00:00Z,1,2\n"
                            "2025-01-01T00:00:05Z,2,3\n2025-01-01T00:00:1");
    QCOMPARE(r.table.rowCount(), std::size_t(2));
    QCOMPARE(r.warnings.size(), std::size_t(1));
    QCOMPARE(r.warnings[0].line, 4);
    QCOMPARE(r.warnings[0].message,
             std::string("row has 1 fields but the header has 3; row skipped (line cut short?)"));
}

void TestHostileInput::unreadableFile_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("metrics.csv") << "metrics.csv";
    QTest::newRow("scaling.log") << "scaling.log";
}

void TestHostileInput::unreadableFile()
{
    QFETCH(QString, file);
    if (::geteuid() == 0)
        QSKIP("running as root (as in CI containers): chmod 000 does not stop root from reading");
    const fs::path dir = fs::path(m_tmp.path().toStdString()) / ("mode000-" + file.toStdString());
    makeExperiment(dir);
    fs::permissions(dir / file.toStdString(), fs::perms::none);
    std::string error;
    std::vector<LoadWarning> warnings;
    try {
        warnings = ExperimentLoader::load(dir.string()).warnings;
    } catch (const LoadError &e) {
        error = e.what();
    }
    if (file == "metrics.csv")
        QVERIFY2(error.find("cannot open: Permission denied") != std::string::npos, error.c_str());
    else
        QVERIFY(hasWarning(warnings, "scaling.log", "cannot open: Permission denied"));
}

QTEST_GUILESS_MAIN(TestHostileInput)
#include "tst_hostile_input.moc"
