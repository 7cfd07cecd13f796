// ParetoFront: what-ifs no other beats on both costs (replica-hours, under-provisioning).
#include "core/analysis/pareto_front.h"

#include <QTest>

#include <cmath>

using namespace hpa::core;

class TestParetoFront : public QObject
{
    Q_OBJECT

private slots:
    void front_data();
    void front();
};

void TestParetoFront::front_data()
{
    QTest::addColumn<std::vector<double>>("x");
    QTest::addColumn<std::vector<double>>("y");
    QTest::addColumn<std::vector<bool>>("expected");
    // (1,5) (2,3) (3,1) trade off; (3,4) is beaten by (2,3) on both.
    QTest::newRow("trade-off") << std::vector<double>{1, 2, 3, 3} << std::vector<double>{5, 3, 1, 4}
                               << std::vector<bool>{true, true, true, false};
    // Equal x, higher y is dominated; equal y, higher x too.
    QTest::newRow("ties") << std::vector<double>{1, 1, 2} << std::vector<double>{2, 3, 2}
                          << std::vector<bool>{true, false, false};
    // Identical points are both on the front (neither is strictly better).
    QTest::newRow("identical") << std::vector<double>{1, 1} << std::vector<double>{2, 2}
                               << std::vector<bool>{true, true};
    // A what-if that could not be scored (NaN) is never on it and dominates nothing.
    QTest::newRow("unknown") << std::vector<double>{NAN, 2, 0} << std::vector<double>{0, 1, NAN}
                             << std::vector<bool>{false, true, false};
    QTest::newRow("empty") << std::vector<double>{} << std::vector<double>{} << std::vector<bool>{};
}

void TestParetoFront::front()
{
    QFETCH(std::vector<double>, x);
    QFETCH(std::vector<double>, y);
    QFETCH(std::vector<bool>, expected);
    std::vector<ParetoFront::Point> points;
    for (std::size_t i = 0; i < x.size(); ++i)
        points.push_back({x[i], y[i]});
    QCOMPARE(ParetoFront::of(points), expected);
}

QTEST_APPLESS_MAIN(TestParetoFront)
#include "tst_pareto_front.moc"
