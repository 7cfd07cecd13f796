// HpaReconciler over several syncs: one fixture per behavior feature of hpa-algorithm.md
// §4-§6, each expected count worked out by hand from the spec's pseudo-code (the working is
// in the row's comment). spec.replicas follows the decision, as the controller's scale update.
#include "core/model/hpa_reconciler.h"

#include <QList>
#include <QTest>

using hpa::core::HpaBehavior;
using hpa::core::HpaReconciler;
using hpa::core::HpaScalingPolicy;
using hpa::core::HpaScalingRules;
using hpa::core::HpaSelectPolicy;
using hpa::core::HpaSpec;

namespace {

using Type = HpaScalingPolicy::Type;

/// The HPA of the real runs (hpa-vllm-combined.yaml / the describe block of scaling.log).
HpaSpec realRunSpec()
{
    HpaSpec spec;
    spec.minReplicas = 1;
    spec.maxReplicas = 10;
    HpaBehavior b;
    b.scaleUp.stabilizationWindowSeconds = 0;
    b.scaleUp.selectPolicy = HpaSelectPolicy::Max;
    b.scaleUp.policies = {{Type::Percent, 100, 15}, {Type::Pods, 4, 15}};
    b.scaleDown.stabilizationWindowSeconds = 0;
    b.scaleDown.selectPolicy = HpaSelectPolicy::Min;
    b.scaleDown.policies = {{Type::Pods, 1, 15}};
    spec.behavior = b;
    return spec;
}

HpaSpec specNamed(const QString &name)
{
    HpaSpec spec = realRunSpec();
    if (name == "real")
        return spec;
    if (name == "no-behavior") {
        spec.behavior.reset();
        spec.maxReplicas = 20;
    } else if (name == "down-window-60") {
        spec.behavior->scaleDown = {60, HpaSelectPolicy::Max, {{Type::Pods, 100, 15}}, {}};
    } else if (name == "up-window-30") {
        spec.behavior->scaleUp = HpaScalingRules::defaultScaleUp();
        spec.behavior->scaleUp.stabilizationWindowSeconds = 30;
    } else if (name == "down-disabled") {
        spec.behavior->scaleDown.selectPolicy = HpaSelectPolicy::Disabled;
    } else if (name == "down-percent-50") {
        spec.behavior->scaleDown = {0, HpaSelectPolicy::Max, {{Type::Percent, 50, 15}}, {}};
    } else if (name == "up-percent-only") {
        spec.behavior->scaleUp = {0, HpaSelectPolicy::Max, {{Type::Percent, 50, 60}}, {}};
    } else if (name == "default-behavior") {
        spec.behavior = HpaBehavior{}; // behavior: {} -> API defaults, down window 300 s
    }
    return spec;
}

} // namespace

class TestHpaReconciler : public QObject
{
    Q_OBJECT

private slots:
    void sequence_data();
    void sequence();
    void invalidSpecRejected();
};

void TestHpaReconciler::sequence_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<int>("initial");
    QTest::addColumn<QList<int>>("times");
    QTest::addColumn<QList<int>>("raws"); // -1 = every metric invalid
    QTest::addColumn<QList<int>>("desired");

    // +4 / x2 per 15 s: max(1+4, 2) = 5; the event at t=0 is not after 15-15 -> from 5: 10.
    QTest::newRow("scale-up Max of Percent 100 and Pods 4")
        << "real" << 1 << QList<int>{0, 15} << QList<int>{20, 20} << QList<int>{5, 10};
    // Within one period the start is 5-4 = 1: max(5, 2) = 5 (no change) until t=15.
    QTest::newRow("period-start replicas inside the period")
        << "real" << 1 << QList<int>{0, 10, 15} << QList<int>{20, 20, 20} << QList<int>{5, 5, 10};
    // selectPolicy Min, Pods 1 per 15 s: one pod per sync.
    QTest::newRow("scale-down Pods 1 per period")
        << "real" << 10 << QList<int>{0, 15, 30} << QList<int>{1, 1, 1} << QList<int>{9, 8, 7};
    // A down event at t=0 makes the period start 10 at t=5: max(10-1) = 9 = current: no change.
    QTest::newRow("scale-down period start counts down events")
        << "real" << 10 << QList<int>{0, 5, 15} << QList<int>{1, 1, 1} << QList<int>{9, 9, 8};
    // Window 60 s: the seeded 5 at t=0 holds until t=60 (strictly after the cutoff).
    QTest::newRow("scale-down stabilization window")
        << "down-window-60" << 5 << QList<int>{0, 15, 45, 60} << QList<int>{5, 1, 1, 1}
        << QList<int>{5, 5, 5, 1};
    // Up window 30 s: min over (2@0, 6@15) at t=15 is 2; at t=30 only 6@15 is inside: 6.
    QTest::newRow("scale-up stabilization window") << "up-window-30" << 2 << QList<int>{0, 15, 30}
                                                   << QList<int>{2, 6, 6} << QList<int>{2, 2, 6};
    // No behavior: max(2 x cur, 4) per sync; then the 300 s window holds 10 until 10@30
    // leaves it (not before 330 - 300 = 30 still counts; at 345 only the 2s remain).
    QTest::newRow("no behavior: 2x cap and 300 s window")
        << "no-behavior" << 1 << QList<int>{0, 15, 30, 45, 330, 345}
        << QList<int>{10, 10, 10, 2, 2, 2} << QList<int>{4, 8, 10, 10, 10, 2};
    QTest::newRow("selectPolicy Disabled never scales down")
        << "down-disabled" << 6 << QList<int>{0, 15, 30} << QList<int>{1, 1, 1}
        << QList<int>{6, 6, 6};
    // Percent truncates: int(5 x 0.5) = 2; then int(2 x 0.5) = 1.
    QTest::newRow("Percent scale-down truncates")
        << "down-percent-50" << 5 << QList<int>{0, 15} << QList<int>{1, 1} << QList<int>{2, 1};
    // Percent rounds up: ceil(3 x 1.5) = 5; within 60 s the start stays 3 -> still 5.
    QTest::newRow("Percent scale-up rounds up, 60 s period")
        << "up-percent-only" << 3 << QList<int>{0, 15, 61} << QList<int>{10, 10, 10}
        << QList<int>{5, 5, 8};
    // behavior: {} gets the API defaults and the 300 s controller window for scale-down.
    QTest::newRow("default behavior keeps the 300 s down window")
        << "default-behavior" << 4 << QList<int>{0, 15, 300} << QList<int>{4, 1, 1}
        << QList<int>{4, 4, 1};
    // All metrics invalid: nothing moves and nothing is stored (the 9 is not a recommendation).
    QTest::newRow("invalid metrics skip the sync") << "down-window-60" << 9 << QList<int>{0, 15, 75}
                                                   << QList<int>{-1, 1, 1} << QList<int>{9, 9, 1};
    // Above max: the shortcut, then metrics again.
    QTest::newRow("above max shortcut")
        << "real" << 12 << QList<int>{0, 15} << QList<int>{12, 12} << QList<int>{10, 10};
}

void TestHpaReconciler::sequence()
{
    QFETCH(QString, spec);
    QFETCH(int, initial);
    QFETCH(QList<int>, times);
    QFETCH(QList<int>, raws);
    QFETCH(QList<int>, desired);
    HpaReconciler reconciler(specNamed(spec));
    int current = initial;
    QList<int> got;
    for (int i = 0; i < times.size(); ++i) {
        const auto raw = raws[i] < 0 ? std::nullopt : std::optional<int>(raws[i]);
        current = reconciler.reconcile(times[i], current, raw).desired;
        got.append(current);
    }
    QCOMPARE(got, desired);
}

void TestHpaReconciler::invalidSpecRejected()
{
    HpaSpec spec = realRunSpec();
    spec.maxReplicas = 0;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, HpaReconciler{spec});
    spec = realRunSpec();
    spec.behavior->scaleUp.policies[0].periodSeconds = 0;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, HpaReconciler{spec});
}

QTEST_APPLESS_MAIN(TestHpaReconciler)
#include "tst_hpa_reconciler.moc"
