#include "core/analysis/experiment_analyzer.h"
#include "core/load/experiment_loader.h"
#include "core/model/metric_keys.h"
#include "core/model/timestamp.h"
#include "core/model/warning_list.h"
#include "core/parsers/bench_log_parser.h"
#include "core/parsers/hpa_manifest_parser.h"
#include "core/parsers/kubectl_log_parser.h"
#include "core/parsers/metadata_parser.h"
#include "core/parsers/metrics_csv_parser.h"
#include "core/parsers/scaling_events_log_parser.h"
#include "core/parsers/scaling_log_parser.h"
#include "core/report/metrics_csv_writer.h"
#include "core/report/summary_json.h"
#include "core/report/summary_text.h"
#include "test_files.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>

using hpa::test::readFile;
using hpa::test::writeFileOrFail;

using namespace hpa::core;
namespace fs = std::filesystem;

namespace {

const fs::path kData = HPA_TEST_DATA_DIR;
// The cap per file plus the few file-wide notes (suppressed count, order, mixed zones...).
constexpr std::size_t kWarningBound = WarningList::kDefaultLimit + 6;

bool hasWarning(const std::vector<LoadWarning> &warnings, const std::string &file,
                const std::string &fragment, int line = -1)
{
    for (const LoadWarning &w : warnings) {
        if (w.file == file && w.message.find(fragment) != std::string::npos &&
            (line < 0 || w.line == line))
            return true;
    }
    return false;
}

/// The `summary --json` text; throws what the loader throws.
std::string summaryJson(const Experiment &experiment)
{
    return SummaryJson::toJson(ExperimentAnalyzer::summarize(experiment))
        .dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

/// Every entry below `dir` with its bytes and modification time.
std::map<std::string, std::string> folderState(const fs::path &dir)
{
    std::map<std::string, std::string> state;
    for (const auto &entry : fs::recursive_directory_iterator(dir)) {
        std::string s =
            std::to_string(fs::last_write_time(entry.path()).time_since_epoch().count());
        if (entry.is_regular_file())
            s += ' ' + readFile(entry.path());
        state[fs::relative(entry.path(), dir).string()] = std::move(s);
    }
    return state;
}

/// An experiment folder with every file either monitor writes.
void makeFullExperiment(const fs::path &dir)
{
    for (const char *name : {"metrics.csv", "metadata.json", "scaling.log"})
        writeFileOrFail(dir / name, readFile(kData / "experiments/legacy-small" / name));
    writeFileOrFail(dir / "scaling-events.log",
                    "[2025-11-20 14:03:12] Monitor started - collecting metrics every 5s\n"
                    "[2025-11-20 14:03:20] SCALE UP TRIGGERED: 1 -> 2 (waiting: 25, cache: 0.5)\n");
    writeFileOrFail(dir / "events.log", "=== Initial State at 2025-11-20T14:03:12Z ===\n"
                                        "No resources found in ns namespace.\n");
    writeFileOrFail(dir / "jobs.log",
                    "=== Job Status at 2025-11-20T14:04:05Z ===\n"
                    "NAME    COMPLETIONS   DURATION\njob-1   0/1           0m23s\n");
    writeFileOrFail(dir / "monitor.log", "monitor running\n");
    writeFileOrFail(dir / "job-logs/job-1.log",
                    "============ Serving Benchmark Result ============\nSuccessful requests: 1\n");
}

} // namespace

class TestHostileValues : public QObject
{
    Q_OBJECT

private slots:
    void invalidUtf8AndNul_data();
    void invalidUtf8AndNul();
    void numbers_data();
    void numbers();
    void unparsedIsNeverZero();
    void timestamps();
    void folderIsNeverChanged_data();
    void folderIsNeverChanged();
    void fuzzRegressions_data();
    void fuzzRegressions();

private:
    QTemporaryDir m_tmp;
    int m_dirs = 0;
};

void TestHostileValues::invalidUtf8AndNul_data()
{
    QTest::addColumn<QString>("file");
    for (const char *file : {"metrics.csv", "metadata.json", "scaling.log", "scaling-events.log",
                             "events.log", "jobs.log", "monitor.log", "job-logs/job-1.log"})
        QTest::newRow(file) << file;
}

void TestHostileValues::invalidUtf8AndNul()
{
    QFETCH(QString, file);
    // A lone continuation byte, an overlong start, a cut sequence, a UTF-16 surrogate and NULs.
    const std::string bad("\xff\xfe\xc3\x28\xed\xa0\x80\0x\0", 10);
    const fs::path dir =
        fs::path(m_tmp.path().toStdString()) / ("utf8-" + std::to_string(++m_dirs));
    makeFullExperiment(dir);
    const fs::path path = dir / file.toStdString();
    std::string content = readFile(path);
    // Into the second line (a data row's replicas cell, a JSON key, a log line's time) and as
    // two lines of their own at the end.
    std::size_t at = content.find('\n') + 4;
    if (file == "metrics.csv")
        at = content.find(',', content.find(',', at) + 1) + 1;
    at = std::min(at, content.size());
    content.insert(at, bad);
    content += bad + "\n" + bad;
    writeFileOrFail(path, content);

    const Experiment e = ExperimentLoader::load(dir.string());
    std::string json;
    try {
        json = summaryJson(e);
        (void)SummaryText::render(ExperimentAnalyzer::summarize(e));
    } catch (const std::exception &error) {
        QFAIL(error.what());
    }
    // The dump is valid UTF-8 (the strict parser accepts it) and names the damaged file when a
    // parser had to skip something there.
    QVERIFY(nlohmann::json::accept(json));
    if (file == "metrics.csv") {
        QVERIFY(hasWarning(e.warnings, "metrics.csv", "in column 'replicas' is not a number", 2));
        QVERIFY(std::isnan(e.metrics.values(keys::Replicas)->at(0)));
        QVERIFY(hasWarning(e.warnings, "metrics.csv", "row has 1 fields", 7));
    }
    QCOMPARE(e.metrics.rowCount(), std::size_t(4));
    if (file == "metadata.json")
        QVERIFY(hasWarning(e.warnings, "metadata.json", "invalid JSON"));
    if (file == "scaling-events.log")
        QVERIFY(hasWarning(e.warnings, "scaling-events.log", "does not start with a [time]"));
}

void TestHostileValues::numbers_data()
{
    QTest::addColumn<QString>("cell");
    QTest::addColumn<double>("value"); // NaN = kept as missing
    QTest::addColumn<QString>("warning");
    const double missing = std::nan("");
    QTest::newRow("NaN") << "NaN" << missing << "'NaN' in column 'x' is not a finite number";
    QTest::newRow("inf") << "inf" << missing << "'inf' in column 'x' is not a finite number";
    QTest::newRow("-infinity") << "-infinity" << missing << "is not a finite number";
    QTest::newRow("1e309") << "1e309" << missing << "'1e309' in column 'x' is not a finite number";
    QTest::newRow("1e-400 underflow") << "1e-400" << missing << "is not a finite number";
    QTest::newRow("hex") << "0x10" << missing << "'0x10' in column 'x' is not a number";
    QTest::newRow("locale comma") << "\"0,5\"" << missing << "'0,5' in column 'x' is not a number";
    QTest::newRow("empty") << "" << missing << "empty value in column 'x'; kept as missing";
    QTest::newRow("negative") << "-3" << -3.0 << "";
    QTest::newRow("minus zero") << "-0" << 0.0 << "";
    QTest::newRow("plus sign") << "+5" << 5.0 << "";
    QTest::newRow("padded") << " 7 " << 7.0 << "";
    QTest::newRow("stripped quantity") << "10.500" << 10.5 << "";
    QTest::newRow("exponent") << "1e3" << 1000.0 << "";
}

void TestHostileValues::numbers()
{
    QFETCH(QString, cell);
    QFETCH(double, value);
    QFETCH(QString, warning);
    const std::string content = "timestamp,x\n2025-01-01T00:00:00Z," + cell.toStdString() + "\n";
    const auto r = MetricsCsvParser::parse(content, "metrics.csv");
    QCOMPARE(r.table.rowCount(), std::size_t(1));
    const double got = r.table.values("x")->at(0);
    if (std::isnan(value)) {
        QVERIFY(std::isnan(got));
        QCOMPARE(r.warnings.size(), std::size_t(1));
        QCOMPARE(r.warnings[0].line, 2);
        QVERIFY2(r.warnings[0].message.find(warning.toStdString()) != std::string::npos,
                 r.warnings[0].message.c_str());
    } else {
        QCOMPARE(got, value);
        QVERIFY(r.warnings.empty());
    }
}

void TestHostileValues::unparsedIsNeverZero()
{
    const fs::path dir = fs::path(m_tmp.path().toStdString()) / "numbers";
    writeFileOrFail(dir / "metrics.csv", readFile(kData / "hostile/numbers.csv"));
    const Experiment e = ExperimentLoader::load(dir.string());
    QCOMPARE(e.metrics.rowCount(), std::size_t(6));
    // NaN, inf, 0x10, "0,5", 1e309, an empty cell and abc: seven warnings, none of them a 0.
    QCOMPARE(e.warnings.size(), std::size_t(7));
    QVERIFY(hasWarning(e.warnings, "metrics.csv", "'0x10' in column 'num_requests_waiting'", 4));
    const ExperimentSummary s = ExperimentAnalyzer::summarize(e);
    const SeriesSummary &waiting = s.series.at(std::string(keys::Waiting));
    QCOMPARE(waiting.count, std::size_t(2)); // 5 and 7 only
    QCOMPARE(waiting.min, 5.0);
    QCOMPARE(waiting.mean, 6.0);
    const SeriesSummary &gpu = s.series.at("gpu_util");
    QCOMPARE(gpu.count, std::size_t(3)); // 0.5, -0 and -2
    QCOMPARE(gpu.min, -2.0);
    QCOMPARE(gpu.max, 0.5);
    QCOMPARE(gpu.mean, -0.5);
    QCOMPARE(s.series.at(std::string(keys::Replicas)).count, std::size_t(6));
}

void TestHostileValues::timestamps()
{
    // A DST fall-back hour written in naive local time, a duplicate, one zoned row, 1970, 2100.
    const auto r = MetricsCsvParser::parse(readFile(kData / "hostile/timestamps.csv"), "t.csv");
    const std::vector<double> times{0, 1761444005, 1761444005, 1761447595, 1761448200, 4102444800};
    QCOMPARE(r.table.time(), times);
    QCOMPARE(r.table.sourceLineList(), (std::vector<int>{6, 3, 4, 2, 5, 7}));
    QCOMPARE(*r.table.values(keys::Replicas), (std::vector<double>{5, 2, 3, 1, 4, 6}));
    QVERIFY(r.table.naiveTime());
    QCOMPARE(r.warnings.size(), std::size_t(3));
    QVERIFY(hasWarning(r.warnings, "t.csv", "go backwards 2 time(s); samples were sorted", 3));
    QVERIFY(hasWarning(r.warnings, "t.csv", "1 sample(s) repeat the timestamp", 4));
    QVERIFY(hasWarning(r.warnings, "t.csv",
                       "mixed timestamp formats: 5 rows without a time zone, 1 with one", 5));
    // Naive times are shown as written, never shifted: the DST overlap stays visible.
    QCOMPARE(Timestamp::format(r.table.time()[3], true), std::string("2025-10-26 02:59:55"));
    QCOMPARE(Timestamp::format(r.table.time()[1], true), std::string("2025-10-26 02:00:05"));

    // Spring forward: the skipped hour is a 1 h gap, not a warning.
    const auto spring = MetricsCsvParser::parse(
        "timestamp,replicas\n2025-03-30 01:59:55,1\n2025-03-30 03:00:00,1\n", "s.csv");
    QCOMPARE(spring.table.time(), (std::vector<double>{1743299995, 1743303600}));
    QVERIFY(spring.warnings.empty());
}

void TestHostileValues::folderIsNeverChanged_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<bool>("copy");
    QTest::newRow("all files") << QString() << true;
    QTest::newRow("enhanced-small")
        << QString(HPA_TEST_DATA_DIR "/experiments/enhanced-small") << true;
    QTest::newRow("shared legacy")
        << QString(HPA_SHARED_DIR "/examples/hpa-experiment-20251120-140312") << false;
    QTest::newRow("shared enhanced")
        << QString(HPA_SHARED_DIR "/examples/high-load-hpa-20251124-155733") << false;
}

void TestHostileValues::folderIsNeverChanged()
{
    QFETCH(QString, source);
    QFETCH(bool, copy);
    fs::path dir = source.toStdString();
    if (!copy && !fs::exists(dir))
        QSKIP("the shared examples are absent; nothing to check against");
    if (copy) {
        dir = fs::path(m_tmp.path().toStdString()) / ("unchanged-" + std::to_string(++m_dirs));
        if (source.isEmpty())
            makeFullExperiment(dir);
        else
            fs::copy(source.toStdString(), dir, fs::copy_options::recursive);
    }
    const auto before = folderState(dir);
    const Experiment e = ExperimentLoader::load(dir.string());
    (void)summaryJson(e);
    (void)SummaryText::render(ExperimentAnalyzer::summarize(e));
    const std::string exported = MetricsCsvWriter::write(e, std::nullopt, std::nullopt, 0.0);
    QCOMPARE(folderState(dir), before);

    // The export holds every sample at the same time: nothing lost, nothing invented.
    const auto back = MetricsCsvParser::parse(exported, "export.csv");
    QCOMPARE(back.table.rowCount(), e.metrics.rowCount());
    QCOMPARE(back.table.time(), e.metrics.time());
}

void TestHostileValues::fuzzRegressions_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("path");
    const fs::path root = kData / "fuzz-regressions";
    for (const auto &target : fs::directory_iterator(root)) {
        for (const auto &file : fs::directory_iterator(target.path())) {
            const std::string tag =
                target.path().filename().string() + "/" + file.path().filename().string();
            QTest::newRow(tag.c_str()) << QString::fromStdString(target.path().filename())
                                       << QString::fromStdString(file.path().string());
        }
    }
}

void TestHostileValues::fuzzRegressions()
{
    QFETCH(QString, target);
    QFETCH(QString, path);
    const std::string input = readFile(path.toStdString());
    std::vector<LoadWarning> warnings;
    if (target == "metrics_csv") {
        warnings = MetricsCsvParser::parse(input, "metrics.csv").warnings;
    } else if (target == "metadata") {
        const auto r = MetadataParser::parse(input, "metadata.json");
        QVERIFY(r.metadata.json.is_object());
        warnings = r.warnings;
    } else if (target == "scaling_log") {
        warnings = ScalingLogParser::parse(input, "scaling.log").warnings;
    } else if (target == "scaling_events_log") {
        warnings = ScalingEventsLogParser::parse(input, "scaling-events.log").warnings;
    } else if (target == "kubectl_log") {
        warnings = KubectlLogParser::parse(input, "events.log").warnings;
    } else if (target == "bench_log") {
        // A rule of dashes only inside a result block threw std::out_of_range (substr(npos)).
        const auto r = BenchLogParser::parse(input, "job-logs/a.log");
        warnings = r.warnings;
        if (path.contains("dashes-only-rule"))
            QVERIFY(r.job.result && r.job.result->complete && r.job.result->fields.size() == 2);
    } else if (target == "hpa_manifest") {
        // Inputs that made yaml-cpp 0.7 loop for ever (broken UTF-8, a document starting with
        // a comma): refused before it sees them.
        const auto r = HpaManifestParser::parse(input, "hpa.yaml");
        QVERIFY(r.error && !r.spec);
        QVERIFY2(r.error->message.find("not UTF-8 text") != std::string::npos ||
                     r.error->message.find("cannot start with ','") != std::string::npos,
                 r.error->message.c_str());
    } else if (target == "experiment_dir") {
        // Same cut as fuzz_experiment_dir.cpp: 0x1E between the files, in this order.
        const fs::path dir =
            fs::path(m_tmp.path().toStdString()) / ("fuzz-" + std::to_string(++m_dirs));
        std::size_t pos = 0;
        for (const char *name :
             {"metrics.csv", "metadata.json", "scaling.log", "scaling-events.log", "events.log",
              "jobs.log", "monitor.log", "job-logs/a.log"}) {
            if (pos > input.size())
                break;
            const std::size_t end = std::min(input.find('\x1e', pos), input.size());
            writeFileOrFail(dir / name, input.substr(pos, end - pos));
            pos = end + 1;
        }
        try {
            const Experiment e = ExperimentLoader::load(dir.string());
            QVERIFY(nlohmann::json::accept(summaryJson(e)));
            warnings = e.warnings;
        } catch (const LoadError &) {
            // A clear refusal is a fine outcome; only a crash or another exception is not.
        }
    } else if (target == "metrics_csv_follow") {
        // fuzz_metrics_csv_follow compared the pieces with the whole file although its first
        // piece had rows going backwards, which the follower never continues from (it parses
        // the whole file again). The whole parse sorts them and says so. Byte 0 is the seed.
        warnings = MetricsCsvParser::parse(input.substr(1), "metrics.csv").warnings;
        QVERIFY(hasWarning(warnings, "metrics.csv", "timestamps go backwards"));
    } else {
        QFAIL(qPrintable("no replay for fuzz target " + target));
    }
    QVERIFY(warnings.size() <= (target == "experiment_dir" ? 8 : 1) * kWarningBound);
    for (const LoadWarning &w : warnings)
        QVERIFY(w.message.size() <= WarningList::kMaxMessageBytes);
    // The metadata crash was an uncaught out_of_range for 1e309: now it is a warning.
    if (path.contains("number-overflow"))
        QVERIFY(hasWarning(warnings, "metadata.json", "number overflow"));
}

QTEST_GUILESS_MAIN(TestHostileValues)
#include "tst_hostile_values.moc"
