// ParetoFront: runs (library scatter) or what-ifs (sweep view) no other beats on both axes.
#include "core/analysis/pareto_front.h"

#include <QTest>

#include <cmath>

using hpa::core::ParetoFront;
using Points = std::vector<ParetoFront::Point>;
using Indices = std::vector<std::size_t>;
Q_DECLARE_METATYPE(Points)
Q_DECLARE_METATYPE(Indices)

class TestParetoFront : public QObject
{
    Q_OBJECT

private slots:
    void indices_data();
    void indices();
    void of_data();
    void of();
};

void TestParetoFront::indices_data()
{
    QTest::addColumn<Points>("points");
    QTest::addColumn<bool>("lowerX");
    QTest::addColumn<bool>("lowerY");
    QTest::addColumn<Indices>("expected");
    // Cost (replica-hours) vs θU %, both better lower: (1,9) (2,5) (4,1) trade off;
    // (3,6) is beaten by (2,5); (5,1) by (4,1).
    QTest::newRow("cost vs thetaU") << Points{{3, 6}, {1, 9}, {4, 1}, {2, 5}, {5, 1}} << true
                                    << true << Indices{1, 3, 2};
    // Cost vs SLO attainment (higher better): (1,50) (2,80) (3,99); (2.5,70) is beaten.
    QTest::newRow("cost vs attainment")
        << Points{{2, 80}, {3, 99}, {1, 50}, {2.5, 70}} << true << false << Indices{2, 0, 1};
    QTest::newRow("equal points all on the front")
        << Points{{1, 1}, {1, 1}, {2, 2}} << true << true << Indices{0, 1};
    QTest::newRow("one point") << Points{{7, 7}} << true << true << Indices{0};
    QTest::newRow("none") << Points{} << true << true << Indices{};
    QTest::newRow("same x: only the better y") << Points{{1, 5}, {1, 3}} << true << true
                                               << Indices{1};
    // A run or what-if that could not be scored (NaN) is never on it and beats nothing.
    QTest::newRow("unknown") << Points{{NAN, 0}, {2, 1}, {0, NAN}} << true << true << Indices{1};
}

void TestParetoFront::indices()
{
    QFETCH(Points, points);
    QFETCH(bool, lowerX);
    QFETCH(bool, lowerY);
    QFETCH(Indices, expected);
    QCOMPARE(ParetoFront::indices(points, lowerX, lowerY), expected);
}

void TestParetoFront::of_data()
{
    QTest::addColumn<Points>("points");
    QTest::addColumn<std::vector<bool>>("expected");
    // (1,5) (2,3) (3,1) trade off; (3,4) is beaten by (2,3) on both.
    QTest::newRow("trade-off") << Points{{1, 5}, {2, 3}, {3, 1}, {3, 4}}
                               << std::vector<bool>{true, true, true, false};
    // Equal x, higher y is dominated; equal y, higher x too.
    QTest::newRow("ties") << Points{{1, 2}, {1, 3}, {2, 2}} << std::vector<bool>{true, false, false};
    // Identical points are both on the front (neither is strictly better).
    QTest::newRow("identical") << Points{{1, 2}, {1, 2}} << std::vector<bool>{true, true};
    QTest::newRow("unknown") << Points{{NAN, 0}, {2, 1}, {0, NAN}}
                             << std::vector<bool>{false, true, false};
    QTest::newRow("empty") << Points{} << std::vector<bool>{};
}

void TestParetoFront::of()
{
    QFETCH(Points, points);
    QFETCH(std::vector<bool>, expected);
    QCOMPARE(ParetoFront::of(points), expected);
}

QTEST_APPLESS_MAIN(TestParetoFront)
#include "tst_pareto_front.moc"
