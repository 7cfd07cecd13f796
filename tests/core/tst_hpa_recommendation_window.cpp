// HpaRecommendationWindow: the sliding-window memory decides exactly what upstream's scanned
// list decides (HpaNormalizer::stabilize*, transcribed from horizontal.go and tested in
// tst_hpa_algorithm), call for call, over long random runs of every kind of spec; and it keeps
// only what can still matter.
#include "core/model/hpa_normalizer.h"
#include "core/model/hpa_recommendation_window.h"
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
    b.scaleUp = {
        upWindow,
        HpaSelectPolicy::Max,
        {{HpaScalingPolicy::Type::Pods, 4, 15}, {HpaScalingPolicy::Type::Percent, 100, 15}},
        {}};
    b.scaleDown = {
        downWindow,
        down,
        {{HpaScalingPolicy::Type::Pods, 1, 15}, {HpaScalingPolicy::Type::Percent, 50, 60}},
        {}};
    return b;
}

} // namespace

class TestHpaRecommendationWindow : public QObject
{
    Q_OBJECT

private slots:
    void sameAsScan_data();
    void sameAsScan();
    void sameDecisions_data();
    void sameDecisions();
    void boundedMemory();
};

void TestHpaRecommendationWindow::sameAsScan_data()
{
    QTest::addColumn<bool>("withBehavior");
    QTest::addColumn<double>("up");
    QTest::addColumn<double>("down");
    QTest::addColumn<double>("step"); // seconds between calls; 0 = random, repeats included
    QTest::newRow("no behavior, 300 s (the default)") << false << 0.0 << 300.0 << 15.0;
    QTest::newRow("no behavior, window 0") << false << 0.0 << 0.0 << 15.0;
    QTest::newRow("no behavior, 37 s, irregular calls") << false << 0.0 << 37.0 << 0.0;
    QTest::newRow("behavior 0/300") << true << 0.0 << 300.0 << 15.0;
    QTest::newRow("behavior 60/120") << true << 60.0 << 120.0 << 15.0;
    QTest::newRow("behavior 45/30, window edges on calls") << true << 45.0 << 30.0 << 15.0;
    QTest::newRow("behavior 20/50, irregular calls") << true << 20.0 << 50.0 << 0.0;
}

void TestHpaRecommendationWindow::sameAsScan()
{
    QFETCH(bool, withBehavior);
    QFETCH(double, up);
    QFETCH(double, down);
    QFETCH(double, step);
    for (unsigned seed = 1; seed <= 20; ++seed) {
        std::mt19937 rng(seed);
        std::uniform_int_distribution<int> count(0, 12), gap(0, 3), trend(-2, 2);
        HpaRecommendationWindow window(withBehavior);
        std::vector<HpaNormalizer::Recommendation> list;
        double now = 0;
        int current = 3, level = 3;
        window.store(now, current);
        list.push_back({current, now});
        for (int k = 0; k < 2000; ++k) {
            // Random, trending and repeated proposals; calls 0..45 s apart when irregular.
            now += step > 0 ? step : 15.0 * gap(rng);
            level = std::clamp(level + trend(rng), 0, 12);
            const int raw = k % 3 == 0 ? count(rng) : level;
            const int a = withBehavior ? window.stabilizeWithBehaviors(now, raw, current, up, down)
                                       : window.stabilize(now, raw, down);
            const int b = withBehavior ? HpaNormalizer::stabilizeWithBehaviors(list, now, raw,
                                                                               current, up, down)
                                       : HpaNormalizer::stabilize(list, now, raw, down);
            QCOMPARE(a, b);
            current = a;
        }
    }
}

void TestHpaRecommendationWindow::sameDecisions_data()
{
    QTest::addColumn<HpaSpec>("spec");
    QTest::newRow("no behavior (300 s down window)") << specWith(std::nullopt);
    QTest::newRow("windows 0, Min down (the runs' HPA)")
        << specWith(behavior(0, 0, HpaSelectPolicy::Min));
    QTest::newRow("windows 60/300, Max down") << specWith(behavior(60, 300, HpaSelectPolicy::Max));
    QTest::newRow("down disabled") << specWith(behavior(0, 120, HpaSelectPolicy::Disabled));
}

void TestHpaRecommendationWindow::sameDecisions()
{
    QFETCH(HpaSpec, spec);
    for (unsigned seed = 1; seed <= 20; ++seed) {
        HpaReconciler fast(spec), reference(spec);
        reference.setReferenceMemory(true);
        std::mt19937 rng(seed);
        std::uniform_int_distribution<int> step(-3, 3), percent(0, 99), invalid(0, 40);
        int cur = 2, target = 2;
        for (int k = 0; k < 3000; ++k) {
            // Quiet stretches (the proposal = the count), bursts of changes, proposals outside
            // min..max and the odd sync without metrics.
            if (percent(rng) < 5)
                target = std::clamp(target + step(rng), 0, 16);
            const std::optional<int> raw =
                invalid(rng) == 0 ? std::nullopt : std::optional(percent(rng) < 60 ? cur : target);
            const double now = 15.0 * k;
            const auto a = fast.reconcile(now, cur, raw);
            const auto b = reference.reconcile(now, cur, raw);
            QCOMPARE(a.desired, b.desired);
            QCOMPARE(a.raw, b.raw);
            QCOMPARE(a.stabilized, b.stabilized);
            QCOMPARE(a.reason, b.reason);
            cur = a.desired;
        }
    }
}

void TestHpaRecommendationWindow::boundedMemory()
{
    // Rising proposals are the worst case of a max queue kept in a list: every one stays. The
    // window keeps only those inside the window (300 s / 15 s = 21 with the one at now).
    HpaRecommendationWindow noBehavior(false);
    for (int k = 0; k < 10000; ++k)
        noBehavior.stabilize(15.0 * k, k % 500, 300);
    QVERIFY2(noBehavior.size() <= 21, qPrintable(QString::number(noBehavior.size())));
    HpaRecommendationWindow withBehavior(true);
    for (int k = 0; k < 10000; ++k)
        withBehavior.stabilizeWithBehaviors(15.0 * k, (k * 7) % 13, 5, 60, 300);
    QVERIFY2(withBehavior.size() <= 21 + 4, qPrintable(QString::number(withBehavior.size())));
    withBehavior.clear();
    QCOMPARE(withBehavior.size(), std::size_t(0));
}

QTEST_APPLESS_MAIN(TestHpaRecommendationWindow)
#include "tst_hpa_recommendation_window.moc"
