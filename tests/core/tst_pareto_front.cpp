#include "core/library/pareto_front.h"

#include <QTest>

using hpa::core::ParetoFront;
using Points = std::vector<ParetoFront::Point>;
using Indices = std::vector<std::size_t>;
Q_DECLARE_METATYPE(Points)
Q_DECLARE_METATYPE(Indices)

class TestParetoFront : public QObject
{
    Q_OBJECT

private slots:
    void front_data()
    {
        QTest::addColumn<Points>("points");
        QTest::addColumn<bool>("lowerX");
        QTest::addColumn<bool>("lowerY");
        QTest::addColumn<Indices>("expected");
        // Cost (replica-hours) vs θU %, both better lower: (1,9) (2,5) (4,1) trade off;
        // (3,6) is beaten by (2,5); (5,1) by (4,1).
        QTest::newRow("cost vs thetaU")
            << Points{{3, 6}, {1, 9}, {4, 1}, {2, 5}, {5, 1}} << true << true << Indices{1, 3, 2};
        // Cost vs SLO attainment (higher better): (1,50) (2,80) (3,99); (2.5,70) is beaten.
        QTest::newRow("cost vs attainment")
            << Points{{2, 80}, {3, 99}, {1, 50}, {2.5, 70}} << true << false << Indices{2, 0, 1};
        QTest::newRow("equal points all on the front")
            << Points{{1, 1}, {1, 1}, {2, 2}} << true << true << Indices{0, 1};
        QTest::newRow("one point") << Points{{7, 7}} << true << true << Indices{0};
        QTest::newRow("none") << Points{} << true << true << Indices{};
        QTest::newRow("same x: only the better y")
            << Points{{1, 5}, {1, 3}} << true << true << Indices{1};
    }
    void front()
    {
        QFETCH(Points, points);
        QFETCH(bool, lowerX);
        QFETCH(bool, lowerY);
        QFETCH(Indices, expected);
        QCOMPARE(ParetoFront::indices(points, lowerX, lowerY), expected);
    }
};

QTEST_GUILESS_MAIN(TestParetoFront)
#include "tst_pareto_front.moc"
