#include "core/analysis/experiment_analyzer.h"
#include "core/load/experiment_loader.h"
#include "core/model/metric_keys.h"
#include "core/report/summary_json.h"
#include "core/report/summary_text.h"

#include <QDir>
#include <QList>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>
#include <optional>
#include <vector>

using hpa::core::EventKind;
using hpa::core::Experiment;
using hpa::core::ExperimentAnalyzer;
using hpa::core::ExperimentLoader;
using hpa::core::ExperimentSummary;
using hpa::core::ScalingEvent;
using hpa::core::SeriesSummary;
using hpa::core::SummaryJson;
using hpa::core::SummaryText;
namespace keys = hpa::core::keys;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kStart = 1763647392.0; // 2025-11-20T14:03:12Z

bool near(double actual, double expected, double tolerance)
{
    return std::fabs(actual - expected) <= tolerance;
}

#define CHECK_NEAR(actual, expected, tolerance)                                                    \
    QVERIFY2(near((actual), (expected), (tolerance)),                                              \
             qPrintable(QStringLiteral("%1 is %2, expected %3")                                    \
                            .arg(QLatin1String(#actual))                                           \
                            .arg((actual), 0, 'g', 17)                                             \
                            .arg((expected), 0, 'g', 17)))

ScalingEvent makeEvent(double offset, EventKind kind, int from, int to)
{
    ScalingEvent e;
    e.time = kStart + offset;
    e.kind = kind;
    e.from = from;
    e.to = to;
    return e;
}

/// Six samples, worked out by hand in the tests below.
Experiment handMade()
{
    Experiment e;
    e.name = "hand-made";
    e.path = "/nowhere/hand-made";
    auto &m = e.metrics;
    for (double offset : {0.0, 10.0, 20.0, 30.0, 40.0, 100.0})
        m.time().push_back(kStart + offset);
    m.setSourceLines(std::vector<int>{2, 3, 4, 5, 6, 7});
    m.setColumn("replicas", "replicas", {1, 2, 2, 3, 3, 1});
    m.setColumn("num_requests_waiting", "waiting", {0, 5, 30, 10, kNaN, 2});
    m.setColumn("num_requests_waiting_target", "waiting_target", {4, 4, 4, 4, 4, 4});
    m.setColumn("kv_cache_pct", "kv_cache_pct", {10, 60, 40, 55, 70, 20});
    m.setColumn("kv_cache_target_pct", "kv_cache_target_pct", {50, 50, 50, 50, 50, 50});
    m.setColumn("ttft_ms", "ttft_ms", {0, 100, 0, 300, 200, 0});
    m.setColumn("itl_ms", "itl_ms", {0, 0, 0, 0, 0, 0});
    m.setColumn("request_rate_per_min", "request_rate_per_min", {0, 0, 0, 0, 0, 0});
    m.setColumn("active_jobs", "active_jobs", {2, 2, 2, 2, 2, 2});
    m.setColumn("gpu_util", "gpu_util", {1, 2, 3, 4, 5, 6});
    e.events = {
        makeEvent(5, EventKind::ScaleUp, 1, 2), makeEvent(12, EventKind::ReplicasChanged, 1, 2),
        makeEvent(25, EventKind::ScaleUp, 2, 3), makeEvent(31, EventKind::ReplicasChanged, 2, 3),
        makeEvent(90, EventKind::ScaleDown, 3, 1)};
    return e;
}

QString sharedExample(const char *name)
{
    return QStringLiteral(HPA_SHARED_DIR "/examples/") + QLatin1String(name);
}

std::optional<double> correlation(const ExperimentSummary &s, std::string_view a,
                                  std::string_view b)
{
    const auto &cols = s.correlationColumns;
    const auto i = std::find(cols.begin(), cols.end(), a) - cols.begin();
    const auto j = std::find(cols.begin(), cols.end(), b) - cols.begin();
    if (i >= std::ssize(cols) || j >= std::ssize(cols))
        qFatal("no correlation column");
    return s.correlation[std::size_t(i)][std::size_t(j)];
}

} // namespace

class TestExperimentAnalyzer : public QObject
{
    Q_OBJECT

private slots:
    void timeAndGaps();
    void replicas();
    void seriesStatistics();
    void latencyOverPositiveOnly();
    void requestRateCollected();
    void violations();
    void exceeded_data();
    void exceeded();
    void events();
    void abandonedScaleUp();
    void correlation();
    void summaryKeysOrder();
    void emptyExperiment();
    void jsonNullsAndOrder();
    void textNumbers_data();
    void textNumbers();
    void goldenEnhanced();
    void goldenLegacy();
};

void TestExperimentAnalyzer::timeAndGaps()
{
    const ExperimentSummary s = ExperimentAnalyzer::summarize(handMade());
    QCOMPARE(s.samples, std::size_t(6));
    QCOMPARE(s.start, std::string("2025-11-20T14:03:12Z"));
    QCOMPARE(s.end, std::string("2025-11-20T14:04:52Z"));
    QCOMPARE(s.durationSeconds, 100.0);
    // Intervals 10, 10, 10, 10, 60: median 10, and only 60 is over 3 x 10.
    QCOMPARE(s.medianIntervalSeconds, 10.0);
    QCOMPARE(s.gaps, std::size_t(1));
}

void TestExperimentAnalyzer::replicas()
{
    const ExperimentSummary s = ExperimentAnalyzer::summarize(handMade());
    QCOMPARE(s.replicasInitial, std::optional<int>(1));
    QCOMPARE(s.replicasFinal, std::optional<int>(1));
    QCOMPARE(s.replicasMin, std::optional<int>(1));
    QCOMPARE(s.replicasMax, std::optional<int>(3));
    // Each sample holds until the next: 1*10 + 2*10 + 2*10 + 3*10 + 3*60; the last adds nothing.
    QCOMPARE(s.replicaSeconds, 260.0);
}

void TestExperimentAnalyzer::seriesStatistics()
{
    const ExperimentSummary s = ExperimentAnalyzer::summarize(handMade());
    const SeriesSummary &w = s.series.at("waiting");
    // NaN is missing: 0, 5, 30, 10, 2 remain; sorted 0 2 5 10 30.
    QVERIFY(w.collected && w.hasStats);
    QCOMPARE(w.count, std::size_t(5));
    CHECK_NEAR(w.mean, 9.4, 1e-12);
    QCOMPARE(w.min, 0.0);
    QCOMPARE(w.max, 30.0);
    QCOMPARE(w.p50, 5.0);
    CHECK_NEAR(w.p90, 22.0, 1e-12); // position 3.6: 10 + 0.6 * 20
    CHECK_NEAR(w.p99, 29.2, 1e-12); // position 3.96

    const SeriesSummary &kv = s.series.at("kv_cache_pct"); // sorted 10 20 40 55 60 70
    QCOMPARE(kv.count, std::size_t(6));
    CHECK_NEAR(kv.mean, 42.5, 1e-12);
    CHECK_NEAR(kv.p50, 47.5, 1e-12);
    CHECK_NEAR(kv.p90, 65.0, 1e-12);
    CHECK_NEAR(kv.p99, 69.5, 1e-12);

    const SeriesSummary &r = s.series.at("replicas");
    CHECK_NEAR(r.mean, 2.0, 1e-12);
    QCOMPARE(r.p50, 2.0);

    const SeriesSummary &jobs = s.series.at("active_jobs");
    QVERIFY(jobs.collected);
    QCOMPARE(jobs.mean, 2.0);
}

void TestExperimentAnalyzer::latencyOverPositiveOnly()
{
    const ExperimentSummary s = ExperimentAnalyzer::summarize(handMade());
    const SeriesSummary &ttft = s.series.at("ttft_ms"); // 100, 300, 200 count; zeros are gaps
    QVERIFY(ttft.collected && ttft.hasStats);
    QCOMPARE(ttft.count, std::size_t(3));
    CHECK_NEAR(ttft.mean, 200.0, 1e-12);
    QCOMPARE(ttft.min, 100.0);
    QCOMPARE(ttft.max, 300.0);
    QCOMPARE(ttft.p50, 200.0);
    CHECK_NEAR(ttft.p90, 280.0, 1e-12);
    CHECK_NEAR(ttft.p99, 298.0, 1e-12);

    const SeriesSummary &itl = s.series.at("itl_ms");
    QVERIFY(!itl.collected);
    QVERIFY(!itl.hasStats);
    QVERIFY(ExperimentAnalyzer::positiveOnly(keys::TtftMs));
    QVERIFY(ExperimentAnalyzer::positiveOnly(keys::ItlMs));
    QVERIFY(!ExperimentAnalyzer::positiveOnly(keys::RequestRate));
    QVERIFY(!ExperimentAnalyzer::positiveOnly(keys::Waiting));
}

void TestExperimentAnalyzer::requestRateCollected()
{
    Experiment e = handMade();
    QVERIFY(!ExperimentAnalyzer::summarize(e).series.at("request_rate_per_min").collected);

    e.metrics.setColumn("request_rate_per_min", "request_rate_per_min", {0, 0, 3, 0, 0, 0});
    const SeriesSummary rate = ExperimentAnalyzer::summarize(e).series.at("request_rate_per_min");
    QVERIFY(rate.collected);
    // Unlike latencies, a rate of 0 is a measurement: the mean is over all six.
    QCOMPARE(rate.count, std::size_t(6));
    CHECK_NEAR(rate.mean, 0.5, 1e-12);
}

void TestExperimentAnalyzer::violations()
{
    const ExperimentSummary s = ExperimentAnalyzer::summarize(handMade());
    QCOMPARE(s.waitingTarget, std::optional<double>(4.0));
    QCOMPARE(s.kvCacheTargetPct, std::optional<double>(50.0));
    // waiting > 4: rows 1, 2, 3 (the NaN row is not a violation).
    QCOMPARE(s.waitingViolations.samples, std::size_t(3));
    CHECK_NEAR(s.waitingViolations.percent, 50.0, 1e-12);
    // kv > 50: rows 1, 3, 4.
    QCOMPARE(s.kvViolations.samples, std::size_t(3));
    CHECK_NEAR(s.kvViolations.percent, 50.0, 1e-12);
    // Either: rows 1, 2, 3, 4.
    QCOMPARE(s.anyViolations.samples, std::size_t(4));
    CHECK_NEAR(s.anyViolations.percent, 400.0 / 6.0, 1e-12);
}

void TestExperimentAnalyzer::exceeded_data()
{
    QTest::addColumn<QList<double>>("values");
    QTest::addColumn<QList<double>>("targets");
    QTest::addColumn<QList<bool>>("flags");

    QTest::newRow("strictly greater")
        << QList<double>{1, 2, 3} << QList<double>{2, 2, 2} << QList<bool>{false, false, true};
    QTest::newRow("NaN value") << QList<double>{kNaN, 5} << QList<double>{1, 1}
                               << QList<bool>{false, true};
    QTest::newRow("NaN target") << QList<double>{5, 5} << QList<double>{kNaN, 1}
                                << QList<bool>{false, true};
    QTest::newRow("per-row target")
        << QList<double>{5, 5} << QList<double>{4, 6} << QList<bool>{true, false};
    QTest::newRow("short targets")
        << QList<double>{5, 5, 5} << QList<double>{1} << QList<bool>{true, false, false};
    QTest::newRow("empty") << QList<double>{} << QList<double>{} << QList<bool>{};
}

void TestExperimentAnalyzer::exceeded()
{
    QFETCH(QList<double>, values);
    QFETCH(QList<double>, targets);
    QFETCH(QList<bool>, flags);
    const std::vector<bool> got = ExperimentAnalyzer::exceeded({values.begin(), values.end()},
                                                               {targets.begin(), targets.end()});
    QCOMPARE(got, std::vector<bool>(flags.begin(), flags.end()));
}

void TestExperimentAnalyzer::events()
{
    const ExperimentSummary s = ExperimentAnalyzer::summarize(handMade());
    QCOMPARE(s.eventsTotal, std::size_t(5));
    QCOMPARE(s.scaleUps, std::size_t(2));
    QCOMPARE(s.scaleDowns, std::size_t(1));
    QCOMPARE(s.replicaChanges, std::size_t(2));
    // Trigger to pods: 12 - 5 and 31 - 25.
    QVERIFY(s.meanScaleUpLatencySeconds.has_value());
    CHECK_NEAR(*s.meanScaleUpLatencySeconds, 6.5, 1e-9);
}

void TestExperimentAnalyzer::abandonedScaleUp()
{
    Experiment e = handMade();
    e.events = {makeEvent(5, EventKind::ScaleUp, 1, 3), makeEvent(8, EventKind::ScaleDown, 3, 1),
                makeEvent(12, EventKind::ReplicasChanged, 1, 3)};
    const ExperimentSummary s = ExperimentAnalyzer::summarize(e);
    QVERIFY(!s.meanScaleUpLatencySeconds.has_value());
    QCOMPARE(s.scaleDowns, std::size_t(1));

    // Pods that never reach the asked-for count do not count either.
    e.events = {makeEvent(5, EventKind::ScaleUp, 1, 4),
                makeEvent(12, EventKind::ReplicasChanged, 1, 3)};
    QVERIFY(!ExperimentAnalyzer::summarize(e).meanScaleUpLatencySeconds.has_value());
}

void TestExperimentAnalyzer::correlation()
{
    const ExperimentSummary s = ExperimentAnalyzer::summarize(handMade());
    QCOMPARE(s.correlationColumns,
             (std::vector<std::string>{"replicas", "waiting", "kv_cache_pct", "active_jobs"}));
    // Reference values from a separate Python computation (pairwise-complete rows).
    CHECK_NEAR(*::correlation(s, "replicas", "kv_cache_pct"), 0.8996760752397189, 1e-12);
    CHECK_NEAR(*::correlation(s, "replicas", "waiting"), 0.42911847142088516, 1e-12);
    CHECK_NEAR(*::correlation(s, "waiting", "kv_cache_pct"), 0.3340682240985638, 1e-12);
    QCOMPARE(::correlation(s, "kv_cache_pct", "replicas"),
             ::correlation(s, "replicas", "kv_cache_pct"));
    QCOMPARE(::correlation(s, "replicas", "replicas"), std::optional<double>(1.0));
    // A constant column correlates with nothing, itself included (pandas prints NaN).
    for (const char *other : {"replicas", "waiting", "kv_cache_pct", "active_jobs"}) {
        QVERIFY(!::correlation(s, "active_jobs", other).has_value());
        QVERIFY(!::correlation(s, other, "active_jobs").has_value());
    }
}

void TestExperimentAnalyzer::summaryKeysOrder()
{
    const std::vector<std::string> expected{"replicas",    "waiting", "kv_cache_pct",
                                            "ttft_ms",     "itl_ms",  "request_rate_per_min",
                                            "active_jobs", "gpu_util"};
    QCOMPARE(ExperimentAnalyzer::summaryKeys(handMade()), expected);
    QCOMPARE(ExperimentAnalyzer::summarize(handMade()).seriesOrder, expected);
}

void TestExperimentAnalyzer::emptyExperiment()
{
    Experiment e;
    e.metrics.addColumn("replicas", "replicas");
    const ExperimentSummary s = ExperimentAnalyzer::summarize(e);
    QCOMPARE(s.samples, std::size_t(0));
    QCOMPARE(s.gaps, std::size_t(0));
    QCOMPARE(s.medianIntervalSeconds, 0.0);
    QVERIFY(!s.replicasInitial.has_value());
    QVERIFY(!s.replicasMax.has_value());
    QVERIFY(!s.series.at("replicas").collected);
    QCOMPARE(s.waitingViolations.percent, 0.0);
    const auto json = SummaryJson::toJson(s);
    QVERIFY(json["start"].is_null());
    QVERIFY(json["replicas"]["initial"].is_null());
    QVERIFY(SummaryText::render(s).find("Initial Replicas:  N/A") != std::string::npos);
}

void TestExperimentAnalyzer::jsonNullsAndOrder()
{
    const auto json = SummaryJson::toJson(ExperimentAnalyzer::summarize(handMade()));
    QVERIFY(json["correlation"]["matrix"][3][3].is_null());
    QCOMPARE(json["correlation"]["matrix"][0][0].get<double>(), 1.0);
    // "collected": false and what is known; no statistics of zeros
    QCOMPARE(json["series"]["itl_ms"].size(), std::size_t(2));
    QCOMPARE(json["series"]["itl_ms"]["collected"].get<bool>(), false);
    QVERIFY(!json["series"]["itl_ms"].contains("count"));
    QCOMPARE(json["series"]["ttft_ms"]["count"].get<int>(), 3);
    QCOMPARE(json["events"]["total"].get<int>(), 5);
    QCOMPARE(json["gaps"].get<int>(), 1);
    std::vector<std::string> seriesKeys;
    for (const auto &item : json["series"].items())
        seriesKeys.push_back(item.key());
    QCOMPARE(seriesKeys, ExperimentAnalyzer::summaryKeys(handMade()));
    QVERIFY(SummaryJson::number(kNaN).is_null());
    QVERIFY(SummaryJson::number(std::numeric_limits<double>::infinity()).is_null());
}

void TestExperimentAnalyzer::textNumbers_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("number");
    QTest::newRow("integer") << 3.0 << "3";
    QTest::newRow("trailing zeros") << 12.50 << "12.5";
    QTest::newRow("rounded") << 4237.517241 << "4237.52";
    QTest::newRow("negative zero") << -0.001 << "0";
    QTest::newRow("NaN") << kNaN << "N/A";
}

void TestExperimentAnalyzer::textNumbers()
{
    QFETCH(double, value);
    QFETCH(QString, number);
    QCOMPARE(QString::fromStdString(SummaryText::number(value)), number);
    QCOMPARE(QString::fromStdString(SummaryText::duration(594)), QStringLiteral("9m 54s"));
    QCOMPARE(QString::fromStdString(SummaryText::duration(3723)), QStringLiteral("1h 02m 03s"));
    QCOMPARE(QString::fromStdString(SummaryText::duration(12)), QStringLiteral("12s"));
}

void TestExperimentAnalyzer::goldenEnhanced()
{
    const QString dir = sharedExample("high-load-hpa-20251124-155733");
    if (!QDir(dir).exists())
        QSKIP(qPrintable(QStringLiteral("shared example %1 not present").arg(dir)));
    const ExperimentSummary s =
        ExperimentAnalyzer::summarize(ExperimentLoader::load(dir.toStdString()));
    QCOMPARE(s.samples, std::size_t(29));
    QCOMPARE(s.layout, std::string("enhanced"));
    QCOMPARE(s.kvRule.unit, hpa::core::KvCacheUnit::Fraction);
    QCOMPARE(s.replicasInitial, std::optional<int>(1));
    QCOMPARE(s.replicasFinal, std::optional<int>(10));
    QCOMPARE(s.replicasMin, std::optional<int>(1));
    QCOMPARE(s.replicasMax, std::optional<int>(10));

    // Lines 26 and 27 read 60250, a leaked 60250m: read as 60.25 (pandas on the corrected
    // column: mean 86.5, p90 263, p99 471.36, max 510).
    const SeriesSummary &w = s.series.at("waiting");
    CHECK_NEAR(w.mean, 86.5, 1e-9);
    CHECK_NEAR(w.p90, 263.0, 1e-9);
    CHECK_NEAR(w.p99, 471.36, 1e-9);
    QCOMPARE(w.max, 510.0);
    QCOMPARE(s.waitingRule.count, std::size_t(2));
    const SeriesSummary &kv = s.series.at("kv_cache_pct");
    CHECK_NEAR(kv.mean, 40.0931, 1e-4);
    CHECK_NEAR(kv.p50, 21.9, 1e-9);
    CHECK_NEAR(kv.max, 99.9, 1e-9);

    QCOMPARE(s.waitingTarget, std::optional<double>(2.0));
    CHECK_NEAR(s.kvCacheTargetPct.value_or(kNaN), 50.0, 1e-9);
    QCOMPARE(s.waitingViolations.samples, std::size_t(13));
    CHECK_NEAR(s.waitingViolations.percent, 44.827586, 1e-6);
    QCOMPARE(s.kvViolations.samples, std::size_t(8));
    QCOMPARE(s.anyViolations.samples, std::size_t(13));

    QVERIFY(!s.series.at("ttft_ms").collected);
    QVERIFY(!s.series.at("itl_ms").collected);
    QVERIFY(!s.series.at("request_rate_per_min").collected);

    // On the corrected waiting column (Python statistics.correlation: 0.47823593259092495).
    CHECK_NEAR(::correlation(s, "replicas", "waiting").value_or(kNaN), 0.478236, 1e-6);
    CHECK_NEAR(::correlation(s, "replicas", "kv_cache_pct").value_or(kNaN), 0.434816, 1e-6);
    for (const char *other : {"replicas", "waiting", "kv_cache_pct", "active_jobs"})
        QVERIFY(!::correlation(s, "active_jobs", other).has_value());

    // scaling-events.log, counted by hand: SCALE UP x4, SCALE DOWN x3, REPLICAS CHANGED x8 of
    // which the first (0 -> 1) is the monitor's first look, not a change: 4 + 3 + 7.
    QCOMPARE(s.scaleUps, std::size_t(4));
    QCOMPARE(s.scaleDowns, std::size_t(3));
    QCOMPARE(s.replicaChanges, std::size_t(7));
    QCOMPARE(s.eventsTotal, std::size_t(14));
}

void TestExperimentAnalyzer::goldenLegacy()
{
    const QString dir = sharedExample("hpa-experiment-20251120-140312");
    if (!QDir(dir).exists())
        QSKIP(qPrintable(QStringLiteral("shared example %1 not present").arg(dir)));
    const ExperimentSummary s =
        ExperimentAnalyzer::summarize(ExperimentLoader::load(dir.toStdString()));
    QCOMPARE(s.samples, std::size_t(249));
    QCOMPARE(s.layout, std::string("legacy"));
    QCOMPARE(s.kvRule.unit, hpa::core::KvCacheUnit::Milli);
    QCOMPARE(s.medianIntervalSeconds, 7.0);

    const SeriesSummary &kv = s.series.at("kv_cache_pct");
    CHECK_NEAR(kv.mean, 33.493976, 1e-6);
    CHECK_NEAR(kv.p90, 51.92, 1e-9);
    CHECK_NEAR(kv.max, 56.9, 1e-9);
    CHECK_NEAR(s.series.at("replicas").mean, 2.144578, 1e-6);

    CHECK_NEAR(::correlation(s, "replicas", "kv_cache_pct").value_or(kNaN), 0.571175, 1e-6);
    CHECK_NEAR(::correlation(s, "replicas", "active_jobs").value_or(kNaN), 0.857807, 1e-6);
    CHECK_NEAR(::correlation(s, "kv_cache_pct", "active_jobs").value_or(kNaN), 0.798287, 1e-6);
    for (const char *other : {"replicas", "waiting", "kv_cache_pct", "active_jobs"})
        QVERIFY(!::correlation(s, "waiting", other).has_value()); // waiting is constant 0

    QCOMPARE(s.kvViolations.samples, std::size_t(31));
    QCOMPARE(s.waitingViolations.samples, std::size_t(0));
    QCOMPARE(s.eventsTotal, std::size_t(6));
    QCOMPARE(s.scaleUps, std::size_t(2));
    QCOMPARE(s.scaleDowns, std::size_t(2));
    QCOMPARE(s.replicaChanges, std::size_t(2));
}

QTEST_GUILESS_MAIN(TestExperimentAnalyzer)
#include "tst_experiment_analyzer.moc"
