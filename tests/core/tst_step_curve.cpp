// StepCurve: a per-row count reduced to its changes (the what-if line on the replicas chart).
#include "core/plot/step_curve.h"

#include <QTest>

using namespace hpa::core;

class TestStepCurve : public QObject
{
    Q_OBJECT

private slots:
    void steps_data();
    void steps();
    void lookup();
};

void TestStepCurve::steps_data()
{
    QTest::addColumn<std::vector<double>>("time");
    QTest::addColumn<std::vector<int>>("counts");
    QTest::addColumn<std::vector<double>>("stepTime");
    QTest::addColumn<std::vector<int>>("stepCount");
    // A run that never changes: its first and last row, so the line spans the run.
    QTest::newRow("flat") << std::vector<double>{0, 5, 10} << std::vector<int>{2, 2, 2}
                          << std::vector<double>{0, 10} << std::vector<int>{2, 2};
    // 1 -> 3 at 5 s, 3 -> 2 at 15 s; the last row repeats the last count.
    QTest::newRow("changes") << std::vector<double>{0, 5, 10, 15, 20}
                             << std::vector<int>{1, 3, 3, 2, 2} << std::vector<double>{0, 5, 15, 20}
                             << std::vector<int>{1, 3, 2, 2};
    // A change at the last row is its own step (no duplicate closing point).
    QTest::newRow("last row changes") << std::vector<double>{0, 5} << std::vector<int>{1, 4}
                                      << std::vector<double>{0, 5} << std::vector<int>{1, 4};
    // Unknown counts (-1) are steps too: the layer leaves them out.
    QTest::newRow("unknown") << std::vector<double>{0, 5, 10} << std::vector<int>{1, -1, 1}
                             << std::vector<double>{0, 5, 10} << std::vector<int>{1, -1, 1};
    QTest::newRow("sizes differ") << std::vector<double>{0, 5} << std::vector<int>{1}
                                  << std::vector<double>{} << std::vector<int>{};
    QTest::newRow("empty") << std::vector<double>{} << std::vector<int>{} << std::vector<double>{}
                           << std::vector<int>{};
}

void TestStepCurve::steps()
{
    QFETCH(std::vector<double>, time);
    QFETCH(std::vector<int>, counts);
    QFETCH(std::vector<double>, stepTime);
    QFETCH(std::vector<int>, stepCount);
    const StepCurve c = StepCurve::of(time, counts);
    QCOMPARE(c.time, stepTime);
    QCOMPARE(c.count, stepCount);
}

void TestStepCurve::lookup()
{
    const StepCurve c = StepCurve::of(std::vector<double>{0, 5, 10, 15, 20}, {1, 3, 3, 2, 2});
    QCOMPARE(c.at(-1), -1);
    QCOMPARE(c.at(0), 1);
    QCOMPARE(c.at(4.9), 1);
    QCOMPARE(c.at(5), 3);
    QCOMPARE(c.at(14), 3);
    QCOMPARE(c.at(100), 2);
    QCOMPARE(c.maximum(), 3);
    // A million rows with ten changes: 11 steps and the closing point.
    std::vector<double> t(1000000);
    std::vector<int> n(t.size());
    for (std::size_t i = 0; i < t.size(); ++i) {
        t[i] = 5.0 * double(i);
        n[i] = 1 + int(i / 100000);
    }
    const StepCurve big = StepCurve::of(t, n);
    QCOMPARE(big.time.size(), std::size_t(11));
    QCOMPARE(big.at(5.0 * 250000), 3);
}

QTEST_APPLESS_MAIN(TestStepCurve)
#include "tst_step_curve.moc"
