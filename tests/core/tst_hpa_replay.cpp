// HpaReplay, HpaSelfCheck, HpaWhatIfEdits and the what-if scorecard on small tables built here,
// each expected value worked out by hand from hpa-algorithm.md §7 and elasticity-kpis.md.
#include "core/analysis/elastic_speedup.h"
#include "core/analysis/hpa_replay.h"
#include "core/analysis/hpa_self_check.h"
#include "core/analysis/hpa_what_if.h"
#include "core/analysis/scorecard_calculator.h"
#include "core/model/metric_keys.h"

#include <QTest>

#include <cmath>

using namespace hpa::core;

namespace {

/// Samples every 15 s (one per sync, phase 0) with a waiting average, target 10.
MetricsTable table(const std::vector<double> &replicas, const std::vector<double> &desired,
                   const std::vector<double> &waiting)
{
    MetricsTable t;
    std::vector<double> time;
    for (std::size_t i = 0; i < replicas.size(); ++i)
        time.push_back(1000.0 + 15.0 * i);
    t.time() = time;
    t.setSourceLines(std::vector<int>(replicas.size(), 1));
    t.setColumn("replicas", std::string(keys::Replicas), replicas);
    t.setColumn("desired_replicas", std::string(keys::DesiredReplicas), desired);
    t.setColumn("waiting", std::string(keys::Waiting), waiting);
    t.setColumn("waiting_target", std::string(keys::WaitingTarget),
                std::vector<double>(replicas.size(), 10.0));
    return t;
}

HpaSpec spec()
{
    HpaSpec s;
    s.minReplicas = 1;
    s.maxReplicas = 10;
    s.metrics = {{"num_requests_waiting", 10.0}};
    HpaBehavior b;
    b.scaleUp = {0, HpaSelectPolicy::Max, {{HpaScalingPolicy::Type::Pods, 4, 15}}, {}};
    b.scaleDown = {0, HpaSelectPolicy::Min, {{HpaScalingPolicy::Type::Pods, 1, 15}}, {}};
    s.behavior = b;
    return s;
}

} // namespace

class TestHpaReplay : public QObject
{
    Q_OBJECT

private slots:
    void openLoopFollowsTheRecording();
    void closedLoopConservesLoad();
    void staleSamplesSkipSyncs();
    void whatIfEdits();
    void whatIfScoredByTheScorecard();
    void whatIfOutcomeCarriesTheScorecard();
};

void TestHpaReplay::openLoopFollowsTheRecording()
{
    // waiting 30 per pod on 1 pod: ceil(3 x 1) = 3 (+4 allowed); then 3 pods at 10: within.
    // Then 3 pods at 2: ceil(0.2 x 3) = 1, one pod per sync: 2, 1.
    const MetricsTable t = table({1, 3, 3, 3, 2}, {3, 3, 2, 1, 1}, {30, 10, 2, 2, 2});
    const auto r = HpaReplay::run(t, spec(), {});
    QVERIFY(r.problem.empty());
    QCOMPARE(r.desired, (std::vector<int>{3, 3, 2, 1, 1}));
    const auto c = HpaSelfCheck::compare(t, r.desired, r.gapThresholdSeconds, 0);
    QCOMPARE(c.agreement.value_or(-1), 1.0);
    QVERIFY(!c.firstDivergenceS);
    // A recording that disagrees at 30 s: 15 of 60 s differ by one.
    const MetricsTable u = table({1, 3, 3, 3, 2}, {3, 3, 3, 1, 1}, {30, 10, 2, 2, 2});
    const auto d = HpaSelfCheck::compare(u, r.desired, r.gapThresholdSeconds, 0);
    QCOMPARE(d.agreement.value_or(-1), 0.75);
    QCOMPARE(d.meanAbsDiff.value_or(-1), 0.25);
    QCOMPARE(d.firstDivergenceS.value_or(-1), 30.0);
}

void TestHpaReplay::closedLoopConservesLoad()
{
    // Recorded: 1 pod stays, waiting 30 per pod the whole time (total 30). Closed-loop: the
    // HPA adds pods, the per-pod value becomes 30 / n: 1 -> ceil(3) = 3 -> 30/3 = 10 within.
    const MetricsTable t = table({1, 1, 1, 1}, {1, 1, 1, 1}, {30, 30, 30, 30});
    HpaReplay::Options o;
    o.closedLoop = true;
    const auto r = HpaReplay::run(t, spec(), o);
    QCOMPARE(r.desired, (std::vector<int>{3, 3, 3, 3}));
    // With a 20 s onset delay the new pods report from t = 15 + 20: until then the load is
    // still on one pod (30), which proposes ceil(3 x 1) = 3 again: the same count.
    o.onsetDelaySeconds = 20;
    const auto late = HpaReplay::run(t, spec(), o);
    QCOMPARE(late.desired, (std::vector<int>{3, 3, 3, 3}));
    QCOMPARE(late.reporting[1], 1);
    QCOMPARE(late.reporting[3], 3);
}

void TestHpaReplay::staleSamplesSkipSyncs()
{
    MetricsTable t = table({1, 1}, {1, 1}, {30, 30});
    t.time() = {0.0, 600.0}; // a 10-minute gap: syncs 75 s .. 585 s see a stale sample
    const auto r = HpaReplay::run(t, spec(), {});
    QCOMPARE(r.gapThresholdSeconds, 1800.0); // one interval: 3 x 600
    HpaReplay::Options strict;
    strict.maxSampleAgeSeconds = 60;
    const auto s = HpaReplay::run(t, spec(), strict);
    QCOMPARE(s.syncs, std::size_t(41));
    QCOMPARE(s.skippedSyncs, std::size_t(35)); // 75, 90, .., 585: (585 - 75) / 15 + 1
}

void TestHpaReplay::whatIfEdits()
{
    HpaSpec s = spec();
    double delay = 0;
    QVERIFY(HpaWhatIfEdits::apply({{"up-percent", "100"},
                                   {"down-pods", "0"},
                                   {"down-percent", "50"},
                                   {"select-down", "Max"},
                                   {"kv-target", "500m"},
                                   {"onset-delay", "90"}},
                                  s, delay)
                .empty());
    QCOMPARE(s.behavior->scaleUp.policies.size(), std::size_t(2));
    QCOMPARE(s.behavior->scaleDown.policies,
             (std::vector<HpaScalingPolicy>{{HpaScalingPolicy::Type::Percent, 50, 15}}));
    QCOMPARE(s.metrics.back().target, 0.5);
    QCOMPARE(delay, 90.0);
    QVERIFY(
        HpaWhatIfEdits::apply({{"no-behavior", "true"}, {"down-window", "30"}}, s, delay).empty());
    QCOMPARE(s.scaleDownWindowSeconds(), 30.0); // default behavior + the window, as a manifest
    std::vector<HpaWhatIfSettings> combos;
    QVERIFY(HpaWhatIfEdits::expandSweeps({"min=1,2", "tolerance=0:0.2:0.1"}, combos).empty());
    QCOMPARE(combos.size(), std::size_t(6));
    QCOMPARE(combos[5], (HpaWhatIfSettings{{"min", "2"}, {"tolerance", "0.2"}}));
    QVERIFY(!HpaWhatIfEdits::expandSweeps({"min=3:1:1"}, combos).empty());
}

void TestHpaReplay::whatIfScoredByTheScorecard()
{
    // Recorded: 1 pod throughout, waiting 30, 30, 10 per pod (target 10): demand D1 =
    // ceil(1 x 3) = 3, 3, 1. A what-if supply 1, 3, 3 against it over two 15 s intervals (the
    // last sample holds nothing): interval 0 under by 2 (2/3 of demand), interval 1 exact.
    const MetricsTable t = table({1, 1, 1}, {1, 1, 1}, {30, 30, 10});
    HpaLimits limits;
    limits.minReplicas = 1;
    const std::vector<int> supply{1, 3, 3};
    ScorecardCalculator::Supply s;
    s.replicas = &supply;
    const Scorecard k = ScorecardCalculator::compute(t, limits, {}, s);
    QVERIFY(k.hasReplicas);
    QCOMPARE(k.coveredS, 30.0);
    QCOMPARE(k.replicaSeconds, 60.0);
    QCOMPARE(k.missingReplicaSeconds, 30.0);
    QCOMPARE(k.underAccuracyPct.value_or(-1), 100.0 * (2.0 / 3.0 * 15) / 30);
    QCOMPARE(k.underTimesharePct.value_or(-1), 50.0);
    QCOMPARE(k.overTimesharePct.value_or(-1), 0.0);
    // The change at 15 s (+2 against a flat demand) is against the demand: upsilon 100 %;
    // psi = (2 - 0) replica steps over 0.5 covered minutes = 4 per minute.
    QCOMPARE(k.instabilityPct.value_or(-1), 100.0);
    QCOMPARE(k.jitterPerMin.value_or(-1), 4.0);
    // The recorded curve given as a supply scores exactly as the recording itself: one pass.
    const std::vector<int> recorded{1, 1, 1};
    s.replicas = &recorded;
    const Scorecard same = ScorecardCalculator::compute(t, limits, {}, s);
    const Scorecard rec = ScorecardCalculator::compute(t, limits, {});
    QCOMPARE(same.replicaSeconds, rec.replicaSeconds);
    QCOMPARE(same.underAccuracyPct, rec.underAccuracyPct);
    QCOMPARE(same.instabilityPct, rec.instabilityPct);
    QCOMPARE(same.jitterPerMin, rec.jitterPerMin);
    QCOMPARE(same.episodes.size(), rec.episodes.size());
    QCOMPARE(ElasticSpeedup::of(rec, rec).value_or(-1), 1.0);
    // Recording: theta_U = 100 x (2/3 x 15 + 2/3 x 15) / 30 = 66.67 %, tau_U 100 %, over 0
    // (floored to 0.01); the what-if: 33.33 %, 50 %, over 0, 0. Speedup =
    // (2 x 2 x 1 x 1)^(1/4) = sqrt(2).
    QCOMPARE(ElasticSpeedup::of(rec, k).value_or(-1), std::sqrt(2.0));
    // A what-if that cannot be scored (no metric known) has no speedup.
    QVERIFY(!ElasticSpeedup::of(rec, Scorecard{}));
}

void TestHpaReplay::whatIfOutcomeCarriesTheScorecard()
{
    // The closed-loop replay of closedLoopConservesLoad: 1 recorded pod at 30 (demand 3), the
    // HPA goes to 3 at the first sync (t = 0). As in the recording, the supply is
    // status.currentReplicas (spec.replicas before the last sync): 1 at row 0, then 3.
    const MetricsTable t = table({1, 1, 1, 1}, {1, 1, 1, 1}, {30, 30, 30, 30});
    const HpaWhatIf::Baseline base = HpaWhatIf::baseline(t, spec(), 0);
    QCOMPARE(base.recorded.underTimesharePct.value_or(-1), 100.0);
    QCOMPARE(base.recorded.underAccuracyPct.value_or(-1), 100.0 * 2.0 / 3.0);
    const HpaWhatIf::Outcome o = HpaWhatIf::run(base, {}, HpaWhatIf::Series::DesiredAndReporting);
    QVERIFY(o.problem.empty());
    QCOMPARE(o.desired, (std::vector<int>{3, 3, 3, 3}));
    QCOMPARE(o.scorecard.replicaSeconds, 1.0 * 15 + 3.0 * 30);
    QCOMPARE(o.scorecard.underTimesharePct.value_or(-1), 100.0 / 3.0);
    QCOMPARE(o.scorecard.underAccuracyPct.value_or(-1), 100.0 * (2.0 / 3.0 * 15) / 45);
    QCOMPARE(o.scorecard.resolutionS, 15.0);
    // One episode: breach and decision at row 0 (desired 3 > current 1), caught up at 15 s;
    // the recorded load never falls back, so it is censored; time to relief is not predicted.
    QCOMPARE(o.scorecard.episodes.size(), std::size_t(1));
    QCOMPARE(o.scorecard.reactionMedianS.value_or(-1), 0.0);
    QCOMPARE(o.scorecard.episodes[0].catchUpS().value_or(-1), 15.0);
    QVERIFY(!o.scorecard.timeToReliefMedianS);
    QVERIFY(!o.scorecard.ttft.attainmentPct);
    // theta_U 66.67 -> 22.22 and tau_U 100 -> 33.33 (x 3 each), theta_O and tau_O 0 (both
    // floored at 0.01): (3 x 3 x 1 x 1)^(1/4) = sqrt(3).
    QCOMPARE(o.elasticSpeedup.value_or(-1), std::sqrt(3.0));
    // A sweep over both threads gives the same scorecards in the given order.
    const auto all = HpaWhatIf::runAll(base, {{}, {{"max", "2"}}}, HpaWhatIf::Series::None, 2);
    QCOMPARE(all.size(), std::size_t(2));
    QCOMPARE(all[0].scorecard.replicaSeconds, o.scorecard.replicaSeconds);
    QCOMPARE(all[1].scorecard.replicaSeconds, 1.0 * 15 + 2.0 * 30);
    // Each caller keeps only the series it reads: the same scorecard either way.
    QCOMPARE(o.reporting.size(), std::size_t(4));
    QVERIFY(all[0].desired.empty() && all[0].reporting.empty());
    const HpaWhatIf::Outcome panel = HpaWhatIf::run(base, {}, HpaWhatIf::Series::Desired);
    QCOMPARE(panel.desired, o.desired);
    QVERIFY(panel.reporting.empty());
    QCOMPARE(panel.scorecard.replicaSeconds, o.scorecard.replicaSeconds);
}

QTEST_APPLESS_MAIN(TestHpaReplay)
#include "tst_hpa_replay.moc"
