// DemandCache: the recorded demand computed once for a sweep gives exactly what DemandModel
// gives row by row, and a what-if scored with it exactly what it is scored without.
#include "core/analysis/demand_cache.h"
#include "core/analysis/scorecard_calculator.h"
#include "core/model/metric_keys.h"

#include <QTest>

#include <cmath>

using namespace hpa::core;

namespace {

/// 2,000 rows every 5 s: replicas 1..4, waiting and KV ratios crossing their targets, some
/// missing values and one gap, so every branch of the demand model is taken.
MetricsTable table()
{
    MetricsTable t;
    const std::size_t n = 2000;
    std::vector<double> time(n), replicas(n), waiting(n), wt(n, 10), kv(n), kt(n, 50);
    for (std::size_t i = 0; i < n; ++i) {
        time[i] = 5.0 * double(i) + (i > 1000 ? 600 : 0);
        replicas[i] = 1 + double((i / 37) % 4);
        waiting[i] = i % 97 == 0 ? std::nan("") : 25.0 * (1 + std::sin(double(i) / 40));
        kv[i] = 60.0 * (1 + std::cos(double(i) / 55));
    }
    t.time() = time;
    t.setSourceLines(std::vector<int>(n, 1));
    t.setColumn("replicas", std::string(keys::Replicas), replicas);
    t.setColumn("waiting", std::string(keys::Waiting), waiting);
    t.setColumn("waiting_target", std::string(keys::WaitingTarget), wt);
    t.setColumn("kv_cache_pct", std::string(keys::KvCachePct), kv);
    t.setColumn("kv_target", std::string(keys::KvCacheTargetPct), kt);
    return t;
}

} // namespace

class TestDemandCache : public QObject
{
    Q_OBJECT

private slots:
    void sameAsTheModel_data();
    void sameAsTheModel();
    void unusableTable();
};

void TestDemandCache::sameAsTheModel_data()
{
    QTest::addColumn<double>("onset");
    QTest::addColumn<bool>("reachable");
    QTest::newRow("ideal") << 0.0 << false;
    QTest::newRow("onset 60 s") << 60.0 << false;
    QTest::newRow("reachable") << 0.0 << true;
}

void TestDemandCache::sameAsTheModel()
{
    QFETCH(double, onset);
    QFETCH(bool, reachable);
    const MetricsTable t = table();
    HpaLimits limits;
    limits.minReplicas = 1;
    limits.maxReplicas = 5;
    ScorecardSettings settings;
    settings.onsetDelaySeconds = onset;
    settings.demand = reachable ? DemandVariant::HpaReachable : DemandVariant::HpaIdeal;
    const DemandCache cache(t, limits, settings);
    QVERIFY(cache.usable());
    QCOMPARE(cache.size(), t.rowCount());
    DemandModel model(t, limits, settings);
    for (std::size_t i = 0; i < t.rowCount(); ++i) {
        const DemandModel::Sample s = model.next(i);
        const DemandModel::Sample c = cache.at(i);
        QVERIFY(s.demand == c.demand || (std::isnan(s.demand) && std::isnan(c.demand)));
        QCOMPARE(int(c.load), int(s.load));
    }
    // A what-if curve scored with and without the cache: the same scorecard, bit for bit.
    std::vector<int> supply(t.rowCount());
    for (std::size_t i = 0; i < supply.size(); ++i)
        supply[i] = 1 + int((i / 50) % 5);
    ScorecardCalculator::Supply plain;
    plain.replicas = &supply;
    ScorecardCalculator::Supply cached = plain;
    cached.demand = &cache;
    const Scorecard a = ScorecardCalculator::compute(t, limits, settings, plain);
    const Scorecard b = ScorecardCalculator::compute(t, limits, settings, cached);
    QVERIFY(a.judged());
    QCOMPARE(b.coveredS, a.coveredS);
    QCOMPARE(b.replicaSeconds, a.replicaSeconds);
    QCOMPARE(b.missingReplicaSeconds, a.missingReplicaSeconds);
    QCOMPARE(b.underAccuracyPct, a.underAccuracyPct);
    QCOMPARE(b.overTimesharePct, a.overTimesharePct);
    QCOMPARE(b.instabilityPct, a.instabilityPct);
    QCOMPARE(b.jitterPerMin, a.jitterPerMin);
    QCOMPARE(b.reversals, a.reversals);
    QCOMPARE(b.episodes.size(), a.episodes.size());
    QCOMPARE(b.reactionMedianS, a.reactionMedianS);
    QCOMPARE(b.censored, a.censored);
}

void TestDemandCache::unusableTable()
{
    MetricsTable t;
    t.time() = {0, 5};
    t.setSourceLines({1, 1});
    t.setColumn("replicas", std::string(keys::Replicas), {1, 1});
    const DemandCache cache(t, HpaLimits(), ScorecardSettings());
    QVERIFY(!cache.usable());
    QCOMPARE(cache.size(), std::size_t(0));
}

QTEST_APPLESS_MAIN(TestDemandCache)
#include "tst_demand_cache.moc"
