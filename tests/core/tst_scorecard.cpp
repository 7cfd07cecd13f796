#include "core/analysis/demand_model.h"
#include "core/analysis/hpa_limits.h"
#include "core/analysis/scorecard_calculator.h"
#include "core/load/experiment_loader.h"
#include "core/model/metric_keys.h"

#include <QDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <map>

using namespace hpa::core;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
using Column = std::vector<double>;

/// A hand-made table; an empty column is left out.
struct Fixture
{
    Column time, replicas, desired, waiting, waitingTarget, kvPct, kvTargetPct, ttft, itl;
    HpaLimits limits;
    ScorecardSettings settings;

    MetricsTable table() const
    {
        MetricsTable m;
        m.time() = time;
        const auto add = [&m](std::string_view key, const Column &c) {
            if (!c.empty())
                m.setColumn(std::string(key), std::string(key), c);
        };
        add(keys::Replicas, replicas);
        add(keys::DesiredReplicas, desired);
        add(keys::Waiting, waiting);
        add(keys::WaitingTarget, waitingTarget);
        add(keys::KvCachePct, kvPct);
        add(keys::KvCacheTargetPct, kvTargetPct);
        add(keys::TtftMs, ttft);
        add(keys::ItlMs, itl);
        return m;
    }
    Scorecard scorecard() const { return ScorecardCalculator::compute(table(), limits, settings); }
};

Column same(std::size_t n, double v)
{
    return Column(n, v);
}

/// The fixtures, each worked out by hand in the comments of kpis_data().
Fixture fixture(const QString &name)
{
    Fixture f;
    if (name == "basic" || name == "basic reachable") {
        f.time = {0, 10, 20, 30, 40};
        f.replicas = {1, 1, 2, 2, 2};
        f.desired = {1, 2, 2, 2, 2};
        f.waiting = {0, 4, 4, 1, 0};
        f.waitingTarget = same(5, 2);
        if (name == "basic reachable") {
            f.limits.maxReplicas = 3;
            f.settings.demand = DemandVariant::HpaReachable;
        }
    } else if (name == "gap") {
        f.time = {0, 10, 20, 100, 110};
        f.replicas = {2, 2, 2, 3, 3};
        f.desired = {2, 2, 2, 3, 3};
        f.waiting = {2, 2, 2, 6, 2};
        f.waitingTarget = same(5, 2);
        f.ttft = {500, 1500, 800, 2000, 0};
        f.itl = same(5, 0);
    } else if (name == "missing metric") {
        f.time = {0, 10, 20, 30};
        f.replicas = same(4, 2);
        f.desired = {4, 4, 4, 2};
        f.waiting = {4, kNaN, kNaN, 0};
        f.waitingTarget = same(4, 2);
        f.kvPct = {kNaN, 60, kNaN, 10};
        f.kvTargetPct = same(4, 50);
    } else if (name == "n=0 start") {
        f.time = {0, 15, 30, 45};
        f.replicas = {0, 1, 1, 1};
        f.desired = {1, 2, 1, 1};
        f.waiting = {3, 3, 0, 0};
        f.waitingTarget = same(4, 2);
        f.limits.minReplicas = 2;
    } else if (name == "censored") {
        f.time = {0, 10, 20, 30};
        f.replicas = {1, 1, 1, 2};
        f.desired = {1, 1, 2, 2};
        f.waiting = {0, 4, 4, 4};
        f.waitingTarget = same(4, 2);
    } else if (name == "no scaling") {
        f.time = {0, 20, 40, 60, 80};
        f.replicas = same(5, 3);
        f.desired = same(5, 3);
        f.waiting = same(5, 1);
        f.waitingTarget = same(5, 2);
    } else if (name == "reversals") {
        f.time = {0, 30, 60, 200, 230, 350};
        f.replicas = {2, 3, 2, 3, 2, 3};
        f.waiting = same(6, 0);
        f.waitingTarget = same(6, 2);
    } else if (name == "onset 60" || name == "onset 0") {
        f.time = {0, 30, 60, 90, 120};
        f.replicas = {1, 1, 3, 3, 3};
        f.waiting = {2, 4, 4, 4, 2};
        f.waitingTarget = same(5, 2);
        f.settings.onsetDelaySeconds = name == "onset 60" ? 60 : 0;
    } else if (name == "target zero") {
        // A target <= 0 drops the metric at that sample: all metrics gone = unknown demand.
        f.time = {0, 10, 20};
        f.replicas = same(3, 1);
        f.waiting = {4, 4, 4};
        f.waitingTarget = {2, 0, 2};
    }
    return f;
}

double orNaN(std::optional<double> v)
{
    return v ? *v : kNaN;
}

/// The KPI named as in the JSON (episodes as "episodes.N.field").
double kpi(const Scorecard &s, const QString &name)
{
    if (name.startsWith("episodes.")) {
        const QStringList parts = name.split('.');
        if (parts[1] == "count")
            return double(s.episodes.size());
        const ScalingEpisode &e = s.episodes.at(parts[1].toUInt());
        const QString field = parts[2];
        if (field == "breach_s")
            return e.breachS;
        if (field == "decision_s")
            return orNaN(e.decisionS);
        if (field == "caught_up_s")
            return orNaN(e.caughtUpS);
        if (field == "relief_s")
            return orNaN(e.reliefS);
        if (field == "reaction_s")
            return orNaN(e.reactionS());
        if (field == "catch_up_s")
            return orNaN(e.catchUpS());
        if (field == "time_to_relief_s")
            return orNaN(e.timeToReliefS());
    }
    const std::map<QString, std::function<double()>> kpis{
        {"covered_s",
         [&] {
             return s.coveredS;
         }},
        {"uncovered_s",
         [&] {
             return s.uncoveredS;
         }},
        {"resolution_s",
         [&] {
             return s.resolutionS;
         }},
        {"gap_threshold_s",
         [&] {
             return s.gapThresholdS;
         }},
        {"replica_seconds",
         [&] {
             return s.replicaSeconds;
         }},
        {"replica_hours",
         [&] {
             return s.replicaHours();
         }},
        {"mean_replicas",
         [&] {
             return orNaN(s.meanReplicas);
         }},
        {"wasted_replica_seconds",
         [&] {
             return s.wastedReplicaSeconds;
         }},
        {"missing_replica_seconds",
         [&] {
             return s.missingReplicaSeconds;
         }},
        {"under_accuracy_pct",
         [&] {
             return orNaN(s.underAccuracyPct);
         }},
        {"over_accuracy_pct",
         [&] {
             return orNaN(s.overAccuracyPct);
         }},
        {"under_timeshare_pct",
         [&] {
             return orNaN(s.underTimesharePct);
         }},
        {"over_timeshare_pct",
         [&] {
             return orNaN(s.overTimesharePct);
         }},
        {"instability_pct",
         [&] {
             return orNaN(s.instabilityPct);
         }},
        {"jitter_per_min",
         [&] {
             return orNaN(s.jitterPerMin);
         }},
        {"reversals",
         [&] {
             return double(s.reversals);
         }},
        {"reaction_s_median",
         [&] {
             return orNaN(s.reactionMedianS);
         }},
        {"time_to_relief_s_median",
         [&] {
             return orNaN(s.timeToReliefMedianS);
         }},
        {"censored",
         [&] {
             return double(s.censored);
         }},
        {"slo.ttft_ms.collected",
         [&] {
             return double(s.ttft.collected);
         }},
        {"slo.ttft_ms.attainment_pct",
         [&] {
             return orNaN(s.ttft.attainmentPct);
         }},
        {"slo.itl_ms.collected",
         [&] {
             return double(s.itl.collected);
         }},
    };
    const auto it = kpis.find(name);
    if (it == kpis.end())
        qFatal("unknown KPI %s", qPrintable(name));
    return it->second();
}

void compareKpi(double actual, double expected)
{
    if (std::isnan(expected)) {
        QVERIFY2(std::isnan(actual), qPrintable(QString("expected null, got %1").arg(actual)));
        return;
    }
    QVERIFY2(std::abs(actual - expected) <= 1e-9 * std::max(1.0, std::abs(expected)),
             qPrintable(QString("got %1, expected %2").arg(actual, 0, 'g', 17).arg(expected)));
}

} // namespace

class TestScorecard : public QObject
{
    Q_OBJECT

private slots:
    void kpis_data();
    void kpis();
    void sharedHighLoadExample_data();
    void sharedHighLoadExample();
    void demandSeriesMatchesThePass();
    void hpaLimitsFromDescribeText();
    void emptyTableJudgesNothing();
};

void TestScorecard::kpis_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QString>("kpi");
    QTest::addColumn<double>("expected");
    const auto row = [](const char *f, const char *k, double v) {
        QTest::addRow("%s: %s", f, k) << QString(f) << QString(k) << v;
    };

    // basic: t 0..40 step 10, s 1,1,2,2,2, waiting 0,4,4,1,0 / 2. d = 1,2,4,1,(1). T = 40.
    row("basic", "resolution_s", 10);
    row("basic", "gap_threshold_s", 60);
    row("basic", "covered_s", 40);
    row("basic", "uncovered_s", 0);
    row("basic", "replica_seconds", 60); // (1+1+2+2) x 10
    row("basic", "replica_hours", 60.0 / 3600);
    row("basic", "mean_replicas", 1.5);
    row("basic", "missing_replica_seconds", 30); // (1 + 2) x 10
    row("basic", "wasted_replica_seconds", 10);  // 1 x 10
    row("basic", "under_accuracy_pct", 25);      // 100/40 (1/2 + 2/4) 10
    row("basic", "over_accuracy_pct", 25);       // 100/40 (1/1) 10
    row("basic", "under_timeshare_pct", 50);
    row("basic", "over_timeshare_pct", 25);
    // changes at i = 1, 2, 3: (ds, dd) = (0, +1) (+1, +2) (0, -3): two of three disagree.
    row("basic", "instability_pct", 200.0 / 3);
    row("basic", "jitter_per_min", -7.5); // (1 - 6) / (40/60)
    row("basic", "reversals", 0);
    row("basic", "episodes.count", 1);
    row("basic", "episodes.0.breach_s", 10);
    row("basic", "episodes.0.decision_s", 10);
    row("basic", "episodes.0.caught_up_s", 20);
    row("basic", "episodes.0.relief_s", 30);
    row("basic", "episodes.0.reaction_s", 0);
    row("basic", "episodes.0.catch_up_s", 10);
    row("basic", "episodes.0.time_to_relief_s", 20);
    row("basic", "reaction_s_median", 0);
    row("basic", "time_to_relief_s_median", 20);
    row("basic", "censored", 0);
    row("basic", "slo.ttft_ms.collected", 0);

    // The same capped at maxReplicas 3: d = 1,2,3,1.
    row("basic reachable", "missing_replica_seconds", 20);
    row("basic reachable", "under_accuracy_pct", 100.0 / 40 * (5 + 10.0 / 3));
    row("basic reachable", "over_accuracy_pct", 25);
    row("basic reachable", "jitter_per_min", -4.5); // (1 - 4) / (40/60)

    // gap: an 80 s interval > G = 60 s is left out; d = 2,2,2,9,3; covered i = 0, 1, 3.
    row("gap", "covered_s", 30);
    row("gap", "uncovered_s", 80);
    row("gap", "replica_seconds", 70);
    row("gap", "mean_replicas", 70.0 / 30);
    row("gap", "missing_replica_seconds", 60);
    row("gap", "under_accuracy_pct", 100.0 / 30 * (6.0 / 9 * 10));
    row("gap", "under_timeshare_pct", 100.0 / 3);
    row("gap", "over_timeshare_pct", 0);
    row("gap", "instability_pct", 0); // only i = 1 has both neighbours covered: no change
    row("gap", "jitter_per_min", 0);
    // ttft 500, 1500, 800 (uncovered), 2000; limit 1000: 10 s of 30 s met.
    row("gap", "slo.ttft_ms.collected", 1);
    row("gap", "slo.ttft_ms.attainment_pct", 100.0 / 3);
    row("gap", "slo.itl_ms.collected", 0); // all zeros
    // breach at 100 s (ratio 3), desired never above replicas, relief at 110 s.
    row("gap", "episodes.count", 1);
    row("gap", "episodes.0.breach_s", 100);
    row("gap", "episodes.0.decision_s", kNaN);
    row("gap", "episodes.0.relief_s", 110);
    row("gap", "episodes.0.reaction_s", kNaN);
    row("gap", "episodes.0.time_to_relief_s", 10);
    row("gap", "censored", 1);
    row("gap", "reaction_s_median", kNaN);
    row("gap", "time_to_relief_s_median", 10);

    // missing metric: waiting only at 0, KV only at 10, neither at 20 (unknown: uncovered).
    // d = 4 (2 x 4/2), 3 (ceil(2 x 1.2)), ?, 1.
    row("missing metric", "covered_s", 20);
    row("missing metric", "uncovered_s", 10);
    row("missing metric", "missing_replica_seconds", 30);
    row("missing metric", "under_accuracy_pct", 5 * (5 + 10.0 / 3));
    row("missing metric", "under_timeshare_pct", 100);
    row("missing metric", "instability_pct", 100); // i = 1: supply flat, demand down
    row("missing metric", "jitter_per_min", -3);   // (0 - 1) / (20/60)
    // breach at sample 0; decision 0 (4 > 2); replicas never reach 4; relief at 30 s.
    row("missing metric", "episodes.0.breach_s", 0);
    row("missing metric", "episodes.0.decision_s", 0);
    row("missing metric", "episodes.0.caught_up_s", kNaN);
    row("missing metric", "episodes.0.catch_up_s", kNaN);
    row("missing metric", "episodes.0.relief_s", 30);
    row("missing metric", "censored", 0);

    // n=0 start with minReplicas 2: n = max(0, 1); d = 2,2,2,2; s = 0,1,1.
    row("n=0 start", "covered_s", 45);
    row("n=0 start", "replica_seconds", 30);
    row("n=0 start", "missing_replica_seconds", 60);
    row("n=0 start", "under_accuracy_pct", 100.0 / 45 * 30); // (2/2 + 1/2 + 1/2) x 15
    row("n=0 start", "under_timeshare_pct", 100);
    row("n=0 start", "instability_pct", 50); // i = 1: supply up, demand flat
    row("n=0 start", "jitter_per_min", 1.0 / 0.75);
    row("n=0 start", "reversals", 0);
    row("n=0 start", "episodes.0.breach_s", 0);
    row("n=0 start", "episodes.0.decision_s", 0);
    row("n=0 start", "episodes.0.caught_up_s", 15);
    row("n=0 start", "episodes.0.relief_s", 30);

    // censored: breach at 10, decision at 20, caught up at 30, never relieved.
    row("censored", "episodes.count", 1);
    row("censored", "episodes.0.breach_s", 10);
    row("censored", "episodes.0.decision_s", 20);
    row("censored", "episodes.0.caught_up_s", 30);
    row("censored", "episodes.0.relief_s", kNaN);
    row("censored", "episodes.0.reaction_s", 10);
    row("censored", "episodes.0.catch_up_s", 10);
    row("censored", "episodes.0.time_to_relief_s", kNaN);
    row("censored", "censored", 1);
    row("censored", "reaction_s_median", 10);
    row("censored", "time_to_relief_s_median", kNaN);
    row("censored", "under_accuracy_pct", 100.0 / 3);
    row("censored", "instability_pct", 50);
    row("censored", "jitter_per_min", -2);

    // no scaling: 3 replicas against d = ceil(3 x 0.5) = 2 throughout.
    row("no scaling", "resolution_s", 20);
    row("no scaling", "replica_seconds", 240);
    row("no scaling", "mean_replicas", 3);
    row("no scaling", "wasted_replica_seconds", 80);
    row("no scaling", "over_accuracy_pct", 50);
    row("no scaling", "over_timeshare_pct", 100);
    row("no scaling", "under_accuracy_pct", 0);
    row("no scaling", "instability_pct", 0);
    row("no scaling", "jitter_per_min", 0);
    row("no scaling", "reversals", 0);
    row("no scaling", "episodes.count", 0);
    row("no scaling", "reaction_s_median", kNaN);
    row("no scaling", "censored", 0);

    // reversals: changes at 30 (+), 60 (-, 30 s: yes), 200 (+, 140 s: no), 230 (-, yes),
    // 350 (+, exactly 120 s: not less than 120).
    row("reversals", "reversals", 2);

    // onset: with D = 60 s, n = replicas 60 s earlier = 1,1,1,1,3: d = 1,2,2,2.
    row("onset 60", "missing_replica_seconds", 30);
    row("onset 60", "wasted_replica_seconds", 60);
    row("onset 60", "under_accuracy_pct", 12.5);
    row("onset 60", "over_accuracy_pct", 25);
    row("onset 60", "under_timeshare_pct", 25);
    row("onset 60", "over_timeshare_pct", 50);
    // without it n = s: d = 1,2,6,6.
    row("onset 0", "missing_replica_seconds", 210);
    row("onset 0", "under_accuracy_pct", 37.5);
    row("onset 0", "under_timeshare_pct", 75);

    // target 0 at the middle sample: its interval is uncovered.
    row("target zero", "covered_s", 10);
    row("target zero", "uncovered_s", 10);
}

void TestScorecard::kpis()
{
    QFETCH(QString, fixture);
    QFETCH(QString, kpi);
    QFETCH(double, expected);
    const Scorecard s = ::fixture(fixture).scorecard();
    compareKpi(::kpi(s, kpi), expected);
}

void TestScorecard::sharedHighLoadExample_data()
{
    QTest::addColumn<QString>("kpi");
    QTest::addColumn<double>("expected");
    QTest::addColumn<double>("tolerance");
    // elasticity-kpis.md §12, second row ("the values to match"), printed to 2 decimals.
    QTest::newRow("median interval") << "resolution_s" << 21.0 << 0.0;
    QTest::newRow("T") << "covered_s" << 594.0 << 0.0;
    QTest::newRow("replica-h") << "replica_hours" << 0.958 << 0.0005;
    QTest::newRow("theta U %") << "under_accuracy_pct" << 42.37 << 0.005;
    QTest::newRow("theta O %") << "over_accuracy_pct" << 33.59 << 0.005;
    QTest::newRow("tau U") << "under_timeshare_pct" << 43.27 << 0.005;
    QTest::newRow("tau O") << "over_timeshare_pct" << 10.61 << 0.005;
    QTest::newRow("upsilon") << "instability_pct" << 40.66 << 0.005;
    QTest::newRow("reversals") << "reversals" << 3.0 << 0.0;
    // Episodes as tests/tools/scorecard_reference.py prints them.
    QTest::newRow("episodes") << "episodes.count" << 4.0 << 0.0;
    QTest::newRow("censored") << "censored" << 2.0 << 0.0;
    QTest::newRow("first breach") << "episodes.0.breach_s" << 253.0 << 0.0;
    QTest::newRow("first relief") << "episodes.0.time_to_relief_s" << 171.0 << 0.0;
    QTest::newRow("relief median") << "time_to_relief_s_median" << 43.0 << 0.0;
}

void TestScorecard::sharedHighLoadExample()
{
    QFETCH(QString, kpi);
    QFETCH(double, expected);
    QFETCH(double, tolerance);
    const QString dir = QStringLiteral(HPA_SHARED_DIR "/examples/high-load-hpa-20251124-155733");
    if (!QDir(dir).exists())
        QSKIP("../shared/examples/high-load-hpa-20251124-155733 is not here");
    Experiment e = ExperimentLoader::load(dir.toStdString());
    // The §12 row reads the leaked milli-quantity 60250 as 60.25 (issue 11's rule). When the
    // loader does not correct it yet, apply that rule here so the row is checked as specified.
    const auto *targets = e.metrics.values(keys::WaitingTarget);
    for (MetricColumn &c : e.metrics.columns()) {
        if (c.key != keys::Waiting || !targets)
            continue;
        double largest = *std::max_element(targets->begin(), targets->end());
        for (double v : c.values)
            largest = v < 1000 ? std::max(largest, v) : largest;
        for (double &v : c.values) {
            if (v >= 1000 && v == std::floor(v) && v / 1000 <= 10 * largest)
                v /= 1000;
        }
    }
    const Scorecard s = ScorecardCalculator::compute(e);
    const double actual = ::kpi(s, kpi);
    QVERIFY2(std::abs(actual - expected) <= tolerance + 1e-9,
             qPrintable(QString("%1 = %2, spec says %3").arg(kpi).arg(actual).arg(expected)));
}

void TestScorecard::demandSeriesMatchesThePass()
{
    // The chart's demand curve and the scorecard's come from the same model.
    Fixture f = fixture("onset 60");
    const MetricsTable m = f.table();
    DemandModel model(m, f.limits, f.settings);
    const std::vector<double> d = model.series();
    const std::vector<double> expected{1, 2, 2, 2, 3};
    QCOMPARE(d, expected);
}

void TestScorecard::hpaLimitsFromDescribeText()
{
    Experiment e;
    e.hpaDescription = "Name: vllm-hpa\nMin replicas:                                  1\n"
                       "Max replicas:                                  10\n";
    HpaLimits l = HpaLimits::of(e);
    QCOMPARE(l.minReplicas, std::optional(1));
    QCOMPARE(l.maxReplicas, std::optional(10));
    QCOMPARE(QString::fromStdString(l.source), QString("scaling.log"));
    e.metadata.json["max_replicas"] = 6;
    l = HpaLimits::of(e);
    QCOMPARE(l.maxReplicas, std::optional(6));
    QCOMPARE(l.minReplicas, std::optional(1));
    QCOMPARE(HpaLimits().floor(), 1);
}

void TestScorecard::emptyTableJudgesNothing()
{
    const Scorecard s = ScorecardCalculator::compute(MetricsTable(), HpaLimits());
    QVERIFY(!s.judged());
    QVERIFY(!s.meanReplicas);
    QVERIFY(!s.underAccuracyPct);
    QCOMPARE(s.episodes.size(), std::size_t(0));
    // Replicas only, no metric: no demand, nothing covered, but reversals still count.
    Fixture f = fixture("reversals");
    f.waiting.clear();
    f.waitingTarget.clear();
    const Scorecard r = f.scorecard();
    QVERIFY(!r.hasMetric);
    QVERIFY(!r.judged());
    QCOMPARE(r.reversals, std::size_t(2));
}

QTEST_APPLESS_MAIN(TestScorecard)
#include "tst_scorecard.moc"
