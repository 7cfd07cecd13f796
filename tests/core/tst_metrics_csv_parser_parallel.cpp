#include "core/io/file_reader.h"
#include "core/model/timestamp.h"
#include "core/parsers/metrics_csv_parser.h"
#include "core/parsers/metrics_csv_slice_parser.h"

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <atomic>
#include <bit>
#include <cstdint>
#include <fstream>
#include <span>
#include <string>
#include <vector>

using hpa::core::FileReader;
using hpa::core::LoadWarning;
using hpa::core::MetricsCsvParser;
using hpa::core::Timestamp;

namespace {

using Result = MetricsCsvParser::Result;

constexpr double kLegacyStart = 1763647392.0; // 2025-11-20T14:03:12Z
const std::string kFile = "metrics.csv";

Result parseText(std::string_view text, std::size_t maxWarnings, unsigned threads)
{
    MetricsCsvParser::Options options;
    options.threads = threads;
    options.maxWarnings = maxWarnings;
    return MetricsCsvParser::parse(text, kFile, options);
}

bool hasWarning(const Result &r, int line, const std::string &fragment)
{
    for (const LoadWarning &w : r.warnings) {
        if (w.file == kFile && w.line == line && w.message.find(fragment) != std::string::npos)
            return true;
    }
    return false;
}

bool sameBits(std::span<const double> a, std::span<const double> b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (std::bit_cast<std::uint64_t>(a[i]) != std::bit_cast<std::uint64_t>(b[i]))
            return false;
    }
    return true;
}

/// ~5 MB in the older layout with every kind of bad row sprinkled in.
std::string largeCsv()
{
    std::string out = "timestamp,epoch,replicas,desired_replicas,num_requests_waiting_current,"
                      "num_requests_waiting_target,kv_cache_usage_current,kv_cache_usage_target,"
                      "active_jobs,completed_jobs\n";
    out.reserve(5'400'000);
    double t = kLegacyStart;
    for (int i = 1; out.size() < 5'200'000; ++i) {
        t += (i % 6007 == 0) ? 0.0 : 5.0;                        // duplicates
        const double rowTime = (i % 40000 == 0) ? t - 100.0 : t; // goes backwards
        std::string ts = Timestamp::format(rowTime, false);
        if (i % 5003 == 0)
            ts = Timestamp::format(rowTime, true); // a naive one among zoned ones
        // Rows the per-minute timestamp shortcut must leave to the full parser.
        if (i % 1709 == 0)
            ts = Timestamp::format(rowTime + 0.25, false); // fractional seconds
        if (i % 1901 == 0 && ts.back() == 'Z') {
            ts.pop_back();
            ts += "+00:00"; // the same instant with an offset
        }
        std::string epoch = std::to_string(static_cast<long long>(rowTime));
        if (i % 2003 == 0) { // unreadable time; the epoch must not rescue it
            ts = "2025-99-99T00:00:00Z";
            epoch = "x";
        }
        std::string replicas = i % 997 == 0 ? "n/a" : std::to_string(1 + i % 10);
        if (i % 2503 == 0) { // quoted cells go the general way
            ts = '"' + ts + '"';
            replicas = '"' + replicas + '"';
        }
        const std::string waiting = i % 1777 == 0 ? "" : std::to_string((i * 37) % 1000) + ".500";
        out += ts + ',' + epoch + ',' + replicas + ',' + std::to_string(1 + (i / 3) % 10) + ',' +
               waiting + ",20," + std::to_string((i * 13) % 1000) + ",500," + std::to_string(i % 4);
        if (i % 1499 != 0) // ragged: the last field is missing
            out += ',' + std::to_string(i % 7);
        out += (i % 4099 == 0) ? "\r\n" : "\n";
        if (i % 3001 == 0)
            out += "\n";
    }
    return out;
}

} // namespace

/// The chunked multi-threaded parse must give exactly what the single-threaded one gives.
class TestMetricsCsvParserParallel : public QObject
{
    Q_OBJECT

private slots:
    void parallelEqualsSequential_data();
    void parallelEqualsSequential();
    void cancelAndProgress();
    void countingPass_data();
    void countingPass();
};

void TestMetricsCsvParserParallel::parallelEqualsSequential_data()
{
    QTest::addColumn<unsigned>("threads");
    QTest::addColumn<int>("maxWarnings");
    QTest::addColumn<bool>("fromFile");
    QTest::newRow("2 threads, capped") << 2u << 200 << false;
    QTest::newRow("3 threads, capped") << 3u << 200 << false;
    QTest::newRow("2 threads, all warnings") << 2u << 1000000 << false;
    QTest::newRow("3 threads, all warnings") << 3u << 1000000 << false;
    QTest::newRow("5 threads, small cap") << 5u << 7 << false;
    // The loader's way: read from the file in blocks by each thread.
    QTest::newRow("2 threads from the file") << 2u << 1000000 << true;
    QTest::newRow("1 thread from the file") << 1u << 200 << true;
}

void TestMetricsCsvParserParallel::parallelEqualsSequential()
{
    QFETCH(unsigned, threads);
    QFETCH(int, maxWarnings);
    QFETCH(bool, fromFile);
    static const std::string text = largeCsv();
    QVERIFY(text.size() > 5'000'000);
    const auto cap = static_cast<std::size_t>(maxWarnings);
    const Result seq = parseText(text, cap, 1);
    Result par;
    if (fromFile) {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("metrics.csv")).toStdString();
        std::ofstream(path, std::ios::binary) << text;
        hpa::core::ByteSource source;
        QVERIFY(FileReader::open(path, FileReader::kMetricsLimit, source).ok);
        MetricsCsvParser::Options options;
        options.threads = threads;
        options.maxWarnings = cap;
        par = MetricsCsvParser::parse(source, kFile, options);
    } else {
        par = parseText(text, cap, threads);
    }

    // The generated file has every kind of problem, so the comparison is not vacuous.
    QVERIFY(seq.table.rowCount() > 80000);
    QVERIFY(seq.warnings.size() > 6);
    QVERIFY(hasWarning(seq, 0, "more problems") == (maxWarnings < 1000000));
    bool sawMixed = false, sawBackwards = false, sawRepeat = false;
    for (const LoadWarning &w : seq.warnings) {
        sawMixed = sawMixed || w.message.find("mixed timestamp formats") != std::string::npos;
        sawBackwards = sawBackwards || w.message.find("go backwards") != std::string::npos;
        sawRepeat = sawRepeat || w.message.find("repeat the timestamp") != std::string::npos;
    }
    QVERIFY(sawMixed && sawBackwards && sawRepeat);

    QVERIFY(sameBits(seq.table.time(), par.table.time()));
    QCOMPARE(par.table.sourceLineList(), seq.table.sourceLineList());
    QCOMPARE(par.table.naiveTime(), seq.table.naiveTime());
    QCOMPARE(par.headerKeys, seq.headerKeys);
    QCOMPARE(par.table.columns().size(), seq.table.columns().size());
    std::size_t nans = 0;
    for (std::size_t c = 0; c < seq.table.columns().size(); ++c) {
        const auto &a = seq.table.columns()[c];
        const auto &b = par.table.columns()[c];
        QCOMPARE(b.key, a.key);
        QCOMPARE(b.header, a.header);
        QVERIFY2(sameBits(a.values, b.values), a.key.c_str());
        nans += static_cast<std::size_t>(
            std::count_if(a.values.begin(), a.values.end(), [](double v) { return qIsNaN(v); }));
    }
    QVERIFY(nans > 100);
    QCOMPARE(par.warnings.size(), seq.warnings.size());
    for (std::size_t i = 0; i < seq.warnings.size(); ++i)
        QVERIFY2(par.warnings[i] == seq.warnings[i],
                 qPrintable(QStringLiteral("warning %1: %2:%3 vs %4:%5")
                                .arg(i)
                                .arg(par.warnings[i].line)
                                .arg(QString::fromStdString(par.warnings[i].message))
                                .arg(seq.warnings[i].line)
                                .arg(QString::fromStdString(seq.warnings[i].message))));
}

void TestMetricsCsvParserParallel::cancelAndProgress()
{
    static const std::string text = largeCsv();
    MetricsCsvParser::Options options;
    options.threads = 1;
    std::vector<double> reported;
    options.progress = [&reported](double f) {
        reported.push_back(f);
    };
    const Result full = MetricsCsvParser::parse(text, kFile, options);
    QVERIFY(!full.cancelled);
    QVERIFY(reported.size() >= 2);
    QVERIFY(std::is_sorted(reported.begin(), reported.end()));
    QVERIFY(reported.front() > 0.0 && reported.back() <= 1.0);

    std::atomic<bool> cancel{true};
    options.cancel = &cancel;
    options.progress = nullptr;
    for (unsigned threads : {1u, 2u}) {
        options.threads = threads;
        const Result r = MetricsCsvParser::parse(text, kFile, options);
        QVERIFY(r.cancelled);
        QVERIFY(r.table.rowCount() < full.table.rowCount());
    }
}

void TestMetricsCsvParserParallel::countingPass_data()
{
    QTest::addColumn<int>("rows");
    QTest::addColumn<bool>("lastNewline");
    // Sizes around the 16-byte blocks and the 255-block lane limit of the counter.
    for (int rows : {0, 1, 3, 150, 1000}) {
        QTest::newRow(qPrintable(QStringLiteral("%1 rows").arg(rows))) << rows << true;
        QTest::newRow(qPrintable(QStringLiteral("%1 rows, no last newline").arg(rows)))
            << rows << false;
    }
}

void TestMetricsCsvParserParallel::countingPass()
{
    QFETCH(int, rows);
    QFETCH(bool, lastNewline);
    // Three fields per row, lines of varying length, and blank lines that must not count.
    std::string text;
    for (int i = 0; i < rows; ++i) {
        text +=
            std::to_string(i) + "," + std::string(static_cast<std::size_t>(i % 37), '7') + ",x\n";
        if (i % 10 == 0)
            text += "\n";
    }
    if (!lastNewline && !text.empty())
        text.pop_back();
    const auto source = hpa::core::ByteSource::fromMemory(text);
    hpa::core::MetricsCsvSlice slice;
    slice.begin = 0;
    slice.end = text.size();
    hpa::core::MetricsCsvSliceParser::count(source, 3, slice);
    const int blank = rows > 0 ? (rows - 1) / 10 + 1 : 0;
    // A blank line after the last row is dropped with the last newline.
    const int lines = rows + blank - (!lastNewline && rows > 0 && (rows - 1) % 10 == 0 ? 1 : 0);
    QCOMPARE(slice.lineCount, lines);
    QCOMPARE(slice.maxRows, static_cast<std::size_t>(rows));
}

QTEST_GUILESS_MAIN(TestMetricsCsvParserParallel)
#include "tst_metrics_csv_parser_parallel.moc"
