// The HPA algorithm (core/model/hpa_*) against kubernetes/kubernetes' own controller tests:
// every row named after an upstream test is transcribed from pkg/controller/podautoscaler/
// horizontal_test.go or replica_calculator_test.go (read in omerap12/kubernetes, an up-to-date
// fork, commit 060da168 / fb6d0a38) with its inputs and expected result unchanged.
#include "core/model/hpa_metric_proposal.h"
#include "core/model/hpa_normalizer.h"
#include "core/model/hpa_reconciler.h"

#include <QList>
#include <QTest>

#include <cmath>
#include <limits>

using hpa::core::HpaBehavior;
using hpa::core::HpaMetricProposal;
using hpa::core::HpaNormalizer;
using hpa::core::HpaReconciler;
using hpa::core::HpaScalingPolicy;
using hpa::core::HpaScalingRules;
using hpa::core::HpaSelectPolicy;
using hpa::core::HpaSpec;

namespace {

constexpr double kNow = 100000.0;

/// Upstream `generateScalingRules(pods, podsPeriod, percent, percentPeriod, window)`.
HpaScalingRules rules(int pods, int podsPeriod, int percent, int percentPeriod, int window)
{
    HpaScalingRules r;
    r.stabilizationWindowSeconds = window;
    r.selectPolicy = HpaSelectPolicy::Max;
    if (pods != 0)
        r.policies.push_back({HpaScalingPolicy::Type::Pods, pods, podsPeriod});
    if (percent != 0)
        r.policies.push_back({HpaScalingPolicy::Type::Percent, percent, percentPeriod});
    return r;
}

/// Upstream `generateEventsUniformDistribution`: event i in the middle of its segment of the
/// last `period` seconds.
std::vector<HpaNormalizer::ScaleEvent> uniformEvents(const QList<int> &changes, int period)
{
    std::vector<HpaNormalizer::ScaleEvent> events;
    const double segment = static_cast<double>(period) / changes.size();
    for (int i = 0; i < changes.size(); ++i) {
        // time.Duration(float) truncates to whole seconds here (it multiplies time.Second).
        const double ago = std::trunc(period - segment * (i + 1) + segment / 2);
        events.push_back({changes[i], kNow - ago});
    }
    return events;
}

std::vector<HpaNormalizer::Recommendation> recommendations(const QList<int> &values,
                                                           const QList<int> &agoSeconds)
{
    std::vector<HpaNormalizer::Recommendation> recs;
    for (int i = 0; i < values.size(); ++i)
        recs.push_back({values[i], kNow - agoSeconds[i]});
    return recs;
}

QList<int> valuesOf(const std::vector<HpaNormalizer::Recommendation> &recs)
{
    QList<int> out;
    for (const auto &r : recs)
        out.append(r.replicas);
    return out;
}

using Pod = HpaMetricProposal::Pod;

} // namespace

Q_DECLARE_METATYPE(HpaScalingRules)
Q_DECLARE_METATYPE(std::optional<HpaScalingRules>)

class TestHpaAlgorithm : public QObject
{
    Q_OBJECT

private slots:
    void podsMetricProposal_data();
    void podsMetricProposal();
    void proposalFromAverageEqualsPods();
    void toMilli_data();
    void toMilli();
    void ceilReplicas_data();
    void ceilReplicas();
    void combine_data();
    void combine();
    void scalingWithRules_data();
    void scalingWithRules();
    void stabilizeWithBehaviors_data();
    void stabilizeWithBehaviors();
    void stabilizeWithoutBehavior_data();
    void stabilizeWithoutBehavior();
    void convertWithRules_data();
    void convertWithRules();
    void selectPolicyMin();
    void storeScaleEvents_data();
    void storeScaleEvents();
    void reconcileMinMaxShortcut_data();
    void reconcileMinMaxShortcut();
};

void TestHpaAlgorithm::podsMetricProposal_data()
{
    QTest::addColumn<int>("current");
    QTest::addColumn<QList<qint64>>("levels"); // milli; -1 = no sample (missing)
    QTest::addColumn<QList<int>>("phases");    // 0 running, 1 pending, 2 failed
    QTest::addColumn<qint64>("target");
    QTest::addColumn<double>("tolDown");
    QTest::addColumn<double>("tolUp");
    QTest::addColumn<int>("expected");

    QTest::newRow("TestReplicaCalcScaleUpCM")
        << 3 << QList<qint64>{20000, 10000, 30000} << QList<int>{0, 0, 0} << qint64(15000) << 0.1
        << 0.1 << 4;
    // Readiness is ignored for non-CPU metrics: the NotReady-but-Running pod counts.
    QTest::newRow("TestReplicaCalcScaleUpCMUnreadyHotCpuNoLessScale")
        << 3 << QList<qint64>{50000, 10000, 30000} << QList<int>{0, 0, 0} << qint64(15000) << 0.1
        << 0.1 << 6;
    QTest::newRow("TestReplicaCalcScaleUpCMUnreadyHotCpuScaleWouldScaleDown")
        << 3 << QList<qint64>{50000, 15000, 30000} << QList<int>{0, 0, 0} << qint64(15000) << 0.1
        << 0.1 << 7;
    QTest::newRow("TestReplicaCalcScaleDownCM")
        << 5 << QList<qint64>{12000, 12000, 12000, 12000, 12000} << QList<int>{0, 0, 0, 0, 0}
        << qint64(20000) << 0.1 << 0.1 << 3;
    QTest::newRow("TestReplicaCalcToleranceCM")
        << 3 << QList<qint64>{20000, 21000, 21000} << QList<int>{0, 0, 0} << qint64(20000) << 0.1
        << 0.1 << 3;
    QTest::newRow("TestReplicaCalcConfigurableToleranceCM")
        << 3 << QList<qint64>{20000, 21000, 21000} << QList<int>{0, 0, 0} << qint64(20000) << 0.1
        << 0.01 << 4;
    // hpa-algorithm.md §2 fixtures (worked by hand from the pseudo-code):
    // a missing pod counts as idle on scale-up: (30+30+0)/3 = 20 vs 10 -> ceil(2 x 3) = 6.
    QTest::newRow("spec §2 missing pod on scale-up is idle")
        << 2 << QList<qint64>{30000, 30000, -1} << QList<int>{0, 0, 0} << qint64(10000) << 0.1
        << 0.1 << 6;
    // on scale-down it counts as on target: (2+2+10)/3 = 4.666 vs 10 -> ceil(0.4666 x 3) = 2.
    QTest::newRow("spec §2 missing pod on scale-down is on target")
        << 3 << QList<qint64>{2000, 2000, -1} << QList<int>{0, 0, 0} << qint64(10000) << 0.1 << 0.1
        << 2;
    // a pending pod counts as 0 on scale-up: (12+0)/2 = 6 vs 10 flips the direction -> current.
    QTest::newRow("spec §2 pending pod never flips the direction")
        << 2 << QList<qint64>{12000, -1} << QList<int>{0, 1} << qint64(10000) << 0.1 << 0.1 << 2;
    // deleted (here: failed) pods are ignored entirely.
    QTest::newRow("spec §2 failed pod ignored")
        << 1 << QList<qint64>{30000, 90000} << QList<int>{0, 2} << qint64(10000) << 0.1 << 0.1 << 3;
    QTest::newRow("spec §2 no metrics is invalid")
        << 2 << QList<qint64>{-1, -1} << QList<int>{0, 0} << qint64(10000) << 0.1 << 0.1 << -1;
}

void TestHpaAlgorithm::podsMetricProposal()
{
    QFETCH(int, current);
    QFETCH(QList<qint64>, levels);
    QFETCH(QList<int>, phases);
    QFETCH(qint64, target);
    QFETCH(double, tolDown);
    QFETCH(double, tolUp);
    QFETCH(int, expected);
    std::vector<Pod> pods;
    for (int i = 0; i < levels.size(); ++i) {
        Pod pod;
        pod.phase = static_cast<Pod::Phase>(phases[i]);
        if (levels[i] >= 0)
            pod.valueMilli = levels[i];
        pods.push_back(pod);
    }
    const auto proposal = HpaMetricProposal::fromPods(current, pods, target, {tolDown, tolUp});
    QCOMPARE(proposal.value_or(-1), expected);
}

void TestHpaAlgorithm::proposalFromAverageEqualsPods()
{
    // TestReplicaCalcScaleUpCM through the average path the replay uses: usage 20000 over 3.
    QCOMPARE(HpaMetricProposal::fromAverage(3, 20000, 3, 15000, {}).value_or(-1), 4);
    // TestReplicaCalcToleranceCM: usage floor(62000 / 3) = 20666 -> within 10 %.
    QCOMPARE(HpaMetricProposal::fromAverage(3, 20666, 3, 20000, {}).value_or(-1), 3);
    QVERIFY(!HpaMetricProposal::fromAverage(3, 20666, 0, 20000, {}));
    QCOMPARE(HpaMetricProposal::toMilli(0.5), qint64(500));
    QCOMPARE(HpaMetricProposal::toMilli(10.5), qint64(10500));
}

void TestHpaAlgorithm::toMilli_data()
{
    // round(value x 1000) half away from zero, as Go's math.Round, saturated at +-1e15 milli
    // and 0 for NaN; toMilli rounds without libm, std::round is the reference.
    QTest::addColumn<double>("value");
    QTest::addColumn<qint64>("expected");
    QTest::newRow("half up") << 0.0005 << qint64(std::llround(0.0005 * 1000.0));
    QTest::newRow("just below half") << 0.49999999999999994e-3 << qint64(0);
    QTest::newRow("negative half") << -0.0025 << qint64(std::llround(-0.0025 * 1000.0));
    QTest::newRow("60250 waiting") << 60250.0 << qint64(60250000);
    QTest::newRow("kv fraction") << 0.997 << qint64(997);
    QTest::newRow("fraction of a milli") << 12.3456 << qint64(12346);
    QTest::newRow("negative fraction") << -12.3454 << qint64(-12345);
    QTest::newRow("large half") << 123456789.0125 << qint64(std::llround(123456789.0125 * 1000.0));
    QTest::newRow("limit") << 1e12 << qint64(1000000000000000);
    QTest::newRow("just below limit") << 999999999999.9996 << qint64(1000000000000000);
    QTest::newRow("above limit") << 1e300 << qint64(1000000000000000);
    QTest::newRow("infinity") << std::numeric_limits<double>::infinity()
                              << qint64(1000000000000000);
    QTest::newRow("minus infinity")
        << -std::numeric_limits<double>::infinity() << qint64(-1000000000000000);
    QTest::newRow("NaN") << std::nan("") << qint64(0);
    QTest::newRow("negative zero") << -0.0 << qint64(0);
}

void TestHpaAlgorithm::toMilli()
{
    QFETCH(double, value);
    QFETCH(qint64, expected);
    QCOMPARE(HpaMetricProposal::toMilli(value), expected);
    if (std::isfinite(value * 1000.0) && std::abs(value * 1000.0) < 1e15)
        QCOMPARE(HpaMetricProposal::toMilli(value), qint64(std::llround(value * 1000.0)));
}

void TestHpaAlgorithm::ceilReplicas_data()
{
    // ceil(ratio x pods) as replicas: 0 at most below, 1e9 for absurd ratios and NaN (a leak
    // such as 60250 waiting requests must not overflow int32); std::ceil is the reference.
    QTest::addColumn<double>("ratio");
    QTest::addColumn<double>("pods");
    QTest::addColumn<int>("expected");
    QTest::newRow("exact") << 2.0 << 3.0 << 6;
    QTest::newRow("just above") << 1.0000001 << 3.0 << 4;
    QTest::newRow("fraction") << 0.25 << 3.0 << 1;
    QTest::newRow("zero usage") << 0.0 << 3.0 << 0;
    QTest::newRow("negative") << -0.5 << 3.0 << 0;
    QTest::newRow("just below the cap") << 999999999.5 << 1.0 << 1000000000;
    QTest::newRow("leak") << 6025.0 << 1e6 << 1000000000;
    QTest::newRow("infinity") << std::numeric_limits<double>::infinity() << 1.0 << 1000000000;
    QTest::newRow("NaN") << std::nan("") << 1.0 << 1000000000;
}

void TestHpaAlgorithm::ceilReplicas()
{
    QFETCH(double, ratio);
    QFETCH(double, pods);
    QFETCH(int, expected);
    QCOMPARE(HpaMetricProposal::ceilReplicas(ratio, pods), expected);
    const double reference = std::ceil(ratio * pods);
    if (reference >= 0 && reference < 1e9)
        QCOMPARE(HpaMetricProposal::ceilReplicas(ratio, pods), static_cast<int>(reference));
}

void TestHpaAlgorithm::combine_data()
{
    QTest::addColumn<int>("current");
    QTest::addColumn<QList<int>>("proposals"); // -1 = invalid metric
    QTest::addColumn<int>("expected");         // -1 = no decision
    // CPU at 40 % vs 30 % proposes ceil(3 x 4/3) = 4; the external metric returns nothing.
    QTest::newRow("TestScaleUpOneMetricEmpty") << 3 << QList<int>{4, -1} << 4;
    QTest::newRow("spec §3 one invalid blocks a scale-down") << 5 << QList<int>{3, -1} << -1;
    QTest::newRow("spec §3 all invalid") << 5 << QList<int>{-1, -1} << -1;
    QTest::newRow("spec §3 max of proposals") << 2 << QList<int>{2, 6} << 6;
    QTest::newRow("spec §3 zero proposal kept") << 2 << QList<int>{0, 0} << 0;
}

void TestHpaAlgorithm::combine()
{
    QFETCH(int, current);
    QFETCH(QList<int>, proposals);
    QFETCH(int, expected);
    std::vector<std::optional<int>> ps;
    for (int p : proposals)
        ps.push_back(p < 0 ? std::nullopt : std::optional<int>(p));
    QCOMPARE(HpaMetricProposal::combine(current, ps).value_or(-1), expected);
}

void TestHpaAlgorithm::scalingWithRules_data()
{
    QTest::addColumn<std::optional<HpaScalingRules>>("up");
    QTest::addColumn<std::optional<HpaScalingRules>>("down");
    QTest::addColumn<QList<int>>("upEvents");
    QTest::addColumn<QList<int>>("downEvents");
    QTest::addColumn<int>("minReplicas");
    QTest::addColumn<int>("maxReplicas");
    QTest::addColumn<int>("current");
    QTest::addColumn<int>("prenormalized");
    QTest::addColumn<int>("expected");
    QTest::addColumn<QString>("condition");
    using R = std::optional<HpaScalingRules>;
    const R none;
    const QList<int> no;
    // All rows: TestScalingWithRules (events spread over the last 120 s).
    auto row = [&](const char *name, R up, R down, QList<int> ue, QList<int> de, int min, int max,
                   int cur, int pre, int exp, const char *cond) {
        QTest::newRow(name) << up << down << ue << de << min << max << cur << pre << exp
                            << QString(cond);
    };
    row("prenormalized desired replicas within range", none, none, no, no, 3, 8, 5, 7, 7,
        "DesiredWithinRange");
    row("prenormalized desired replicas < minReplicas", none, none, no, no, 2, 8, 3, 1, 2,
        "TooFewReplicas");
    row("prenormalized desired replicas within range when minReplicas is 0", none, none, no, no, 0,
        10, 1, 0, 0, "DesiredWithinRange");
    row("maxReplicas is the limit because maxReplicas < scaleUpLimit", none, none, no, no, 1, 10,
        20, 1000, 10, "TooManyReplicas");
    row("desired replica count is more than the maximum replica count", none, none, no, no, 100,
        150, 100, 1000, 150, "TooManyReplicas");
    row("scaleUpLimit is the limit because scaleUpLimit < maxReplicas with user policies",
        rules(0, 0, 1, 60, 0), none, no, no, 1, 2000, 3, 1000, 4, "ScaleUpLimit");
    row("scaleUp with default behavior", none, none, no, no, 1, 1000, 10, 50, 20, "ScaleUpLimit");
    row("scaleUp with pods policy larger than percent policy", rules(100, 60, 100, 60, 0), none, no,
        no, 1, 1000, 10, 500, 110, "ScaleUpLimit");
    row("scaleUp with percent policy larger than pods policy", rules(2, 60, 100, 60, 0), none, no,
        no, 1, 1000, 10, 500, 20, "ScaleUpLimit");
    row("scaleUp with pod policy limitation", rules(30, 60, 0, 0, 0), none, no, no, 1, 1000, 10, 50,
        40, "ScaleUpLimit");
    row("scaleUp with percent policy limitation", rules(0, 0, 200, 60, 0), none, no, no, 1, 1000,
        10, 50, 30, "ScaleUpLimit");
    row("scaleDown with percent policy larger than pod policy", none, rules(20, 60, 1, 60, 300), no,
        no, 1, 1000, 100, 2, 80, "ScaleDownLimit");
    row("scaleDown with pod policy larger than percent policy", none, rules(2, 60, 1, 60, 300), no,
        no, 1, 1000, 100, 2, 98, "ScaleDownLimit");
    row("scaleDown with spec MinReplicas limitation with large pod policy", none,
        rules(100, 60, 0, 0, 300), no, no, 1, 1000, 10, 0, 1, "TooFewReplicas");
    row("scaleDown with pod policy limitation", none, rules(5, 60, 0, 0, 300), no, no, 1, 1000, 10,
        2, 5, "ScaleDownLimit");
    row("scaleUp with spec MaxReplicas limitation with large pod policy and events",
        rules(300, 60, 0, 0, 0), none, {1, 5, 9}, no, 1, 200, 100, 500, 200, "TooManyReplicas");
    row("scaleUp with currentReplicas limitation with rate.PeriodSeconds with a lot of recent "
        "scale up events",
        rules(5, 120, 0, 0, 0), none, {1, 5, 9}, no, 1, 1000, 100, 500, 100, "ScaleUpLimit");
    row("scaleUp with pod policy and previous scale up events", rules(150, 120, 0, 0, 0), none,
        {1, 5, 9}, no, 1, 1000, 100, 500, 235, "ScaleUpLimit");
    row("scaleUp with percent policy and previous scale up events", rules(0, 0, 200, 120, 0), none,
        {1, 5, 9}, no, 1, 1000, 100, 500, 255, "ScaleUpLimit");
    row("scaleUp with percent policy and previous scale up and down events",
        rules(0, 0, 300, 300, 0), none, {4}, {2}, 1, 1000, 6, 24, 16, "ScaleUpLimit");
    row("scaleDown with percent policy limitation and previous events", none,
        rules(0, 0, 50, 120, 300), no, {2, 4, 6}, 1, 1000, 100, 0, 56, "ScaleDownLimit");
    row("scaleDown with percent policy and previous scale up and down events", none,
        rules(0, 0, 50, 180, 0), {2}, {4}, 1, 1000, 10, 1, 6, "ScaleDownLimit");
    row("scaleDown with previous events preventing further scale down", none,
        rules(0, 0, 10, 120, 300), no, {10, 10, 10}, 1, 1000, 100, 0, 100, "ScaleDownLimit");
    row("scaleDown with with previous events still allowing more scale down", none,
        rules(0, 0, 1000, 120, 300), no, {10, 10, 10}, 1, 1000, 10, 5, 5, "DesiredWithinRange");
}

void TestHpaAlgorithm::scalingWithRules()
{
    QFETCH(std::optional<HpaScalingRules>, up);
    QFETCH(std::optional<HpaScalingRules>, down);
    QFETCH(QList<int>, upEvents);
    QFETCH(QList<int>, downEvents);
    QFETCH(int, minReplicas);
    QFETCH(int, maxReplicas);
    QFETCH(int, current);
    QFETCH(int, prenormalized);
    QFETCH(int, expected);
    QFETCH(QString, condition);
    HpaBehavior behavior; // GenerateHPAScale{Up,Down}Rules(nil) = the defaults
    if (up)
        behavior.scaleUp = *up;
    if (down)
        behavior.scaleDown = *down;
    const auto limited = HpaNormalizer::convertWithBehaviorRate(
        current, prenormalized, minReplicas, maxReplicas, behavior,
        upEvents.isEmpty() ? std::vector<HpaNormalizer::ScaleEvent>{}
                           : uniformEvents(upEvents, 120),
        downEvents.isEmpty() ? std::vector<HpaNormalizer::ScaleEvent>{}
                             : uniformEvents(downEvents, 120),
        kNow);
    QCOMPARE(limited.replicas, expected);
    QCOMPARE(QString::fromUtf8(limited.reason.data(), limited.reason.size()), condition);
}

void TestHpaAlgorithm::stabilizeWithBehaviors_data()
{
    QTest::addColumn<QList<int>>("recs");
    QTest::addColumn<QList<int>>("ago");
    QTest::addColumn<int>("current");
    QTest::addColumn<int>("raw");
    QTest::addColumn<int>("upWindow");
    QTest::addColumn<int>("downWindow");
    QTest::addColumn<int>("expected");
    QTest::addColumn<QList<int>>("stored"); // empty: not checked upstream
    // All rows: TestNormalizeDesiredReplicasWithBehavior.
    QTest::newRow("empty recommendations for scaling down")
        << QList<int>{} << QList<int>{} << 100 << 5 << 0 << 0 << 5 << QList<int>{5};
    QTest::newRow("simple scale down stabilization")
        << QList<int>{4, 5} << QList<int>{120, 60} << 100 << 3 << 0 << 180 << 5
        << QList<int>{4, 5, 3};
    QTest::newRow("simple scale up stabilization") << QList<int>{4, 5} << QList<int>{120, 60} << 1
                                                   << 7 << 300 << 0 << 4 << QList<int>{4, 5, 7};
    QTest::newRow("no scale down stabilization") << QList<int>{1, 2} << QList<int>{120, 60} << 100
                                                 << 3 << 300 << 0 << 3 << QList<int>{1, 2, 3};
    QTest::newRow("no scale up stabilization") << QList<int>{4, 5} << QList<int>{120, 60} << 1 << 3
                                               << 0 << 300 << 3 << QList<int>{4, 5, 3};
    QTest::newRow("no scale down stabilization, reuse recommendation element")
        << QList<int>{10, 9} << QList<int>{600, 540} << 100 << 3 << 0 << 0 << 3
        << QList<int>{10, 3};
    QTest::newRow("no scale up stabilization, reuse recommendation element")
        << QList<int>{10, 9} << QList<int>{600, 540} << 1 << 100 << 0 << 0 << 100
        << QList<int>{10, 100};
    QTest::newRow("scale down stabilization, reuse one of obsolete recommendation element")
        << QList<int>{10, 4, 5, 9} << QList<int>{600, 60, 120, 540} << 100 << 3 << 0 << 180 << 5
        << QList<int>{10, 4, 5, 3};
    QTest::newRow("scale up stabilization, reuse one of obsolete recommendation element")
        << QList<int>{10, 6, 5, 9} << QList<int>{6000, 60, 120, 180} << 1 << 100 << 300 << 0 << 5
        << QList<int>{100, 6, 5, 9};
    QTest::newRow(
        "scale up and down stabilization, do not scale up when prenormalized rec goes down")
        << QList<int>{2, 3} << QList<int>{6000, 180} << 2 << 1 << 300 << 300 << 2 << QList<int>{};
    QTest::newRow(
        "scale up and down stabilization, do not scale down when prenormalized rec goes up")
        << QList<int>{2, 1} << QList<int>{6000, 180} << 2 << 3 << 300 << 300 << 2 << QList<int>{};
}

void TestHpaAlgorithm::stabilizeWithBehaviors()
{
    QFETCH(QList<int>, recs);
    QFETCH(QList<int>, ago);
    QFETCH(int, current);
    QFETCH(int, raw);
    QFETCH(int, upWindow);
    QFETCH(int, downWindow);
    QFETCH(int, expected);
    QFETCH(QList<int>, stored);
    auto log = recommendations(recs, ago);
    QCOMPARE(HpaNormalizer::stabilizeWithBehaviors(log, kNow, raw, current, upWindow, downWindow),
             expected);
    if (!stored.isEmpty())
        QCOMPARE(valuesOf(log), stored);
}

void TestHpaAlgorithm::stabilizeWithoutBehavior_data()
{
    QTest::addColumn<QList<int>>("recs");
    QTest::addColumn<QList<int>>("ago");
    QTest::addColumn<int>("raw");
    QTest::addColumn<int>("expected");
    QTest::addColumn<int>("logLength");
    // All rows: TestNormalizeDesiredReplicas (downscale window 5 min).
    QTest::newRow("empty log") << QList<int>{} << QList<int>{} << 5 << 5 << 1;
    QTest::newRow("stabilize") << QList<int>{4, 5} << QList<int>{120, 60} << 3 << 5 << 3;
    QTest::newRow("no stabilize") << QList<int>{1, 2} << QList<int>{120, 60} << 3 << 3 << 3;
    QTest::newRow("no stabilize - old recommendations")
        << QList<int>{10, 9} << QList<int>{600, 540} << 3 << 3 << 2;
    QTest::newRow("stabilize - old recommendations")
        << QList<int>{10, 4, 5, 9} << QList<int>{600, 60, 120, 540} << 3 << 5 << 4;
}

void TestHpaAlgorithm::stabilizeWithoutBehavior()
{
    QFETCH(QList<int>, recs);
    QFETCH(QList<int>, ago);
    QFETCH(int, raw);
    QFETCH(int, expected);
    QFETCH(int, logLength);
    auto log = recommendations(recs, ago);
    QCOMPARE(HpaNormalizer::stabilize(log, kNow, raw, 300), expected);
    QCOMPARE(static_cast<int>(log.size()), logLength);
}

void TestHpaAlgorithm::convertWithRules_data()
{
    QTest::addColumn<int>("current");
    QTest::addColumn<int>("desired");
    QTest::addColumn<int>("minReplicas");
    QTest::addColumn<int>("maxReplicas");
    QTest::addColumn<int>("expected");
    QTest::addColumn<QString>("condition");
    // All rows: TestConvertDesiredReplicasWithRules.
    QTest::newRow("prenormalized desired replicas within range")
        << 5 << 7 << 3 << 8 << 7 << "DesiredWithinRange";
    QTest::newRow("prenormalized desired replicas < minReplicas")
        << 3 << 1 << 2 << 8 << 2 << "TooFewReplicas";
    QTest::newRow("prenormalized desired zeroed replicas within range")
        << 1 << 0 << 0 << 10 << 0 << "DesiredWithinRange";
    QTest::newRow("maxReplicas is the limit because maxReplicas < scaleUpLimit")
        << 20 << 1000 << 1 << 10 << 10 << "TooManyReplicas";
    // Upstream expects calculateScaleUpLimit(3); its test init() raises the factor to 8, the
    // controller's is 2: max(2 x 3, 4) = 6.
    QTest::newRow("scaleUpLimit is the limit because scaleUpLimit < maxReplicas")
        << 3 << 1000 << 1 << 2000 << 6 << "ScaleUpLimit";
    QTest::newRow("spec §5 cap of 4 from one replica") << 1 << 50 << 1 << 10 << 4 << "ScaleUpLimit";
}

void TestHpaAlgorithm::convertWithRules()
{
    QFETCH(int, current);
    QFETCH(int, desired);
    QFETCH(int, minReplicas);
    QFETCH(int, maxReplicas);
    QFETCH(int, expected);
    QFETCH(QString, condition);
    const auto limited =
        HpaNormalizer::convertWithRules(current, desired, minReplicas, maxReplicas);
    QCOMPARE(limited.replicas, expected);
    QCOMPARE(QString::fromUtf8(limited.reason.data(), limited.reason.size()), condition);
}

void TestHpaAlgorithm::selectPolicyMin()
{
    HpaScalingRules r;
    r.selectPolicy = HpaSelectPolicy::Min;
    r.stabilizationWindowSeconds = 300;
    r.policies = {{HpaScalingPolicy::Type::Pods, 2, 60}, {HpaScalingPolicy::Type::Percent, 50, 60}};
    // TestCalculateScaleUpLimitWithScalingRules: min(1 + 2, ceil(1 x 1.5)) = 2.
    QCOMPARE(HpaNormalizer::scaleUpLimit(1, {}, {}, r, kNow), 2);
    // TestCalculateScaleDownLimitWithBehaviors: max(5 - 2, int(5 x 0.5)) = 3.
    QCOMPARE(HpaNormalizer::scaleDownLimit(5, {}, {}, r, kNow), 3);
    r.selectPolicy = HpaSelectPolicy::Disabled;
    QCOMPARE(HpaNormalizer::scaleUpLimit(1, {}, {}, r, kNow), 1);
    QCOMPARE(HpaNormalizer::scaleDownLimit(5, {}, {}, r, kNow), 5);
}

void TestHpaAlgorithm::storeScaleEvents_data()
{
    QTest::addColumn<QList<int>>("prev");
    QTest::addColumn<QList<int>>("ago");
    QTest::addColumn<HpaScalingRules>("rules");
    QTest::addColumn<int>("changeIn60s");
    QTest::addColumn<QList<int>>("after");
    // All rows: TestStoreScaleEvents (replicaChange 5).
    QTest::newRow("empty entries with two-policy-behavior")
        << QList<int>{} << QList<int>{} << rules(10, 60, 100, 60, 0) << 0 << QList<int>{5};
    QTest::newRow("one outdated entry to be replaced with behavior")
        << QList<int>{7} << QList<int>{61} << rules(10, 60, 100, 60, 0) << 0 << QList<int>{5};
    QTest::newRow("one actual entry to be not touched with behavior")
        << QList<int>{7} << QList<int>{58} << rules(10, 60, 100, 60, 0) << 7 << QList<int>{7, 5};
    QTest::newRow("two entries, one of them to be replaced")
        << QList<int>{7, 6} << QList<int>{61, 59} << rules(10, 60, 0, 0, 0) << 6
        << QList<int>{5, 6};
    QTest::newRow("replace one entry, use policies with different periods")
        << QList<int>{8, 6, 7, 9} << QList<int>{29, 59, 61, 61} << rules(10, 60, 100, 30, 0) << 14
        << QList<int>{8, 6, 7, 5};
    QTest::newRow("two entries, both actual")
        << QList<int>{7, 6} << QList<int>{58, 59} << rules(10, 120, 100, 30, 0) << 13
        << QList<int>{7, 6, 5};
}

void TestHpaAlgorithm::storeScaleEvents()
{
    QFETCH(QList<int>, prev);
    QFETCH(QList<int>, ago);
    QFETCH(HpaScalingRules, rules);
    QFETCH(int, changeIn60s);
    QFETCH(QList<int>, after);
    std::vector<HpaNormalizer::ScaleEvent> events;
    for (int i = 0; i < prev.size(); ++i)
        events.push_back({prev[i], kNow - ago[i]});
    QCOMPARE(HpaNormalizer::changeInPeriod(events, 60, kNow), changeIn60s);
    HpaNormalizer::storeScaleEvent(events, rules, 5, kNow);
    QList<int> got;
    for (const auto &e : events)
        got.append(e.change);
    QCOMPARE(got, after);
}

void TestHpaAlgorithm::reconcileMinMaxShortcut_data()
{
    QTest::addColumn<int>("minReplicas");
    QTest::addColumn<int>("maxReplicas");
    QTest::addColumn<int>("current");
    QTest::addColumn<int>("expected");
    // TestScaleRCImmediately: no metric is computed, whatever it says.
    QTest::newRow("scale up to min when below min replicas") << 2 << 6 << 1 << 2;
    QTest::newRow("scale down to max when above max replicas") << 2 << 5 << 6 << 5;
}

void TestHpaAlgorithm::reconcileMinMaxShortcut()
{
    QFETCH(int, minReplicas);
    QFETCH(int, maxReplicas);
    QFETCH(int, current);
    QFETCH(int, expected);
    HpaSpec spec;
    spec.minReplicas = minReplicas;
    spec.maxReplicas = maxReplicas;
    HpaReconciler reconciler(spec);
    // A proposal that would say otherwise must be ignored by the shortcut.
    const auto d = reconciler.reconcile(kNow, current, 100);
    QCOMPARE(d.desired, expected);
    QVERIFY(!d.raw);
}

QTEST_APPLESS_MAIN(TestHpaAlgorithm)
#include "tst_hpa_algorithm.moc"
