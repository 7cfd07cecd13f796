#include "core/model/metric_keys.h"
#include "core/parsers/metrics_csv_parser.h"

#include <QFile>
#include <QTest>

#include <algorithm>
#include <limits>
#include <span>
#include <string>
#include <vector>

using hpa::core::ColumnValues;
using hpa::core::LoadWarning;
using hpa::core::MetricsCsvParser;
namespace keys = hpa::core::keys;

namespace {

using Result = MetricsCsvParser::Result;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kLegacyStart = 1763647392.0;   // 2025-11-20T14:03:12Z
constexpr double kEnhancedStart = 1763999858.0; // 2025-11-24 15:57:38 as if UTC
const std::string kFile = "metrics.csv";

Result parseText(std::string_view text, std::size_t maxWarnings = 200, unsigned threads = 1)
{
    MetricsCsvParser::Options options;
    options.threads = threads;
    options.maxWarnings = maxWarnings;
    return MetricsCsvParser::parse(text, kFile, options);
}

std::string fixture(const char *name)
{
    QFile file(QStringLiteral(HPA_TEST_DATA_DIR "/metrics/") + QLatin1String(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", name);
    return file.readAll().toStdString();
}

QString warningsText(const Result &r)
{
    QString out;
    for (const LoadWarning &w : r.warnings)
        out += QStringLiteral("\n  %1:%2: %3")
                   .arg(QString::fromStdString(w.file))
                   .arg(w.line)
                   .arg(QString::fromStdString(w.message));
    return out.isEmpty() ? QStringLiteral(" (no warnings)") : out;
}

/// A warning on metrics.csv at `line` whose message holds `fragment`.
bool hasWarning(const Result &r, int line, const std::string &fragment)
{
    for (const LoadWarning &w : r.warnings) {
        if (w.file == kFile && w.line == line && w.message.find(fragment) != std::string::npos)
            return true;
    }
    return false;
}

const ColumnValues &column(const Result &r, std::string_view key)
{
    static const ColumnValues kNone;
    const auto *v = r.table.values(key);
    return v ? *v : kNone;
}

/// Empty when `actual` equals `expected` exactly, NaN where NaN is expected.
QString differences(std::span<const double> actual, const std::vector<double> &expected)
{
    if (actual.size() != expected.size())
        return QStringLiteral("size %1, expected %2").arg(actual.size()).arg(expected.size());
    for (std::size_t i = 0; i < actual.size(); ++i) {
        const bool bothNaN = qIsNaN(actual[i]) && qIsNaN(expected[i]);
        if (!bothNaN && actual[i] != expected[i])
            return QStringLiteral("[%1] is %2, expected %3")
                .arg(i)
                .arg(actual[i], 0, 'g', 17)
                .arg(expected[i], 0, 'g', 17);
    }
    return {};
}

#define CHECK_VALUES(actual, ...)                                                                  \
    do {                                                                                           \
        const QString d_ = differences((actual), std::vector<double> __VA_ARGS__);                 \
        QVERIFY2(d_.isEmpty(), qPrintable(d_));                                                    \
    } while (false)

#define CHECK_WARNING(result, line, fragment)                                                      \
    QVERIFY2(hasWarning((result), (line), (fragment)),                                             \
             qPrintable(QStringLiteral("no warning at line %1 with '%2'; got:%3")                  \
                            .arg(line)                                                             \
                            .arg(QString::fromStdString(fragment))                                 \
                            .arg(warningsText(result))))

} // namespace

class TestMetricsCsvParser : public QObject
{
    Q_OBJECT

private slots:
    void raggedRows();
    void nonNumericCell_data();
    void nonNumericCell();
    void emptyCell();
    void crlfLineEndings();
    void utf8Bom();
    void halfWrittenLastLine();
    void emptyFile_data();
    void emptyFile();
    void headerOnly_data();
    void headerOnly();
    void noTimeColumn();
    void unsortedTimestamps();
    void duplicateTimestamps();
    void garbageLines();
    void numbers_data();
    void numbers();
    void columnsMappedByName();
    void aliases_data();
    void aliases();
    void duplicateHeader();
    void epochOnly();
    void timestampFallsBackToEpoch();
    void mixedTimestampFormats_data();
    void mixedTimestampFormats();
    void quotedCells();
    void blankLinesKeepLineNumbers();
    void warningCap_data();
    void warningCap();
};

void TestMetricsCsvParser::raggedRows()
{
    const Result r = parseText("timestamp,replicas,num_requests_waiting\n"
                               "2025-11-20T14:03:12Z,1,0\n"
                               "2025-11-20T14:03:18Z,2,5,9\n"
                               "2025-11-20T14:03:24Z,3\n"
                               "2025-11-20T14:03:30Z,4,7\n");
    QCOMPARE(r.warnings.size(), std::size_t(2));
    CHECK_WARNING(r, 3, "row has 4 fields but the header has 3; row skipped");
    CHECK_WARNING(r, 4, "row has 2 fields but the header has 3; row skipped (line cut short?)");
    CHECK_VALUES(r.table.time(), {kLegacyStart, kLegacyStart + 18});
    QCOMPARE(r.table.sourceLineList(), (std::vector<int>{2, 5}));
    CHECK_VALUES(column(r, keys::Replicas), {1, 4});
    CHECK_VALUES(column(r, keys::Waiting), {0, 7});
}

void TestMetricsCsvParser::nonNumericCell_data()
{
    QTest::addColumn<QString>("cell");
    QTest::addColumn<QString>("message");

    QTest::newRow("word") << "abc"
                          << "'abc' in column 'replicas' is not a number; kept as missing";
    QTest::newRow("number then junk") << "12abc"
                                      << "'12abc' in column 'replicas' is not a number";
    QTest::newRow("two dots") << "1.2.3"
                              << "'1.2.3' in column 'replicas' is not a number";
    QTest::newRow("hex") << "0x10"
                         << "'0x10' in column 'replicas' is not a number";
    QTest::newRow("quantity suffix") << "224m"
                                     << "'224m' in column 'replicas' is not a number";
    QTest::newRow("inf") << "inf"
                         << "'inf' in column 'replicas' is not a finite number";
    QTest::newRow("nan") << "nan"
                         << "'nan' in column 'replicas' is not a finite number";
    QTest::newRow("overflow") << "1e999"
                              << "'1e999' in column 'replicas' is not a finite number";
    QTest::newRow("long cell shortened")
        << QString(50, QLatin1Char('x'))
        << "'" + QString(37, QLatin1Char('x')) + "...' in column 'replicas' is not a number";
}

void TestMetricsCsvParser::nonNumericCell()
{
    QFETCH(QString, cell);
    QFETCH(QString, message);
    const std::string text = "timestamp,replicas,num_requests_waiting\n"
                             "2025-11-20T14:03:12Z,1,2\n"
                             "2025-11-20T14:03:18Z," +
                             cell.toStdString() + ",3\n";
    const Result r = parseText(text);
    QCOMPARE(r.warnings.size(), std::size_t(1));
    CHECK_WARNING(r, 3, message.toStdString());
    // The row stays; only the bad cell is missing, and missing is NaN, never 0.
    QCOMPARE(r.table.rowCount(), std::size_t(2));
    QCOMPARE(column(r, keys::Replicas).at(0), 1.0);
    QVERIFY(qIsNaN(column(r, keys::Replicas).at(1)));
    CHECK_VALUES(column(r, keys::Waiting), {2, 3});
}

void TestMetricsCsvParser::emptyCell()
{
    const Result r = parseText("timestamp,replicas,num_requests_waiting\n"
                               "2025-11-20T14:03:12Z,,3\n"
                               "2025-11-20T14:03:18Z,2,  \n");
    QCOMPARE(r.warnings.size(), std::size_t(2));
    CHECK_WARNING(r, 2, "empty value in column 'replicas'; kept as missing");
    CHECK_WARNING(r, 3, "empty value in column 'num_requests_waiting'; kept as missing");
    CHECK_VALUES(column(r, keys::Replicas), {kNaN, 2});
    CHECK_VALUES(column(r, keys::Waiting), {3, kNaN});
}

void TestMetricsCsvParser::crlfLineEndings()
{
    const std::string text = fixture("crlf.csv");
    QVERIFY(text.find("\r\n") != std::string::npos);
    const Result r = parseText(text);
    QVERIFY2(r.warnings.empty(), qPrintable(warningsText(r)));
    QCOMPARE(r.table.rowCount(), std::size_t(3));
    CHECK_VALUES(r.table.time(), {kLegacyStart, kLegacyStart + 6, kLegacyStart + 13});
    // The last column would fail to parse if the \r stayed on it.
    CHECK_VALUES(column(r, keys::CompletedJobs), {0, 0, 1});
    CHECK_VALUES(column(r, keys::Waiting), {0, 10500, 3});
    CHECK_VALUES(column(r, keys::KvCacheRaw), {0, 569, 224});
    QCOMPARE(r.headerKeys.back(), std::string(keys::CompletedJobs));
}

void TestMetricsCsvParser::utf8Bom()
{
    const std::string text = fixture("bom.csv");
    QVERIFY(text.rfind("\xEF\xBB\xBF", 0) == 0);
    const Result r = parseText(text);
    QVERIFY2(r.warnings.empty(), qPrintable(warningsText(r)));
    QVERIFY(r.hasTimeColumn);
    QCOMPARE(r.headerKeys.front(), std::string(keys::Timestamp));
    QVERIFY(r.table.naiveTime());
    CHECK_VALUES(r.table.time(), {kEnhancedStart, kEnhancedStart + 21});
    CHECK_VALUES(column(r, keys::Waiting), {0, 10.5});
    CHECK_VALUES(column(r, keys::KvCacheRaw), {0, 0.997});
    CHECK_VALUES(column(r, keys::TtftMs), {0, 120.5});
}

void TestMetricsCsvParser::halfWrittenLastLine()
{
    const Result r = parseText(fixture("truncated.csv"));
    QCOMPARE(r.warnings.size(), std::size_t(1));
    CHECK_WARNING(r, 4, "row has 6 fields but the header has 11; row skipped (line cut short?)");
    CHECK_VALUES(r.table.time(), {kEnhancedStart, kEnhancedStart + 21});
    CHECK_VALUES(column(r, keys::KvCacheRaw), {0, 0.002});

    // Cut inside the timestamp itself.
    const Result cut = parseText("timestamp,replicas\n"
                                 "2025-11-24 15:57:38,1\n"
                                 "2025-11-24 15:5");
    QCOMPARE(cut.table.rowCount(), std::size_t(1));
    CHECK_WARNING(cut, 3, "row has 1 fields but the header has 2");
}

void TestMetricsCsvParser::emptyFile_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("zero bytes") << QByteArray();
    QTest::newRow("blank lines") << QByteArray("\n\n\n");
    QTest::newRow("spaces and CRLF") << QByteArray("   \r\n\t\r\n");
    QTest::newRow("only a BOM") << QByteArray("\xEF\xBB\xBF");
}

void TestMetricsCsvParser::emptyFile()
{
    QFETCH(QByteArray, content);
    const Result r = parseText(std::string_view(content.constData(), content.size()));
    QVERIFY(!r.hasTimeColumn);
    QCOMPARE(r.table.rowCount(), std::size_t(0));
    QCOMPARE(r.warnings.size(), std::size_t(1));
    CHECK_WARNING(r, 0, "the file is empty");
}

void TestMetricsCsvParser::headerOnly_data()
{
    QTest::addColumn<QString>("content");
    QTest::addColumn<int>("headerLine");
    QTest::newRow("with newline") << "timestamp,replicas\n" << 1;
    QTest::newRow("without newline") << "timestamp,replicas" << 1;
    QTest::newRow("after blank lines") << "\n\ntimestamp,replicas\r\n\n" << 3;
}

void TestMetricsCsvParser::headerOnly()
{
    QFETCH(QString, content);
    QFETCH(int, headerLine);
    const Result r = parseText(content.toStdString());
    QVERIFY(r.hasTimeColumn);
    QCOMPARE(r.table.rowCount(), std::size_t(0));
    QVERIFY(r.table.has(keys::Replicas));
    QCOMPARE(r.warnings.size(), std::size_t(1));
    CHECK_WARNING(r, headerLine, "the header has no samples under it");
}

void TestMetricsCsvParser::noTimeColumn()
{
    const Result r = parseText("replicas,num_requests_waiting\n1,2\n");
    QVERIFY(!r.hasTimeColumn);
    QCOMPARE(r.table.rowCount(), std::size_t(0));
    CHECK_WARNING(r, 1, "no 'timestamp' or 'epoch' column");
}

void TestMetricsCsvParser::unsortedTimestamps()
{
    const Result r = parseText("timestamp,replicas\n"
                               "2025-11-20T14:03:10Z,1\n"
                               "2025-11-20T14:03:30Z,3\n"
                               "2025-11-20T14:03:20Z,2\n"
                               "2025-11-20T14:03:40Z,4\n"
                               "2025-11-20T14:03:15Z,9\n");
    QCOMPARE(r.warnings.size(), std::size_t(1));
    CHECK_WARNING(r, 4, "timestamps go backwards 2 time(s); samples were sorted by time");
    const double t0 = kLegacyStart - 2; // 14:03:10
    CHECK_VALUES(r.table.time(), {t0, t0 + 5, t0 + 10, t0 + 20, t0 + 30});
    CHECK_VALUES(column(r, keys::Replicas), {1, 9, 2, 3, 4});
    QCOMPARE(r.table.sourceLineList(), (std::vector<int>{2, 6, 4, 3, 5}));
}

void TestMetricsCsvParser::duplicateTimestamps()
{
    const Result r = parseText("epoch,replicas\n"
                               "100,1\n"
                               "110,2\n"
                               "110,3\n"
                               "120,4\n"
                               "120,5\n");
    QCOMPARE(r.warnings.size(), std::size_t(1));
    CHECK_WARNING(r, 4, "2 sample(s) repeat the timestamp of the previous one");
    CHECK_VALUES(r.table.time(), {100, 110, 110, 120, 120});
    CHECK_VALUES(column(r, keys::Replicas), {1, 2, 3, 4, 5});
}

void TestMetricsCsvParser::garbageLines()
{
    const Result r = parseText("timestamp,replicas,num_requests_waiting\n"
                               "2025-11-20T14:03:12Z,1,0\n"
                               "this is not a csv line\n"
                               "garbage,1,2\n"
                               "2025-13-01T00:00:00Z,1,2\n"
                               ",,\n"
                               "2025-11-20T14:03:18Z,2,1\n");
    QCOMPARE(r.warnings.size(), std::size_t(4));
    CHECK_WARNING(r, 3, "row has 1 fields but the header has 3");
    CHECK_WARNING(r, 4, "cannot read the time 'garbage'; row skipped");
    CHECK_WARNING(r, 5, "cannot read the time '2025-13-01T00:00:00Z'; row skipped");
    CHECK_WARNING(r, 6, "cannot read the time ''; row skipped");
    QCOMPARE(r.table.sourceLineList(), (std::vector<int>{2, 7}));
    CHECK_VALUES(column(r, keys::Replicas), {1, 2});
}

void TestMetricsCsvParser::numbers_data()
{
    QTest::addColumn<QString>("cell");
    QTest::addColumn<double>("value");
    QTest::newRow("10.500") << "10.500" << 10.5;
    QTest::newRow("0.00") << "0.00" << 0.0;
    QTest::newRow("plus sign") << "+3" << 3.0;
    QTest::newRow("negative") << "-2.25" << -2.25;
    QTest::newRow("blanks around") << "  7 " << 7.0;
    QTest::newRow("exponent") << "1e3" << 1000.0;
    QTest::newRow("milli-units stripped") << "10500" << 10500.0;
    QTest::newRow("leading dot") << ".5" << 0.5;
}

void TestMetricsCsvParser::numbers()
{
    QFETCH(QString, cell);
    QFETCH(double, value);
    const Result r = parseText("epoch,num_requests_waiting\n1763647392," + cell.toStdString());
    QVERIFY2(r.warnings.empty(), qPrintable(warningsText(r)));
    CHECK_VALUES(column(r, keys::Waiting), {value});
}

void TestMetricsCsvParser::columnsMappedByName()
{
    const Result r = parseText(fixture("user_column.csv"));
    QVERIFY2(r.warnings.empty(), qPrintable(warningsText(r)));
    QCOMPARE(r.headerKeys, (std::vector<std::string>{"replicas", "gpu_util", "timestamp",
                                                     "kv_cache_raw", "waiting"}));
    CHECK_VALUES(r.table.time(), {kEnhancedStart, kEnhancedStart + 21});
    CHECK_VALUES(column(r, keys::Replicas), {3, 4});
    CHECK_VALUES(column(r, keys::KvCacheRaw), {0.25, 0.5});
    CHECK_VALUES(column(r, keys::Waiting), {4, 0});
    // The user's own column is kept as an extra series under its own name.
    const auto *gpu = r.table.column("gpu_util");
    QVERIFY(gpu);
    QCOMPARE(gpu->header, std::string("gpu_util"));
    CHECK_VALUES(gpu->values, {71.5, 88});
    QVERIFY(!keys::isKnownKey("gpu_util"));
    QCOMPARE(r.table.columns().size(), std::size_t(4));
}

void TestMetricsCsvParser::aliases_data()
{
    QTest::addColumn<QString>("header");
    QTest::addColumn<QString>("key");

    QTest::newRow("waiting legacy") << "num_requests_waiting_current"
                                    << "waiting";
    QTest::newRow("waiting enhanced") << "num_requests_waiting"
                                      << "waiting";
    QTest::newRow("waiting target") << "num_requests_waiting_target"
                                    << "waiting_target";
    QTest::newRow("kv legacy") << "kv_cache_usage_current"
                               << "kv_cache_raw";
    QTest::newRow("kv enhanced") << "kv_cache_usage_perc"
                                 << "kv_cache_raw";
    QTest::newRow("kv plain") << "kv_cache_usage"
                              << "kv_cache_raw";
    QTest::newRow("kv target") << "kv_cache_usage_target"
                               << "kv_cache_target_raw";
    QTest::newRow("ttft") << "ttft"
                          << "ttft_ms";
    QTest::newRow("ttft_ms") << "ttft_ms"
                             << "ttft_ms";
    QTest::newRow("upper case") << "TTFT_MS"
                                << "ttft_ms";
    QTest::newRow("blanks") << "  itl "
                            << "itl_ms";
    QTest::newRow("current_replicas") << "current_replicas"
                                      << "replicas";
    QTest::newRow("request_rate") << "request_rate"
                                  << "request_rate_per_min";
    QTest::newRow("user column") << "gpu_util"
                                 << "gpu_util";
    QTest::newRow("user column case") << "GPU_Util"
                                      << "gpu_util";
}

void TestMetricsCsvParser::aliases()
{
    QFETCH(QString, header);
    QFETCH(QString, key);
    QCOMPARE(QString::fromStdString(keys::canonicalKey(header.toStdString())), key);
    const Result r = parseText("timestamp," + header.toStdString() + "\n2025-11-20T14:03:12Z,42\n");
    QVERIFY2(r.warnings.empty(), qPrintable(warningsText(r)));
    const auto *c = r.table.column(key.toStdString());
    QVERIFY(c);
    QCOMPARE(QString::fromStdString(c->header), header.trimmed());
    CHECK_VALUES(c->values, {42});
}

void TestMetricsCsvParser::duplicateHeader()
{
    const Result r = parseText("timestamp,replicas,num_requests_waiting,replicas,"
                               "num_requests_waiting_current\n"
                               "2025-11-20T14:03:12Z,1,2,3,4\n");
    QCOMPARE(r.warnings.size(), std::size_t(2));
    CHECK_WARNING(r, 1, "column 'replicas' appears twice; the second is kept as 'replicas_4'");
    CHECK_WARNING(r, 1,
                  "column 'num_requests_waiting_current' appears twice; the second is kept as "
                  "'waiting_5'");
    CHECK_VALUES(column(r, keys::Replicas), {1});
    CHECK_VALUES(column(r, keys::Waiting), {2});
    CHECK_VALUES(column(r, "replicas_4"), {3});
    CHECK_VALUES(column(r, "waiting_5"), {4});
}

void TestMetricsCsvParser::epochOnly()
{
    const Result r = parseText("epoch,replicas\n"
                               "1763647392,1\n"
                               "1763647398.5,2\n"
                               "abc,3\n");
    QVERIFY(r.hasTimeColumn);
    QVERIFY(!r.table.naiveTime());
    QCOMPARE(r.warnings.size(), std::size_t(1));
    CHECK_WARNING(r, 4, "cannot read the time 'abc'; row skipped");
    CHECK_VALUES(r.table.time(), {kLegacyStart, kLegacyStart + 6.5});
    QCOMPARE(r.table.columns().size(), std::size_t(1)); // epoch is the time, not a series
    CHECK_VALUES(column(r, keys::Replicas), {1, 2});
}

void TestMetricsCsvParser::timestampFallsBackToEpoch()
{
    const Result r = parseText("timestamp,epoch,replicas\n"
                               "2025-11-20T14:03:12Z,1,1\n"
                               "not-a-time,1763647400,2\n");
    QVERIFY2(r.warnings.empty(), qPrintable(warningsText(r)));
    // The timestamp wins when readable (the epoch 1 is ignored on line 2).
    CHECK_VALUES(r.table.time(), {kLegacyStart, kLegacyStart + 8});
    QCOMPARE(r.table.columns().size(), std::size_t(1));
    CHECK_VALUES(column(r, keys::Replicas), {1, 2});
}

void TestMetricsCsvParser::mixedTimestampFormats_data()
{
    QTest::addColumn<QString>("content");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("message");
    QTest::addColumn<bool>("naive");

    QTest::newRow("mostly naive")
        << "timestamp,replicas\n"
           "2025-11-24 15:57:38,1\n"
           "2025-11-24 15:57:59,1\n"
           "2025-11-24T15:58:10Z,2\n"
           "2025-11-24 15:58:20,1\n"
        << 4
        << "mixed timestamp formats: 3 rows without a time zone, 1 with one; all are placed as "
           "written"
        << true;
    QTest::newRow("mostly zoned") << "timestamp,replicas\n"
                                     "2025-11-24T15:57:38Z,1\n"
                                     "2025-11-24 15:57:59,1\n"
                                     "2025-11-24T15:58:10+00:00,2\n"
                                     "2025-11-24T15:58:20Z,1\n"
                                  << 3
                                  << "mixed timestamp formats: 1 rows without a time zone, 3 with "
                                     "one"
                                  << false;
}

void TestMetricsCsvParser::mixedTimestampFormats()
{
    QFETCH(QString, content);
    QFETCH(int, line);
    QFETCH(QString, message);
    QFETCH(bool, naive);
    const Result r = parseText(content.toStdString());
    QCOMPARE(r.warnings.size(), std::size_t(1));
    CHECK_WARNING(r, line, message.toStdString());
    QCOMPARE(r.table.naiveTime(), naive);
    CHECK_VALUES(r.table.time(),
                 {kEnhancedStart, kEnhancedStart + 21, kEnhancedStart + 32, kEnhancedStart + 42});
}

void TestMetricsCsvParser::quotedCells()
{
    const Result r = parseText("\"timestamp\",\"replicas\",\"note\"\n"
                               "\"2025-11-20T14:03:12Z\",\"2\",\"1,5\"\n"
                               "\"2025-11-20T14:03:18Z\",3,\"7\"\n");
    QCOMPARE(r.headerKeys, (std::vector<std::string>{"timestamp", "replicas", "note"}));
    QCOMPARE(r.warnings.size(), std::size_t(1));
    CHECK_WARNING(r, 2, "'1,5' in column 'note' is not a number");
    CHECK_VALUES(r.table.time(), {kLegacyStart, kLegacyStart + 6});
    CHECK_VALUES(column(r, keys::Replicas), {2, 3});
    CHECK_VALUES(column(r, "note"), {kNaN, 7});
}

void TestMetricsCsvParser::blankLinesKeepLineNumbers()
{
    const Result r = parseText("timestamp,replicas\n"
                               "\n"
                               "2025-11-20T14:03:12Z,1\n"
                               "\r\n"
                               "   \n"
                               "2025-11-20T14:03:18Z,x\n");
    QCOMPARE(r.warnings.size(), std::size_t(1));
    CHECK_WARNING(r, 6, "'x' in column 'replicas'");
    QCOMPARE(r.table.sourceLineList(), (std::vector<int>{3, 6}));
}

void TestMetricsCsvParser::warningCap_data()
{
    QTest::addColumn<int>("maxWarnings");
    QTest::addColumn<int>("listed");
    QTest::newRow("none listed") << 0 << 0;
    QTest::newRow("five listed") << 5 << 5;
    QTest::newRow("exactly all") << 12 << 12;
    QTest::newRow("room to spare") << 100 << 12;
}

void TestMetricsCsvParser::warningCap()
{
    QFETCH(int, maxWarnings);
    QFETCH(int, listed);
    std::string text = "epoch,replicas\n";
    for (int i = 0; i < 12; ++i)
        text += std::to_string(1000 + i) + ",bad\n";
    const Result r = parseText(text, static_cast<std::size_t>(maxWarnings));
    const int more = 12 - listed;
    QCOMPARE(r.warnings.size(), std::size_t(listed + (more > 0 ? 1 : 0)));
    for (int i = 0; i < listed; ++i) {
        QCOMPARE(r.warnings[std::size_t(i)].line, i + 2);
        QCOMPARE(r.warnings[std::size_t(i)].message,
                 std::string("'bad' in column 'replicas' is not a number; kept as missing"));
    }
    if (more > 0) {
        const LoadWarning &last = r.warnings.back();
        QCOMPARE(last.line, 0);
        QCOMPARE(last.message,
                 std::to_string(more) + " more problems of the kinds above are not listed");
    }
    // Capping the list never drops data.
    QCOMPARE(r.table.rowCount(), std::size_t(12));
    QVERIFY(qIsNaN(column(r, keys::Replicas).at(11)));
}

QTEST_GUILESS_MAIN(TestMetricsCsvParser)
#include "tst_metrics_csv_parser.moc"
