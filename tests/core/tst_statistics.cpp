#include "core/analysis/statistics.h"

#include <QList>
#include <QTest>

#include <cmath>
#include <limits>

using hpa::core::SeriesStats;
using hpa::core::Statistics;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

std::span<const double> spanOf(const QList<double> &list)
{
    return {list.constData(), static_cast<std::size_t>(list.size())};
}

/// Deterministic, unsorted, with duplicates: a permutation-like walk over 0..1008.
QList<double> scrambled(double offset)
{
    QList<double> values;
    for (int i = 0; i < 1000; ++i)
        values.append((static_cast<double>((i * 7919) % 1009) - offset) / 10.0);
    return values;
}

} // namespace

class TestStatistics : public QObject
{
    Q_OBJECT

private slots:
    void percentile_data();
    void percentile();
    void percentileOfEmptyIsNaN();
    void describe_data();
    void describe();
    void describeWithoutQualifyingValues_data();
    void describeWithoutQualifyingValues();
    void describeDoesNotNeedSortedInput();
    void pearson_data();
    void pearson();
    void pearsonUndefined_data();
    void pearsonUndefined();
    void medianInterval_data();
    void medianInterval();
};

void TestStatistics::percentile_data()
{
    QTest::addColumn<QList<double>>("sorted");
    QTest::addColumn<double>("q");
    QTest::addColumn<double>("expected");

    // Expected values from numpy.percentile (default "linear" method).
    const QList<double> odd{1, 2, 3, 4, 5};
    QTest::newRow("odd q0") << odd << 0.0 << 1.0;
    QTest::newRow("odd q25") << odd << 25.0 << 2.0;
    QTest::newRow("odd q50") << odd << 50.0 << 3.0;
    QTest::newRow("odd q90") << odd << 90.0 << 4.6;
    QTest::newRow("odd q100") << odd << 100.0 << 5.0;
    const QList<double> even{1, 2, 3, 4};
    QTest::newRow("even q50") << even << 50.0 << 2.5;
    QTest::newRow("even q90") << even << 90.0 << 3.7;
    QTest::newRow("even q99") << even << 99.0 << 3.97;
    QTest::newRow("single q0") << QList<double>{7} << 0.0 << 7.0;
    QTest::newRow("single q50") << QList<double>{7} << 50.0 << 7.0;
    QTest::newRow("single q100") << QList<double>{7} << 100.0 << 7.0;
    const QList<double> tens{10, 20, 30, 40, 50, 60, 70, 80, 90, 100};
    QTest::newRow("tens q99") << tens << 99.0 << 99.1;
    QTest::newRow("tens q33.3") << tens << 33.3 << 39.97;
    QTest::newRow("ties") << QList<double>{1, 2, 2, 2, 9} << 75.0 << 2.0;
    QTest::newRow("negative") << QList<double>{-8, -4, 0} << 25.0 << -6.0;
    QTest::newRow("q below 0 clamps") << odd << -10.0 << 1.0;
    QTest::newRow("q above 100 clamps") << odd << 150.0 << 5.0;
}

void TestStatistics::percentile()
{
    QFETCH(QList<double>, sorted);
    QFETCH(double, q);
    QFETCH(double, expected);
    QCOMPARE(Statistics::percentile(spanOf(sorted), q), expected);
}

void TestStatistics::percentileOfEmptyIsNaN()
{
    QVERIFY(std::isnan(Statistics::percentile({}, 50)));
    const QList<double> values{1, 2};
    QVERIFY(std::isnan(Statistics::percentile(spanOf(values), kNaN)));
}

void TestStatistics::describe_data()
{
    QTest::addColumn<QList<double>>("values");
    QTest::addColumn<bool>("positiveOnly");
    QTest::addColumn<int>("count");
    QTest::addColumn<double>("mean");
    QTest::addColumn<double>("min");
    QTest::addColumn<double>("max");
    QTest::addColumn<double>("p50");
    QTest::addColumn<double>("p90");
    QTest::addColumn<double>("p99");

    // Expected values from numpy (mean/min/max/percentile) over the hand-filtered values.
    const QList<double> mixed{3.5, kNaN, 0, 12.25, kInf, 0, 7, -1, 1.5};
    QTest::newRow("skips NaN and inf")
        << mixed << false << 7 << 3.3214285714285716 << -1.0 << 12.25 << 1.5 << 9.1 << 11.935;
    QTest::newRow("positive only")
        << mixed << true << 4 << 6.0625 << 1.5 << 12.25 << 5.25 << 10.675 << 12.0925;
    QTest::newRow("single value") << QList<double>{kNaN, 42, -kInf} << false << 1 << 42.0 << 42.0
                                  << 42.0 << 42.0 << 42.0 << 42.0;
    // n = 3: p90 and p99 share the lower rank, n = 2: all three do.
    QTest::newRow("three unsorted")
        << QList<double>{5, 1, 3} << false << 3 << 3.0 << 1.0 << 5.0 << 3.0 << 4.6 << 4.96;
    QTest::newRow("two unsorted") << QList<double>{4, 2} << false << 2 << 3.0 << 2.0 << 4.0 << 3.0
                                  << 3.8 << 3.98;
    QTest::newRow("constant") << QList<double>{2, 2, 2, 2} << false << 4 << 2.0 << 2.0 << 2.0 << 2.0
                              << 2.0 << 2.0;
    QTest::newRow("scrambled 1000")
        << scrambled(0) << false << 1000 << 50.4678 << 0.0 << 100.8 << 50.55 << 90.71 << 99.801;
    QTest::newRow("scrambled positive") << scrambled(300) << true << 702 << 35.52108262108263 << 0.1
                                        << 70.8 << 35.55 << 63.79 << 70.099;
}

void TestStatistics::describe()
{
    QFETCH(QList<double>, values);
    QFETCH(bool, positiveOnly);
    QFETCH(int, count);

    const std::optional<SeriesStats> stats = Statistics::describe(spanOf(values), positiveOnly);
    QVERIFY(stats.has_value());
    QCOMPARE(stats->count, static_cast<std::size_t>(count));
    QTEST(stats->mean, "mean");
    QTEST(stats->min, "min");
    QTEST(stats->max, "max");
    QTEST(stats->p50, "p50");
    QTEST(stats->p90, "p90");
    QTEST(stats->p99, "p99");
}

void TestStatistics::describeWithoutQualifyingValues_data()
{
    QTest::addColumn<QList<double>>("values");
    QTest::addColumn<bool>("positiveOnly");

    QTest::newRow("empty") << QList<double>{} << false;
    QTest::newRow("all missing") << QList<double>{kNaN, kInf, -kInf} << false;
    QTest::newRow("no positive") << QList<double>{0, 0, -3, kNaN} << true;
}

void TestStatistics::describeWithoutQualifyingValues()
{
    QFETCH(QList<double>, values);
    QFETCH(bool, positiveOnly);
    QVERIFY(!Statistics::describe(spanOf(values), positiveOnly).has_value());
}

void TestStatistics::describeDoesNotNeedSortedInput()
{
    // Same multiset in three orders must give identical percentiles.
    const QList<double> ascending{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
    const QList<double> descending{11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1};
    const QList<double> shuffled{7, 2, 11, 5, 1, 9, 3, 10, 6, 4, 8};
    for (const auto &values : {ascending, descending, shuffled}) {
        const auto stats = Statistics::describe(spanOf(values));
        QVERIFY(stats.has_value());
        QCOMPARE(stats->p50, 6.0);
        QCOMPARE(stats->p90, 10.0);
        QCOMPARE(stats->p99, 10.9);
    }
}

void TestStatistics::pearson_data()
{
    QTest::addColumn<QList<double>>("a");
    QTest::addColumn<QList<double>>("b");
    QTest::addColumn<double>("expected");

    // Expected values from numpy.corrcoef.
    const QList<double> x{1, 2, 3, 4, 5, 6, 7, 8};
    const QList<double> y{2.1, 3.9, 6.2, 7.8, 9.7, 12.5, 13.1, 16.4};
    QTest::newRow("known dataset") << x << y << 0.9958299476089144;
    QTest::newRow("negative") << QList<double>{1, 2, 3, 4, 5, 6} << QList<double>{9, 7, 8, 3, 4, 1}
                              << -0.9189132409545225;
    QTest::newRow("perfectly anticorrelated")
        << QList<double>{0, 1, 2, 3, 4} << QList<double>{1, -1, -3, -5, -7} << -1.0;
    QTest::newRow("perfectly correlated")
        << QList<double>{3, 1, 2} << QList<double>{30, 10, 20} << 1.0;
    QTest::newRow("two rows") << QList<double>{1, 2} << QList<double>{5, 3} << -1.0;
    // Rows 1, 2 and 5 have a missing side; numpy over rows (1,2), (4,1), (5,8), (7,6).
    QTest::newRow("pairwise complete")
        << QList<double>{1, kNaN, 3, 4, 5, kInf, 7} << QList<double>{2, 5, kNaN, 1, 8, 3, 6}
        << 0.6355859231047011;
    // A naive one-pass formula loses every digit at this offset.
    QList<double> xo, yo;
    for (int i = 0; i < x.size(); ++i) {
        xo.append(x[i] + 1e9);
        yo.append(y[i] * 1000 + 5e8);
    }
    QTest::newRow("large offset") << xo << yo << 0.9958299476089144;
    QTest::newRow("longer side ignored")
        << QList<double>{1, 2, 3, 99} << QList<double>{1, 2, 3} << 1.0;
}

void TestStatistics::pearson()
{
    QFETCH(QList<double>, a);
    QFETCH(QList<double>, b);
    QFETCH(double, expected);

    const std::optional<double> r = Statistics::pearson(spanOf(a), spanOf(b));
    QVERIFY(r.has_value());
    QCOMPARE(*r, expected);
    QVERIFY(*r >= -1.0 && *r <= 1.0);
}

void TestStatistics::pearsonUndefined_data()
{
    QTest::addColumn<QList<double>>("a");
    QTest::addColumn<QList<double>>("b");

    QTest::newRow("empty") << QList<double>{} << QList<double>{};
    QTest::newRow("one row") << QList<double>{1} << QList<double>{2};
    QTest::newRow("one complete row") << QList<double>{1, kNaN, 3} << QList<double>{4, 5, kNaN};
    QTest::newRow("constant a") << QList<double>{2, 2, 2, 2} << QList<double>{1, 2, 3, 4};
    QTest::newRow("constant b") << QList<double>{1, 2, 3, 4} << QList<double>{0, 0, 0, 0};
    QTest::newRow("constant where complete")
        << QList<double>{5, 1, 5, 5} << QList<double>{1, kNaN, 2, 3};
}

void TestStatistics::pearsonUndefined()
{
    QFETCH(QList<double>, a);
    QFETCH(QList<double>, b);
    QVERIFY(!Statistics::pearson(spanOf(a), spanOf(b)).has_value());
}

void TestStatistics::medianInterval_data()
{
    QTest::addColumn<QList<double>>("times");
    QTest::addColumn<double>("expected");

    QTest::newRow("empty") << QList<double>{} << 0.0;
    QTest::newRow("single") << QList<double>{100} << 0.0;
    QTest::newRow("regular") << QList<double>{0, 5, 10, 15} << 5.0;
    // Differences 1, 1, 2, 0, 6: the zero is dropped, median of {1, 1, 2, 6} is 1.5.
    QTest::newRow("duplicate time") << QList<double>{0, 1, 2, 4, 4, 10} << 1.5;
    // Differences 10, -5, 20, 10: the backwards step is dropped, median of {10, 20, 10}.
    QTest::newRow("backwards step") << QList<double>{0, 10, 5, 25, 35} << 10.0;
    // Differences NaN, NaN, 2, 4: only 2 and 4 are usable.
    QTest::newRow("missing time") << QList<double>{0, kNaN, 10, 12, 16} << 3.0;
    QTest::newRow("no positive step") << QList<double>{3, 3, 3} << 0.0;
    QTest::newRow("epoch seconds")
        << QList<double>{1.7e9, 1.7e9 + 15, 1.7e9 + 30, 1.7e9 + 60} << 15.0;
}

void TestStatistics::medianInterval()
{
    QFETCH(QList<double>, times);
    QFETCH(double, expected);
    QCOMPARE(Statistics::medianInterval(spanOf(times)), expected);
}

QTEST_GUILESS_MAIN(TestStatistics)
#include "tst_statistics.moc"
