#include "core/analysis/comparison.h"
#include "core/analysis/experiment_analyzer.h"
#include "core/analysis/summary_statistics.h"
#include "core/io/atomic_file.h"
#include "core/load/experiment_loader.h"
#include "core/model/number_format.h"
#include "core/report/metrics_csv_writer.h"
#include "core/report/summary_csv_writer.h"
#include "test_files.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <span>
#include <string>
#include <vector>

using hpa::test::writeFile;

using namespace hpa::core;

namespace {

const QString kShared = QStringLiteral(HPA_SHARED_DIR "/examples/");
constexpr double kStart = 1763999858.0; // 2025-11-24 15:57:38 as if UTC

/// Three naive samples, 5 s apart, KV as a fraction, one missing waiting and gpu_util cell.
const std::string kSmall =
    "timestamp,replicas,num_requests_waiting,num_requests_waiting_target,kv_cache_usage_perc,"
    "kv_cache_usage_target,gpu_util\n"
    "2025-11-24 15:57:38,1,3,2,0.25,0.5,71.5\n"
    "2025-11-24 15:57:43,2,,2,0.75,0.5,\n"
    "2025-11-24 15:57:48,2,1.5,2,0.5,0.5,88\n";

/// 40 samples every 5 s in the newer layout plus a user's gpu_util column, with missing cells
/// scattered over several columns and values that are not exact in binary.
std::string generatedCsv()
{
    std::string out = "timestamp,replicas,desired_replicas,num_requests_waiting,"
                      "num_requests_waiting_target,kv_cache_usage_perc,kv_cache_usage_target,"
                      "ttft_ms,itl_ms,request_rate_per_min,active_jobs,gpu_util\n";
    for (int i = 0; i < 40; ++i) {
        const int s = 38 + 5 * i;
        const std::string time = fmt::format("2025-11-24 {:02}:{:02}:{:02}",
                                             15 + (57 + s / 60) / 60, (57 + s / 60) % 60, s % 60);
        const int replicas = 1 + i / 10;
        const std::string waiting =
            i == 17 ? "" : fmt::format("{:.3f}", (i * 37 % 23) + 0.5 * (i % 2));
        const std::string kv = i == 23 ? "" : fmt::format("{:.3f}", (i * 13 % 100) / 100.0);
        const std::string ttft = i < 5 ? "0.00" : fmt::format("{:.2f}", 100 + i * 3.7);
        const std::string itl = i < 5 ? "0.00" : fmt::format("{:.2f}", 8 + i * 0.11);
        const std::string gpu = i % 9 == 4 ? "" : fmt::format("{:.2f}", 50 + i * 0.33);
        out += fmt::format("{},{},{},{},2,{},0.5,{},{},{:.2f},{},{}\n", time, replicas,
                           replicas + (i % 7 == 0), waiting, kv, ttft, itl, i * 1.1, i / 8, gpu);
    }
    return out;
}

std::vector<std::string> lines(const std::string &text)
{
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t nl = text.find('\n', start);
        out.push_back(text.substr(start, nl - start));
        start = nl == std::string::npos ? text.size() : nl + 1;
    }
    return out;
}

/// Loads `csv` as the metrics.csv of a fresh folder under `root`.
Experiment loadCsv(const QTemporaryDir &root, const QString &name, const std::string &csv)
{
    const QString dir = root.filePath(name);
    if (!writeFile(dir + "/metrics.csv", csv))
        return {};
    return ExperimentLoader::load(dir.toStdString());
}

/// `back` holds the values of `original` rounded to 10 significant digits (NumberFormat's one
/// rule for written numbers), with the same missing cells.
bool sameValues(std::span<const double> back, std::span<const double> original)
{
    if (back.size() != original.size())
        return false;
    for (std::size_t i = 0; i < back.size(); ++i) {
        const double a = original[i];
        if (std::isnan(a) != std::isnan(back[i]) ||
            (!std::isnan(a) && back[i] != NumberFormat::rounded(a)))
            return false;
    }
    return true;
}

/// Statistics of values rounded to 10 significant digits agree to ~1e-10 relative; 1e-8 leaves
/// room for sums over thousands of samples while still catching any real difference.
bool close(const std::optional<double> &a, const std::optional<double> &b)
{
    if (a.has_value() != b.has_value())
        return false;
    if (!a || (std::isnan(*a) && std::isnan(*b)))
        return true;
    return std::abs(*a - *b) <= 1e-8 * std::max(1.0, std::abs(*a));
}

} // namespace

class TestCsvExport : public QObject
{
    Q_OBJECT

private slots:
    void smallExact();
    void elapsedFromOrigin();
    void roundTrip_data();
    void roundTrip();
    void timeRange_data();
    void timeRange();
    void zonedTimestamps();
    void cellQuoting_data();
    void cellQuoting();
    void summaryCsv();
    void comparisonCsv();
};

void TestCsvExport::smallExact()
{
    QTemporaryDir root;
    QVERIFY(root.isValid());
    const Experiment e = loadCsv(root, "small", kSmall);
    QCOMPARE(e.metrics.rowCount(), std::size_t(3));
    const std::string csv = MetricsCsvWriter::write(e, std::nullopt, std::nullopt, kStart);
    const std::vector<std::string> expected{
        "timestamp,elapsed_s,replicas,num_requests_waiting,num_requests_waiting_target,"
        "kv_cache_pct,kv_cache_target_pct,gpu_util,waiting_exceeded,kv_cache_exceeded,"
        "any_threshold_exceeded",
        "2025-11-24 15:57:38,0,1,3,2,25,50,71.5,true,false,true",
        "2025-11-24 15:57:43,5,2,,2,75,50,,false,true,true",
        "2025-11-24 15:57:48,10,2,1.5,2,50,50,88,false,false,false",
    };
    QCOMPARE(lines(csv), expected);
    QVERIFY(csv.back() == '\n');
}

void TestCsvExport::elapsedFromOrigin()
{
    QTemporaryDir root;
    const Experiment e = loadCsv(root, "small", kSmall);
    const std::vector<std::string> rows =
        lines(MetricsCsvWriter::write(e, std::nullopt, std::nullopt, kStart + 7.5));
    QCOMPARE(rows.size(), std::size_t(4));
    QCOMPARE(rows[1].substr(0, 25), std::string("2025-11-24 15:57:38,-7.5,"));
    QCOMPARE(rows[2].substr(0, 25), std::string("2025-11-24 15:57:43,-2.5,"));
    QCOMPARE(rows[3].substr(0, 24), std::string("2025-11-24 15:57:48,2.5,"));
}

void TestCsvExport::roundTrip_data()
{
    QTest::addColumn<QString>("source"); // a shared example, or "generated"
    QTest::newRow("generated with gpu_util and gaps") << "generated";
    QTest::newRow("shared newer layout") << "high-load-hpa-20251124-155733";
    QTest::newRow("shared older layout") << "hpa-experiment-20251120-140312";
}

void TestCsvExport::roundTrip()
{
    QFETCH(QString, source);
    QTemporaryDir root;
    QVERIFY(root.isValid());
    Experiment original;
    if (source == "generated") {
        original = loadCsv(root, "generated", generatedCsv());
        QCOMPARE(original.metrics.rowCount(), std::size_t(40));
        QVERIFY(original.metrics.has("gpu_util"));
    } else {
        if (!QDir(kShared + source).exists())
            QSKIP("shared example experiments not found under " HPA_SHARED_DIR "/examples");
        original = ExperimentLoader::load((kShared + source).toStdString());
    }
    const double origin = original.metrics.time().front();
    const std::string csv = MetricsCsvWriter::write(original, std::nullopt, std::nullopt, origin);
    const Experiment back = loadCsv(root, "exported", csv);

    // Same samples and the same values in every written column.
    QCOMPARE(back.metrics.rowCount(), original.metrics.rowCount());
    QVERIFY(back.metrics.time() == original.metrics.time());
    QCOMPARE(back.metrics.naiveTime(), original.metrics.naiveTime());
    QCOMPARE(back.kvRule.unit, KvCacheUnit::Percent);
    for (const MetricColumn &c : original.metrics.columns()) {
        if (c.key == "kv_cache_raw" || c.key == "kv_cache_target_raw")
            continue;
        const auto *values = back.metrics.values(c.key);
        QVERIFY2(values, c.key.c_str());
        QVERIFY2(sameValues(*values, c.values), c.key.c_str());
    }

    // Every statistic computed from the samples is the same up to the 10-digit rounding of the
    // written values (events were not exported).
    const ExperimentSummary a = ExperimentAnalyzer::summarize(original);
    const ExperimentSummary b = ExperimentAnalyzer::summarize(back);
    QCOMPARE(b.seriesOrder, a.seriesOrder);
    const std::vector<Statistic> sa = SummaryStatistics::list(a);
    const std::vector<Statistic> sb = SummaryStatistics::list(b);
    QCOMPARE(sb.size(), sa.size());
    int compared = 0;
    for (std::size_t i = 0; i < sa.size(); ++i) {
        QCOMPARE(sb[i].key, sa[i].key);
        if (sa[i].key.rfind("events.", 0) == 0 || sa[i].key == "scale_up_latency_s")
            continue;
        QVERIFY2(close(sb[i].value, sa[i].value), sa[i].key.c_str());
        compared += sa[i].value.has_value();
    }
    QVERIFY(compared > 40);
    QCOMPARE(b.start, a.start);
    QCOMPARE(b.end, a.end);
    QCOMPARE(b.correlation.size(), a.correlation.size());
    for (std::size_t i = 0; i < a.correlation.size(); ++i) {
        QCOMPARE(b.correlation[i].size(), a.correlation[i].size());
        for (std::size_t j = 0; j < a.correlation[i].size(); ++j)
            QVERIFY(close(b.correlation[i][j], a.correlation[i][j]));
    }
    QCOMPARE(b.correlationColumns, a.correlationColumns);

    // Exporting the re-imported run gives the same file: nothing drifts on a second trip.
    QCOMPARE(MetricsCsvWriter::write(back, std::nullopt, std::nullopt, origin), csv);
}

void TestCsvExport::timeRange_data()
{
    QTest::addColumn<std::optional<double>>("from"); // seconds after the first sample
    QTest::addColumn<std::optional<double>>("to");
    QTest::addColumn<int>("rows");
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("last");

    const std::optional<double> open;
    const auto o = [](double v) {
        return std::optional(v);
    };
    QTest::newRow("whole run") << open << open << 40 << "2025-11-24 15:57:38"
                               << "2025-11-24 16:00:53";
    QTest::newRow("bounds on samples, inclusive") << o(10) << o(30) << 5 << "2025-11-24 15:57:48"
                                                  << "2025-11-24 15:58:08";
    QTest::newRow("bounds between samples") << o(12) << o(28) << 3 << "2025-11-24 15:57:53"
                                            << "2025-11-24 15:58:03";
    QTest::newRow("up to the first sample") << open << o(0) << 1 << "2025-11-24 15:57:38"
                                            << "2025-11-24 15:57:38";
    QTest::newRow("from the last sample") << o(195) << open << 1 << "2025-11-24 16:00:53"
                                          << "2025-11-24 16:00:53";
    QTest::newRow("after the run") << o(200) << open << 0 << ""
                                   << "";
    QTest::newRow("before the run") << open << o(-1) << 0 << ""
                                    << "";
    QTest::newRow("reversed") << o(30) << o(10) << 0 << ""
                              << "";
}

void TestCsvExport::timeRange()
{
    QFETCH(std::optional<double>, from);
    QFETCH(std::optional<double>, to);
    QFETCH(int, rows);
    QFETCH(QString, first);
    QFETCH(QString, last);
    QTemporaryDir root;
    const Experiment e = loadCsv(root, "generated", generatedCsv());
    QCOMPARE(e.metrics.rowCount(), std::size_t(40));
    auto shifted = [](std::optional<double> v) {
        return v ? std::optional(kStart + *v) : std::nullopt;
    };
    const std::vector<std::string> out =
        lines(MetricsCsvWriter::write(e, shifted(from), shifted(to), kStart));
    QCOMPARE(int(out.size()) - 1, rows);
    if (rows == 0)
        return;
    QCOMPARE(QString::fromStdString(out[1].substr(0, 19)), first);
    QCOMPARE(QString::fromStdString(out.back().substr(0, 19)), last);
}

void TestCsvExport::zonedTimestamps()
{
    QTemporaryDir root;
    const Experiment e = loadCsv(root, "zoned",
                                 "timestamp,epoch,replicas\n"
                                 "2025-11-20T14:03:12Z,1763647392,1\n"
                                 "2025-11-20T14:03:18.250Z,1763647398,2\n");
    const std::vector<std::string> out =
        lines(MetricsCsvWriter::write(e, std::nullopt, std::nullopt, 1763647392.0));
    // The epoch column is a time column, not a metric: it is not written again.
    const std::vector<std::string> expected{
        "timestamp,elapsed_s,replicas,waiting_exceeded,kv_cache_exceeded,any_threshold_exceeded",
        "2025-11-20T14:03:12Z,0,1,false,false,false",
        "2025-11-20T14:03:18.250Z,6.25,2,false,false,false"};
    QCOMPARE(out, expected);
}

void TestCsvExport::cellQuoting_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("cell");
    QTest::newRow("plain") << "gpu_util"
                           << "gpu_util";
    QTest::newRow("comma") << "a,b"
                           << "\"a,b\"";
    QTest::newRow("quote") << "say \"hi\""
                           << "\"say \"\"hi\"\"\"";
    QTest::newRow("newline") << "two\nlines"
                             << "\"two\nlines\"";
    QTest::newRow("empty") << ""
                           << "";
}

void TestCsvExport::cellQuoting()
{
    QFETCH(QString, text);
    QFETCH(QString, cell);
    QCOMPARE(QString::fromStdString(MetricsCsvWriter::cell(text.toStdString())), cell);
}

void TestCsvExport::summaryCsv()
{
    QTemporaryDir root;
    const Experiment e = loadCsv(root, "small", kSmall);
    const ExperimentSummary s = ExperimentAnalyzer::summarize(e);
    const std::vector<std::string> out = lines(SummaryCsvWriter::write(s));
    QCOMPARE(out.front(), std::string("statistic,value"));
    QCOMPARE(out.size(), SummaryStatistics::list(s).size() + 1);
    auto has = [&out](const std::string &line) {
        return std::find(out.begin(), out.end(), line) != out.end();
    };
    QVERIFY(has("duration_s,10"));
    QVERIFY(has("samples,3"));
    QVERIFY(has("replicas.max,2"));
    // 1 replica for 5 s, then 2 for 5 s: 15 replica-seconds.
    QVERIFY(has("replica_hours,0.004166666667")); // 15 replica-seconds, 10 significant digits
    QVERIFY(has("scale_up_latency_s,"));
    QVERIFY(has("series.gpu_util.count,2"));
    QVERIFY(has("series.gpu_util.max,88"));
    QVERIFY(has("series.kv_cache_pct.mean,50"));
    QVERIFY(has("violations.waiting.samples,1"));
    QVERIFY(has("violations.any.samples,2"));
}

void TestCsvExport::comparisonCsv()
{
    ExperimentSummary a, b;
    a.durationSeconds = 600;
    b.durationSeconds = 540;
    a.replicaSeconds = 7200;
    b.replicaSeconds = 9000;
    a.meanScaleUpLatencySeconds = 30;
    a.seriesOrder = {"kv_cache_pct"};
    b.seriesOrder = {"kv_cache_pct"};
    a.series["kv_cache_pct"].hasStats = true;
    a.series["kv_cache_pct"].collected = true;
    b.series["kv_cache_pct"].collected = true;
    b.series["kv_cache_pct"].hasStats = true;
    a.series["kv_cache_pct"].min = 0;
    b.series["kv_cache_pct"].min = 1;
    const ExperimentComparison c(a, b);
    const std::vector<std::string> out = lines(SummaryCsvWriter::write(c));
    QCOMPARE(out.front(), std::string("statistic,a,b,delta,percent"));
    QCOMPARE(out.size(), c.rows().size() + 1);
    auto has = [&out](const std::string &line) {
        return std::find(out.begin(), out.end(), line) != out.end();
    };
    QVERIFY(has("duration_s,600,540,-60,-10"));
    QVERIFY(has("replica_hours,2,2.5,0.5,25"));
    QVERIFY(has("scale_up_latency_s,30,,,"));
    std::string kvLines;
    for (const std::string &line : out)
        kvLines += line.find("kv_cache_pct") != std::string::npos ? line + "; " : "";
    QVERIFY2(has("series.kv_cache_pct.min,0,1,1,"), kvLines.c_str());
    QVERIFY(has("samples,0,0,0,"));
}

QTEST_GUILESS_MAIN(TestCsvExport)
#include "tst_csv_export.moc"
