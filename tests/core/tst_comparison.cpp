#include "core/analysis/comparison.h"
#include "core/analysis/experiment_analyzer.h"
#include "core/load/experiment_loader.h"
#include "core/report/comparison_json.h"
#include "core/report/comparison_text.h"
#include "core/report/summary_json.h"

#include <QDir>
#include <QTest>

#include <optional>
#include <string>

using namespace hpa::core;

Q_DECLARE_METATYPE(Direction)
Q_DECLARE_METATYPE(Verdict)

namespace {

SeriesSummary series(std::size_t count, double mean, double min, double max, double p50, double p90,
                     double p99)
{
    SeriesSummary s;
    s.collected = s.hasStats = true;
    s.count = count;
    s.mean = mean;
    s.min = min;
    s.max = max;
    s.p50 = p50;
    s.p90 = p90;
    s.p99 = p99;
    return s;
}

/// Run A: 10 minutes, 2 replica-hours, TTFT mean 200 ms, a gpu_util series only it has.
ExperimentSummary summaryA()
{
    ExperimentSummary s;
    s.name = "run-a";
    s.path = "/data/run-a";
    s.layout = "legacy";
    s.metadata.json = {{"experiment_name", "a"},
                       {"namespace", "ns"},
                       {"sample_interval_seconds", 5},
                       {"job_count", 3}};
    s.durationSeconds = 600;
    s.samples = 100;
    s.medianIntervalSeconds = 6;
    s.gaps = 2;
    s.kvRule.unit = KvCacheUnit::Milli;
    s.replicasInitial = 1;
    s.replicasFinal = 3;
    s.replicasMin = 1;
    s.replicasMax = 4;
    s.replicaSeconds = 7200;
    s.eventsTotal = 10;
    s.scaleUps = 4;
    s.scaleDowns = 2;
    s.replicaChanges = 4;
    s.meanScaleUpLatencySeconds = 30;
    s.seriesOrder = {"waiting", "kv_cache_pct", "ttft_ms", "gpu_util"};
    s.series["waiting"] = series(100, 5, 0, 40, 2, 12, 35);
    s.series["kv_cache_pct"] = series(100, 40, 0, 99, 38, 80, 97);
    s.series["ttft_ms"] = series(50, 200, 100, 900, 180, 400, 850);
    s.series["gpu_util"] = series(100, 70, 10, 100, 72, 95, 99);
    s.waitingTarget = 20;
    s.kvCacheTargetPct = 50;
    s.waitingViolations = {10, 10.0};
    s.kvViolations = {0, 0.0};
    s.anyViolations = {10, 10.0};
    return s;
}

/// Run B: shorter, costlier (2.5 replica-hours), faster TTFT, a `rate` series only it has.
ExperimentSummary summaryB()
{
    ExperimentSummary s;
    s.name = "run-b";
    s.path = "/data/run-b";
    s.layout = "enhanced";
    s.metadata.json = {{"experiment_name", "b"},
                       {"namespace", "ns"},
                       {"sample_interval_seconds", 5},
                       {"cooldown", 60}};
    s.durationSeconds = 540;
    s.samples = 90;
    s.medianIntervalSeconds = 6;
    s.gaps = 0;
    s.kvRule.unit = KvCacheUnit::Fraction;
    s.replicasInitial = 1;
    s.replicasFinal = 2;
    s.replicasMin = 1;
    s.replicasMax = 6;
    s.replicaSeconds = 9000;
    s.eventsTotal = 7;
    s.scaleUps = 3;
    s.scaleDowns = 1;
    s.replicaChanges = 3;
    s.seriesOrder = {"waiting", "kv_cache_pct", "ttft_ms", "rate"};
    s.series["waiting"] = series(90, 6, 0, 50, 2, 15, 45);
    s.series["kv_cache_pct"] = series(90, 45, 1, 100, 40, 85, 99);
    s.series["ttft_ms"] = series(45, 150, 90, 1000, 140, 300, 900);
    s.series["rate"] = series(90, 30, 0, 60, 28, 50, 58);
    s.waitingTarget = 20;
    s.kvCacheTargetPct = 40;
    s.waitingViolations = {9, 10.0};
    s.kvViolations = {3, 10.0 / 3.0};
    s.anyViolations = {12, 40.0 / 3.0};
    return s;
}

std::optional<double> none()
{
    return std::nullopt;
}

} // namespace

class TestComparison : public QObject
{
    Q_OBJECT

private slots:
    void rows_data();
    void rows();
    void seriesUnion();
    void verdict_data();
    void verdict();
    void metadataDifferences();
    void json();
    void jsonMissingReplicas();
    void notCollectedIsOneRow_data();
    void notCollectedIsOneRow();
    void text();
    void sharedExamples();
};

void TestComparison::rows_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<std::optional<double>>("a");
    QTest::addColumn<std::optional<double>>("b");
    QTest::addColumn<std::optional<double>>("delta");
    QTest::addColumn<std::optional<double>>("percent");
    QTest::addColumn<Direction>("better");
    QTest::addColumn<Verdict>("verdict");

    const auto o = [](double v) {
        return std::optional(v);
    };
    QTest::newRow("duration") << "duration_s" << o(600) << o(540) << o(-60) << o(-10)
                              << Direction::Neutral << Verdict::Unknown;
    QTest::newRow("samples") << "samples" << o(100) << o(90) << o(-10) << o(-10)
                             << Direction::Neutral << Verdict::Unknown;
    QTest::newRow("median interval same") << "median_interval_s" << o(6) << o(6) << o(0) << o(0)
                                          << Direction::Neutral << Verdict::Same;
    QTest::newRow("gaps") << "gaps" << o(2) << o(0) << o(-2) << o(-100) << Direction::LowerIsBetter
                          << Verdict::Better;
    QTest::newRow("replicas max") << "replicas.max" << o(4) << o(6) << o(2) << o(50)
                                  << Direction::Neutral << Verdict::Unknown;
    QTest::newRow("replica-hours") << "replica_hours" << o(2) << o(2.5) << o(0.5) << o(25)
                                   << Direction::LowerIsBetter << Verdict::Worse;
    QTest::newRow("scale-up latency only in A")
        << "scale_up_latency_s" << o(30) << none() << none() << none() << Direction::LowerIsBetter
        << Verdict::Unknown;
    QTest::newRow("events total") << "events.total" << o(10) << o(7) << o(-3) << o(-30)
                                  << Direction::Neutral << Verdict::Unknown;
    QTest::newRow("ttft mean") << "series.ttft_ms.mean" << o(200) << o(150) << o(-50) << o(-25)
                               << Direction::LowerIsBetter << Verdict::Better;
    QTest::newRow("ttft max") << "series.ttft_ms.max" << o(900) << o(1000) << o(100)
                              << o(100.0 / 9.0) << Direction::LowerIsBetter << Verdict::Worse;
    QTest::newRow("ttft count neutral") << "series.ttft_ms.count" << o(50) << o(45) << o(-5)
                                        << o(-10) << Direction::Neutral << Verdict::Unknown;
    QTest::newRow("waiting p90") << "series.waiting.p90" << o(12) << o(15) << o(3) << o(25)
                                 << Direction::LowerIsBetter << Verdict::Worse;
    QTest::newRow("waiting p50 same") << "series.waiting.p50" << o(2) << o(2) << o(0) << o(0)
                                      << Direction::LowerIsBetter << Verdict::Same;
    QTest::newRow("kv neutral") << "series.kv_cache_pct.mean" << o(40) << o(45) << o(5) << o(12.5)
                                << Direction::Neutral << Verdict::Unknown;
    QTest::newRow("kv min from zero") << "series.kv_cache_pct.min" << o(0) << o(1) << o(1) << none()
                                      << Direction::Neutral << Verdict::Unknown;
    QTest::newRow("gpu_util only in A") << "series.gpu_util.p50" << o(72) << none() << none()
                                        << none() << Direction::Neutral << Verdict::Unknown;
    QTest::newRow("rate only in B") << "series.rate.mean" << none() << o(30) << none() << none()
                                    << Direction::Neutral << Verdict::Unknown;
    QTest::newRow("kv target") << "targets.kv_cache_pct" << o(50) << o(40) << o(-10) << o(-20)
                               << Direction::Neutral << Verdict::Unknown;
    // One fewer sample over the target but the same share of the run (B has fewer samples):
    // graded by its share, like the % row (issue 11: the two rows must not disagree).
    QTest::newRow("waiting violations") << "violations.waiting.samples" << o(10) << o(9) << o(-1)
                                        << o(-10) << Direction::LowerIsBetter << Verdict::Same;
    QTest::newRow("waiting violations % same")
        << "violations.waiting.percent" << o(10) << o(10) << o(0) << o(0)
        << Direction::LowerIsBetter << Verdict::Same;
    QTest::newRow("kv violations from zero")
        << "violations.kv_cache.percent" << o(0) << o(10.0 / 3.0) << o(10.0 / 3.0) << none()
        << Direction::LowerIsBetter << Verdict::Worse;
    QTest::newRow("any violations") << "violations.any.samples" << o(10) << o(12) << o(2) << o(20)
                                    << Direction::LowerIsBetter << Verdict::Worse;
}

void TestComparison::rows()
{
    QFETCH(QString, key);
    QFETCH(std::optional<double>, a);
    QFETCH(std::optional<double>, b);
    QFETCH(std::optional<double>, delta);
    QFETCH(std::optional<double>, percent);
    QFETCH(Direction, better);
    QFETCH(Verdict, verdict);

    const ExperimentComparison c(summaryA(), summaryB());
    const ComparisonRow *row = c.row(key.toStdString());
    QVERIFY2(row, qPrintable(key));
    QCOMPARE(row->a, a);
    QCOMPARE(row->b, b);
    QCOMPARE(row->delta.has_value(), delta.has_value());
    if (delta)
        QCOMPARE(*row->delta, *delta);
    QCOMPARE(row->percent.has_value(), percent.has_value());
    if (percent)
        QCOMPARE(*row->percent, *percent);
    QCOMPARE(row->better, better);
    QCOMPARE(row->verdict, verdict);
}

void TestComparison::seriesUnion()
{
    const ExperimentComparison c(summaryA(), summaryB());
    std::vector<std::string> groups;
    for (const ComparisonRow &r : c.rows()) {
        if (r.key.rfind("series.", 0) == 0 && r.key.size() > 6 &&
            r.key.compare(r.key.size() - 6, 6, ".count") == 0)
            groups.push_back(r.key);
    }
    // A's series in A's order, then the one only B has.
    const std::vector<std::string> expected{"series.waiting.count", "series.kv_cache_pct.count",
                                            "series.ttft_ms.count", "series.gpu_util.count",
                                            "series.rate.count"};
    QCOMPARE(groups, expected);
    QCOMPARE(c.row("series.ttft_ms.p99")->group, std::string("TTFT (ms)"));
    QVERIFY(!c.row("series.nothing.mean"));
}

void TestComparison::verdict_data()
{
    QTest::addColumn<double>("a");
    QTest::addColumn<double>("b");
    QTest::addColumn<Direction>("better");
    QTest::addColumn<Verdict>("expected");

    QTest::newRow("lower: down") << 10.0 << 8.0 << Direction::LowerIsBetter << Verdict::Better;
    QTest::newRow("lower: up") << 10.0 << 12.0 << Direction::LowerIsBetter << Verdict::Worse;
    QTest::newRow("higher: up") << 10.0 << 12.0 << Direction::HigherIsBetter << Verdict::Better;
    QTest::newRow("higher: down") << 10.0 << 8.0 << Direction::HigherIsBetter << Verdict::Worse;
    QTest::newRow("neutral: change") << 10.0 << 8.0 << Direction::Neutral << Verdict::Unknown;
    QTest::newRow("neutral: equal") << 10.0 << 10.0 << Direction::Neutral << Verdict::Same;
    QTest::newRow("rounding noise")
        << 0.1 + 0.2 << 0.3 << Direction::LowerIsBetter << Verdict::Same;
    QTest::newRow("small real change")
        << 1.0 << 1.000001 << Direction::LowerIsBetter << Verdict::Worse;
    QTest::newRow("both zero") << 0.0 << 0.0 << Direction::LowerIsBetter << Verdict::Same;
    QTest::newRow("from zero") << 0.0 << 1e-12 << Direction::LowerIsBetter << Verdict::Worse;
}

void TestComparison::verdict()
{
    QFETCH(double, a);
    QFETCH(double, b);
    QFETCH(Direction, better);
    QFETCH(Verdict, expected);
    QCOMPARE(ExperimentComparison::verdict(a, b, better), expected);
    QCOMPARE(ExperimentComparison::verdict(a, std::nullopt, better), Verdict::Unknown);
    QCOMPARE(ExperimentComparison::verdict(std::nullopt, b, better), Verdict::Unknown);
}

void TestComparison::metadataDifferences()
{
    const ExperimentComparison c(summaryA(), summaryB());
    using D = MetadataDifference;
    const std::vector<D> expected{
        {"experiment_name", "a", "b"},       {"job_count", "3", std::nullopt},
        {"cooldown", std::nullopt, "60"},    {"layout", "legacy", "enhanced"},
        {"kv_cache_target_pct", "50", "40"}, {"kv_cache_unit", "milli", "fraction"},
    };
    const auto &got = c.metadataDifferences();
    QCOMPARE(got.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        QCOMPARE(got[i].key, expected[i].key);
        QCOMPARE(got[i].a, expected[i].a);
        QCOMPARE(got[i].b, expected[i].b);
    }

    const ExperimentComparison same(summaryA(), summaryA());
    QVERIFY(same.metadataDifferences().empty());
}

void TestComparison::json()
{
    const ExperimentSummary a = summaryA();
    const ExperimentSummary b = summaryB();
    const nlohmann::ordered_json j = ComparisonJson::toJson(ExperimentComparison(a, b));
    QVERIFY(j["a"] == SummaryJson::toJson(a));
    QVERIFY(j["b"] == SummaryJson::toJson(b));
    const auto &d = j["delta"];
    QCOMPARE(d["duration_s"].get<double>(), -60.0);
    QVERIFY(d["samples"].is_number_integer());
    QCOMPARE(d["samples"].get<long long>(), -10LL);
    QCOMPARE(d["replicas"]["initial"].get<long long>(), 0LL);
    QCOMPARE(d["replicas"]["final"].get<long long>(), -1LL);
    QCOMPARE(d["replicas"]["min"].get<long long>(), 0LL);
    QCOMPARE(d["replicas"]["max"].get<long long>(), 2LL);
    QCOMPARE(d["events"]["total"].get<long long>(), -3LL);
    QCOMPARE(d["events"]["scale_up"].get<long long>(), -1LL);
    QCOMPARE(d["events"]["scale_down"].get<long long>(), -1LL);
    QCOMPARE(d["events"]["replicas_changed"].get<long long>(), -1LL);
    // Only series both runs have.
    std::vector<std::string> seriesKeys;
    for (const auto &[key, value] : d["series"].items())
        seriesKeys.push_back(key);
    QCOMPARE(seriesKeys, (std::vector<std::string>{"waiting", "kv_cache_pct", "ttft_ms"}));
    QCOMPARE(d["series"]["ttft_ms"]["count"].get<long long>(), -5LL);
    QCOMPARE(d["series"]["ttft_ms"]["mean"].get<double>(), -50.0);
    QCOMPARE(d["series"]["ttft_ms"]["p99"].get<double>(), 50.0);
    QCOMPARE(d["series"]["kv_cache_pct"]["min"].get<double>(), 1.0);
    QCOMPARE(d["violations"]["waiting"]["samples"].get<long long>(), -1LL);
    QCOMPARE(d["violations"]["waiting"]["percent"].get<double>(), 0.0);
    QCOMPARE(d["violations"]["kv_cache"]["samples"].get<long long>(), 3LL);
    // 40/3 - 10 = 3.33333333333333393 as computed; JSON numbers keep 10 significant digits.
    QCOMPARE(d["violations"]["any"]["percent"].get<double>(), 3.333333333);
    // duration_s, samples, replicas, events, series, violations, autoscaling
    QCOMPARE(d.size(), std::size_t(7));
}

void TestComparison::jsonMissingReplicas()
{
    ExperimentSummary a = summaryA();
    ExperimentSummary b = summaryB();
    b.replicasFinal.reset();
    a.series["ttft_ms"] = SeriesSummary{}; // not collected in A
    b.durationSeconds = std::numeric_limits<double>::infinity();
    const nlohmann::ordered_json d = ComparisonJson::toJson(ExperimentComparison(a, b))["delta"];
    QVERIFY(d["replicas"]["final"].is_null());
    QCOMPARE(d["replicas"]["max"].get<long long>(), 2LL);
    // Nothing to subtract: one note instead of a null per statistic.
    QCOMPARE(d["series"]["ttft_ms"]["collected"].get<bool>(), false);
    QCOMPARE(d["series"]["ttft_ms"]["note"].get<std::string>(), std::string("not collected in A"));
    QVERIFY(!d["series"]["ttft_ms"].contains("mean"));
    QVERIFY(d["duration_s"].is_null());
}

void TestComparison::notCollectedIsOneRow_data()
{
    QTest::addColumn<bool>("inA");
    QTest::addColumn<bool>("inB");
    QTest::addColumn<QString>("note");
    QTest::newRow("A") << false << true << "not collected in A";
    QTest::newRow("B") << true << false << "not collected in B";
    QTest::newRow("both") << false << false << "not collected in A and B";
}

void TestComparison::notCollectedIsOneRow()
{
    QFETCH(bool, inA);
    QFETCH(bool, inB);
    QFETCH(QString, note);
    ExperimentSummary a = summaryA();
    ExperimentSummary b = summaryB();
    if (!inA)
        a.series["ttft_ms"] = SeriesSummary{};
    if (!inB)
        b.series["ttft_ms"] = SeriesSummary{};
    const ExperimentComparison c(a, b);
    std::vector<const ComparisonRow *> ttft;
    for (const ComparisonRow &r : c.rows()) {
        if (r.key.starts_with("series.ttft_ms"))
            ttft.push_back(&r);
    }
    // One row saying so, not seven rows of "—".
    QCOMPARE(ttft.size(), std::size_t(1));
    QCOMPARE(ttft[0]->key, std::string("series.ttft_ms"));
    QCOMPARE(QString::fromStdString(ttft[0]->notCollected), note);
    QCOMPARE(QString::fromStdString(ttft[0]->label), note);
    QVERIFY(!ttft[0]->a && !ttft[0]->b);
    // The other series keep their rows.
    QVERIFY(c.row("series.waiting.p99"));
    const std::string text = ComparisonText::render(c);
    QVERIFY(text.find("  " + note.toStdString() + "\n") != std::string::npos);
}

void TestComparison::text()
{
    const std::string out = ComparisonText::render(ExperimentComparison(summaryA(), summaryB()));
    auto line = [&out](std::string_view start) {
        const std::size_t at = out.find(std::string("\n") + std::string(start));
        if (at == std::string::npos)
            return std::string();
        const std::size_t end = out.find('\n', at + 1);
        return out.substr(at + 1, end - at - 1);
    };
    const std::string hours = line("  Replica-hours");
    QVERIFY2(!hours.empty(), out.c_str());
    QCOMPARE(QString::fromStdString(hours).simplified(),
             QStringLiteral("Replica-hours 2 2.5 +0.5 +25% worse (per hour of run: B ran 10 % "
                            "shorter than A)"));
    // The first series section is waiting requests: its mean went up, which is worse.
    const std::size_t waiting = out.find("\nWaiting requests\n");
    QVERIFY(waiting != std::string::npos);
    const std::size_t mean = out.find("\n  mean", waiting);
    const std::string meanLine = out.substr(mean + 1, out.find('\n', mean + 1) - mean - 1);
    QCOMPARE(QString::fromStdString(meanLine).simplified(),
             QStringLiteral("mean 5 6 +1 +20% worse"));
    // Neutral changes get no marker; a missing side shows N/A and no delta.
    QCOMPARE(QString::fromStdString(line("  Duration (s)")).simplified(),
             QStringLiteral("Duration (s) 600 540 -60 -10%"));
    QCOMPARE(QString::fromStdString(line("  Mean scale-up latency (s)")).simplified(),
             QStringLiteral("Mean scale-up latency (s) ±6 s 30 N/A"));
    QVERIFY(out.find("Metadata that differs\n") != std::string::npos);
    QVERIFY(out.find("\njob_count\n  A: 3\n  B: (not set)\n") != std::string::npos);
}

void TestComparison::sharedExamples()
{
    const QString shared = QStringLiteral(HPA_SHARED_DIR "/examples");
    const QString legacy = shared + "/hpa-experiment-20251120-140312";
    const QString enhanced = shared + "/high-load-hpa-20251124-155733";
    if (!QDir(legacy).exists() || !QDir(enhanced).exists())
        QSKIP("shared example experiments not found under " HPA_SHARED_DIR "/examples");
    const Experiment ea = ExperimentLoader::load(legacy.toStdString());
    const Experiment eb = ExperimentLoader::load(enhanced.toStdString());
    const ExperimentSummary sa = ExperimentAnalyzer::summarize(ea);
    const ExperimentSummary sb = ExperimentAnalyzer::summarize(eb);
    const ExperimentComparison c = ExperimentComparison::compare(ea, eb);

    QCOMPARE(*c.row("duration_s")->delta, sb.durationSeconds - sa.durationSeconds);
    QCOMPARE(*c.row("samples")->delta, double(sb.samples) - double(sa.samples));
    QCOMPARE(*c.row("replicas.max")->delta, double(*sb.replicasMax - *sa.replicasMax));
    QCOMPARE(*c.row("replica_hours")->delta, (sb.replicaSeconds - sa.replicaSeconds) / 3600.0);
    QCOMPARE(*c.row("series.waiting.p90")->delta,
             sb.series.at("waiting").p90 - sa.series.at("waiting").p90);
    QCOMPARE(*c.row("violations.any.percent")->delta,
             sb.anyViolations.percent - sa.anyViolations.percent);
    // The older layout has no TTFT; the newer one did not collect it: one row says so.
    QVERIFY(!c.row("series.ttft_ms.mean"));
    QCOMPARE(c.row("series.ttft_ms")->notCollected, std::string("not collected in B"));
    // The newer monitor's job query never matched: all 29 active_jobs are 0.
    QCOMPARE(c.row("series.active_jobs")->notCollected, std::string("not collected in B"));
    QVERIFY(!sb.series.at("active_jobs").collected);
    QCOMPARE(sb.series.at("active_jobs").notCollectedText,
             std::string("all 29 values are 0: not collected"));
    // completed_jobs exists only in the older layout.
    QVERIFY(c.row("series.completed_jobs.max")->a);
    QVERIFY(!c.row("series.completed_jobs.max")->b);

    bool sawLayout = false, sawUnit = false, sawName = false;
    for (const MetadataDifference &d : c.metadataDifferences()) {
        sawLayout |= d.key == "layout" && d.a == "legacy" && d.b == "enhanced";
        sawUnit |= d.key == "kv_cache_unit" && d.a == "milli" && d.b == "fraction";
        // Only the older run has metadata.json.
        sawName |= d.key == "experiment_name" && d.a && !d.b;
    }
    QVERIFY(sawLayout);
    QVERIFY(sawUnit);
    QVERIFY(sawName);
}

QTEST_GUILESS_MAIN(TestComparison)
#include "tst_comparison.moc"
