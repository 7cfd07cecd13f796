// HpaQuietSync: the constant-time path for syncs that decide nothing gives exactly the
// decisions of the full reconcile, sync for sync, over long random runs of every kind of spec.
#include "core/model/hpa_quiet_sync.h"
#include "core/model/hpa_reconciler.h"

#include <QTest>

#include <random>

using namespace hpa::core;

Q_DECLARE_METATYPE(hpa::core::HpaSpec)

namespace {

HpaSpec specWith(std::optional<HpaBehavior> behavior)
{
    HpaSpec s;
    s.minReplicas = 1;
    s.maxReplicas = 12;
    s.metrics = {{"num_requests_waiting", 10}};
    s.behavior = std::move(behavior);
    return s;
}

HpaBehavior behavior(int upWindow, int downWindow, HpaSelectPolicy down)
{
    HpaBehavior b;
    b.scaleUp = {upWindow,
                 HpaSelectPolicy::Max,
                 {{HpaScalingPolicy::Type::Pods, 4, 15}, {HpaScalingPolicy::Type::Percent, 100, 15}},
                 {}};
    b.scaleDown = {downWindow,
                   down,
                   {{HpaScalingPolicy::Type::Pods, 1, 15}, {HpaScalingPolicy::Type::Percent, 50, 60}},
                   {}};
    return b;
}

} // namespace

class TestHpaQuietSync : public QObject
{
    Q_OBJECT

private slots:
    void sameDecisions_data();
    void sameDecisions();
    void onlyWhenSettled();
};

void TestHpaQuietSync::sameDecisions_data()
{
    QTest::addColumn<HpaSpec>("spec");
    QTest::newRow("no behavior (300 s down window)") << specWith(std::nullopt);
    QTest::newRow("windows 0, Min down (the runs' HPA)")
        << specWith(behavior(0, 0, HpaSelectPolicy::Min));
    QTest::newRow("windows 60/300, Max down") << specWith(behavior(60, 300, HpaSelectPolicy::Max));
    QTest::newRow("down disabled") << specWith(behavior(0, 120, HpaSelectPolicy::Disabled));
}

void TestHpaQuietSync::sameDecisions()
{
    QFETCH(HpaSpec, spec);
    for (unsigned seed = 1; seed <= 20; ++seed) {
        HpaReconciler fast(spec), full(spec);
        full.setQuietShortcut(false);
        std::mt19937 rng(seed);
        std::uniform_int_distribution<int> step(-3, 3), percent(0, 99), invalid(0, 40);
        int cur = 2, target = 2;
        for (int k = 0; k < 3000; ++k) {
            // Mostly quiet stretches (the proposal = the count), with bursts of changes and
            // the odd sync without metrics.
            if (percent(rng) == 0)
                target = std::clamp(target + step(rng), 0, 16);
            const std::optional<int> raw =
                invalid(rng) == 0 ? std::nullopt : std::optional(percent(rng) < 90 ? cur : target);
            const double now = 15.0 * k;
            const auto a = fast.reconcile(now, cur, raw);
            const auto b = full.reconcile(now, cur, raw);
            QCOMPARE(a.desired, b.desired);
            QCOMPARE(a.raw, b.raw);
            QCOMPARE(a.stabilized, b.stabilized);
            QCOMPARE(a.reason, b.reason);
            cur = a.desired;
        }
        QVERIFY2(fast.quietSyncs() > 200, qPrintable(QString::number(fast.quietSyncs())));
        QCOMPARE(full.quietSyncs(), std::size_t(0));
    }
}

void TestHpaQuietSync::onlyWhenSettled()
{
    using Rec = HpaNormalizer::Recommendation;
    std::vector<Rec> recs{{3, 0}, {3, 15}};
    QVERIFY(HpaQuietSync::uniform(recs));
    QVERIFY(HpaQuietSync::apply(recs, true, 30, 3, 3, 1, 10));
    QCOMPARE(recs.size(), std::size_t(1));
    QCOMPARE(recs[0].time, 30.0);
    // A proposal other than the count, a memory holding another count, or a count outside
    // min..max: the full reconcile decides, nothing is touched.
    QVERIFY(!HpaQuietSync::apply(recs, true, 45, 3, 4, 1, 10));
    std::vector<Rec> mixed{{3, 0}, {5, 15}};
    QVERIFY(!HpaQuietSync::uniform(mixed));
    QVERIFY(!HpaQuietSync::apply(mixed, false, 45, 3, 3, 1, 10));
    QCOMPARE(mixed.size(), std::size_t(2));
    QVERIFY(!HpaQuietSync::apply(recs, true, 45, 3, 3, 4, 10));
    QCOMPARE(recs[0].time, 30.0);
}

QTEST_APPLESS_MAIN(TestHpaQuietSync)
#include "tst_hpa_quiet_sync.moc"
