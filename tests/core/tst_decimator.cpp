#include "core/plot/decimator.h"

#include <QList>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

using hpa::core::Decimator;
using hpa::core::PlotPoint;

using Slice = std::pair<std::size_t, std::size_t>;
Q_DECLARE_METATYPE(PlotPoint)
Q_DECLARE_METATYPE(Slice)

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::span<const double> spanOf(const QList<double> &list)
{
    return {list.constData(), static_cast<std::size_t>(list.size())};
}

QList<double> range(int count, double step = 1)
{
    QList<double> values;
    for (int i = 0; i < count; ++i)
        values.append(i * step);
    return values;
}

QString describe(const std::vector<PlotPoint> &points)
{
    QStringList parts;
    for (const PlotPoint &p : points)
        parts << QStringLiteral("(%1, %2)").arg(p.x).arg(p.y);
    return parts.join(QLatin1Char(' '));
}

/// Break points carry NaN, which operator== never matches, so compare them explicitly.
bool samePoints(const std::vector<PlotPoint> &actual, const QList<PlotPoint> &expected)
{
    if (actual.size() != static_cast<std::size_t>(expected.size()))
        return false;
    for (std::size_t i = 0; i < actual.size(); ++i) {
        const PlotPoint &a = actual[i];
        const PlotPoint &e = expected[static_cast<qsizetype>(i)];
        const bool yMatches = std::isnan(e.y) ? std::isnan(a.y) : a.y == e.y;
        if (a.x != e.x || !yMatches)
            return false;
    }
    return true;
}

std::size_t countBreaks(const std::vector<PlotPoint> &points)
{
    return static_cast<std::size_t>(std::count_if(
        points.begin(), points.end(), [](const PlotPoint &p) { return std::isnan(p.y); }));
}

bool isAscending(const std::vector<PlotPoint> &points)
{
    return std::is_sorted(points.begin(), points.end(),
                          [](const PlotPoint &a, const PlotPoint &b) { return a.x < b.x; });
}

} // namespace

class TestDecimator : public QObject
{
    Q_OBJECT

private slots:
    void visibleSlice_data();
    void visibleSlice();
    void minMax_data();
    void minMax();
    void smallSeriesIsReturnedUnchanged();
    void outputIsBoundedForMillionPoints_data();
    void outputIsBoundedForMillionPoints();
    void spikeSurvivesEveryZoom_data();
    void spikeSurvivesEveryZoom();
};

void TestDecimator::visibleSlice_data()
{
    QTest::addColumn<QList<double>>("x");
    QTest::addColumn<double>("x0");
    QTest::addColumn<double>("x1");
    QTest::addColumn<Slice>("expected");

    const QList<double> six = range(6);
    QTest::newRow("empty") << QList<double>{} << 0.0 << 10.0 << Slice{0, 0};
    QTest::newRow("between samples") << six << 1.5 << 3.5 << Slice{1, 5};
    QTest::newRow("on samples") << six << 1.0 << 3.0 << Slice{0, 5};
    QTest::newRow("whole series") << six << 0.0 << 5.0 << Slice{0, 6};
    QTest::newRow("wider than series") << six << -10.0 << 50.0 << Slice{0, 6};
    QTest::newRow("left of data") << six << -5.0 << -1.0 << Slice{0, 1};
    QTest::newRow("right of data") << six << 10.0 << 20.0 << Slice{5, 6};
    QTest::newRow("inside one gap") << six << 2.2 << 2.8 << Slice{2, 4};
    QTest::newRow("swapped bounds") << six << 3.5 << 1.5 << Slice{1, 5};
    const QList<double> dup{0, 1, 1, 1, 2, 2, 3};
    QTest::newRow("duplicates on bounds") << dup << 1.0 << 2.0 << Slice{0, 7};
    QTest::newRow("duplicates outside") << dup << 1.5 << 1.8 << Slice{3, 5};
    QTest::newRow("single sample inside") << QList<double>{4} << 0.0 << 9.0 << Slice{0, 1};
}

void TestDecimator::visibleSlice()
{
    QFETCH(QList<double>, x);
    QFETCH(double, x0);
    QFETCH(double, x1);
    QFETCH(Slice, expected);
    QCOMPARE(Decimator::visibleSlice(spanOf(x), x0, x1), expected);
}

void TestDecimator::minMax_data()
{
    QTest::addColumn<QList<double>>("x");
    QTest::addColumn<QList<double>>("y");
    QTest::addColumn<double>("x0");
    QTest::addColumn<double>("x1");
    QTest::addColumn<int>("pixels");
    QTest::addColumn<double>("gap");
    QTest::addColumn<QList<PlotPoint>>("expected");

    QTest::newRow("empty") << QList<double>{} << QList<double>{} << 0.0 << 10.0 << 100 << 0.0
                           << QList<PlotPoint>{};
    QTest::newRow("single point") << QList<double>{5} << QList<double>{7} << 0.0 << 10.0 << 100
                                  << 0.0 << QList<PlotPoint>{{5, 7}};

    // One column over 10 samples: only the minimum (x=2) and maximum (x=4) survive.
    const QList<double> ten = range(10);
    const QList<double> tenY{0, 5, -3, 2, 8, 1, 1, 4, 0, 2};
    QTest::newRow("all in one column")
        << ten << tenY << 0.0 << 9.0 << 1 << 0.0 << QList<PlotPoint>{{2, -3}, {4, 8}};
    QTest::newRow("zero pixels act as one")
        << ten << tenY << 0.0 << 9.0 << 0 << 0.0 << QList<PlotPoint>{{2, -3}, {4, 8}};
    QTest::newRow("zero-width range")
        << QList<double>{0, 1, 1, 1, 1, 2} << QList<double>{9, 3, 1, 4, 1, 9} << 1.0 << 1.0 << 1
        << 0.0 << QList<PlotPoint>{{0, 9}, {1, 1}, {1, 4}, {2, 9}};
    QTest::newRow("range right of data")
        << ten << tenY << 20.0 << 30.0 << 10 << 0.0 << QList<PlotPoint>{{9, 2}};
    QTest::newRow("range left of data")
        << ten << tenY << -20.0 << -10.0 << 10 << 0.0 << QList<PlotPoint>{{0, 0}};

    // Columns [2.5, 10) and [10, 17.5]: the max comes before the min in the first one, after it
    // in the second; samples 2 and 18 are the outside neighbours.
    QList<double> spiky = range(21);
    spiky[5] = 100;
    spiky[7] = -50;
    spiky[12] = -7;
    spiky[16] = 40;
    QTest::newRow("order and neighbours")
        << range(21) << spiky << 2.5 << 17.5 << 2 << 0.0
        << QList<PlotPoint>{{2, 2}, {5, 100}, {7, -50}, {12, -7}, {16, 40}, {18, 18}};

    // Columns of width 3 over [0, 9]: five samples, two equal ones (both kept), one.
    QTest::newRow("sparse columns kept as is")
        << QList<double>{0, 0.5, 1, 1.5, 2, 4, 5, 7} << QList<double>{3, 1, 4, 1, 5, 2, 2, 6} << 0.0
        << 9.0 << 3 << 0.0 << QList<PlotPoint>{{0.5, 1}, {2, 5}, {4, 2}, {5, 2}, {7, 6}};
    QTest::newRow("duplicate x") << QList<double>{0, 0, 1, 1, 1, 2, 2, 3, 3, 3}
                                 << QList<double>{1, 5, 3, -2, 4, 0, 0, 9, 9, -1} << 0.0 << 3.0 << 2
                                 << 0.0 << QList<PlotPoint>{{0, 5}, {1, -2}, {3, 9}, {3, -1}};

    QTest::newRow("NaN stretches undecimated")
        << range(8) << QList<double>{1, 2, kNaN, kNaN, 5, 6, kNaN, 8} << 0.0 << 7.0 << 100 << 0.0
        << QList<PlotPoint>{{0, 1}, {1, 2}, {2, kNaN}, {4, 5}, {5, 6}, {6, kNaN}, {7, 8}};
    QTest::newRow("leading and trailing NaN dropped")
        << range(5) << QList<double>{kNaN, 1, 2, kNaN, kNaN} << 0.0 << 4.0 << 100 << 0.0
        << QList<PlotPoint>{{1, 1}, {2, 2}};
    QTest::newRow("all NaN") << range(5) << QList<double>{kNaN, kNaN, kNaN, kNaN, kNaN} << 0.0
                             << 4.0 << 1 << 0.0 << QList<PlotPoint>{};

    // 40 samples in 4 columns; the second column (x 10..19) is entirely missing.
    QList<double> holey;
    for (int i = 0; i < 40; ++i)
        holey.append(i >= 10 && i < 20 ? kNaN : i % 5);
    QTest::newRow("NaN column decimated")
        << range(40) << holey << 0.0 << 39.0 << 4 << 0.0
        << QList<PlotPoint>{{0, 0}, {4, 4}, {10, kNaN}, {20, 0}, {24, 4}, {30, 0}, {34, 4}};

    const QList<double> gappyX{0, 10, 20, 100, 110};
    const QList<double> gappyY{1, 2, 3, 4, 5};
    QTest::newRow("gap break") << gappyX << gappyY << 0.0 << 110.0 << 100 << 30.0
                               << QList<PlotPoint>{{0, 1},     {10, 2},  {20, 3},
                                                   {60, kNaN}, {100, 4}, {110, 5}};
    QTest::newRow("gap exactly at limit")
        << gappyX << gappyY << 0.0 << 110.0 << 100 << 80.0
        << QList<PlotPoint>{{0, 1}, {10, 2}, {20, 3}, {100, 4}, {110, 5}};
    QTest::newRow("gap disabled") << gappyX << gappyY << 0.0 << 110.0 << 100 << 0.0
                                  << QList<PlotPoint>{{0, 1}, {10, 2}, {20, 3}, {100, 4}, {110, 5}};
    QTest::newRow("NaN and gap give one break")
        << QList<double>{0, 10, 50, 60} << QList<double>{1, kNaN, 3, 4} << 0.0 << 60.0 << 100
        << 20.0 << QList<PlotPoint>{{0, 1}, {10, kNaN}, {50, 3}, {60, 4}};

    // Kept points of neighbouring columns are 6 s apart, but the samples are 1 s apart.
    QList<double> ramp;
    for (int i = 0; i < 40; ++i)
        ramp.append(i % 5);
    QTest::newRow("dense data has no gap break")
        << range(40) << ramp << 0.0 << 39.0 << 4 << 2.0
        << QList<PlotPoint>{{0, 0}, {4, 4}, {10, 0}, {14, 4}, {20, 0}, {24, 4}, {30, 0}, {34, 4}};
    // One column; the 6 s hole between x=9 and x=15 lies between its min and max.
    QList<double> holeX = range(10);
    for (int i = 0; i < 10; ++i)
        holeX.append(15 + i);
    QTest::newRow("gap inside a column") << holeX << range(20) << 0.0 << 24.0 << 1 << 3.0
                                         << QList<PlotPoint>{{0, 0}, {12, kNaN}, {24, 19}};

    // Two bursts of ten samples, 91 s apart, in two columns of width 54.5.
    QList<double> burstX = range(10);
    for (int i = 0; i < 10; ++i)
        burstX.append(100 + i);
    QTest::newRow("gap break decimated")
        << burstX << range(20) << 0.0 << 109.0 << 2 << 30.0
        << QList<PlotPoint>{{0, 0}, {9, 9}, {54.5, kNaN}, {100, 10}, {109, 19}};
}

void TestDecimator::minMax()
{
    QFETCH(QList<double>, x);
    QFETCH(QList<double>, y);
    QFETCH(double, x0);
    QFETCH(double, x1);
    QFETCH(int, pixels);
    QFETCH(double, gap);
    QFETCH(QList<PlotPoint>, expected);

    const std::vector<PlotPoint> out = Decimator::minMax(spanOf(x), spanOf(y), x0, x1, pixels, gap);
    const std::vector<PlotPoint> wanted(expected.begin(), expected.end());
    QVERIFY2(
        samePoints(out, expected),
        qPrintable(QStringLiteral("got [%1], want [%2]").arg(describe(out), describe(wanted))));
}

void TestDecimator::smallSeriesIsReturnedUnchanged()
{
    const QList<double> x{0, 1.5, 2, 7, 7, 9, 12.25, 13};
    const QList<double> y{4, -2, 8, 8, 1, 0, 3.5, 3};
    const std::vector<PlotPoint> out = Decimator::minMax(spanOf(x), spanOf(y), 0, 13, 4);
    QCOMPARE(out.size(), static_cast<std::size_t>(x.size()));
    for (qsizetype i = 0; i < x.size(); ++i)
        QCOMPARE(out[static_cast<std::size_t>(i)], (PlotPoint{x[i], y[i]}));
}

void TestDecimator::outputIsBoundedForMillionPoints_data()
{
    QTest::addColumn<double>("x0");
    QTest::addColumn<double>("x1");
    QTest::addColumn<bool>("withNaN");

    QTest::newRow("whole range") << 0.0 << 10000.0 << false;
    QTest::newRow("zoomed") << 2500.5 << 7300.25 << false;
    QTest::newRow("whole range with NaN") << 0.0 << 10000.0 << true;
    QTest::newRow("zoomed with NaN") << 1234.5 << 4321.0 << true;
}

void TestDecimator::outputIsBoundedForMillionPoints()
{
    QFETCH(double, x0);
    QFETCH(double, x1);
    QFETCH(bool, withNaN);

    constexpr int kCount = 1'000'000;
    constexpr int kPixels = 800;
    std::vector<double> x(kCount), y(kCount);
    std::uint32_t state = 12345;
    for (int i = 0; i < kCount; ++i) {
        state = state * 1664525u + 1013904223u;
        x[static_cast<std::size_t>(i)] = i * 0.01;
        // Missing stretches of 500 samples every 20000, like a scraper outage.
        const bool missing = withNaN && i % 20000 < 500;
        y[static_cast<std::size_t>(i)] = missing ? kNaN : static_cast<double>(state >> 8);
    }

    const std::vector<PlotPoint> out = Decimator::minMax(x, y, x0, x1, kPixels, 1.0);
    const std::size_t breaks = countBreaks(out);
    // Samples are 0.01 s apart, so the 1 s gap limit must only fire at the NaN stretches.
    QVERIFY(out.size() > static_cast<std::size_t>(kPixels));
    QVERIFY2(out.size() <= 2 * kPixels + 2 + breaks,
             qPrintable(QStringLiteral("%1 points, %2 breaks").arg(out.size()).arg(breaks)));
    QVERIFY(isAscending(out));
    if (withNaN)
        QVERIFY(breaks > 0);
    else
        QCOMPARE(breaks, std::size_t{0});
    // Nothing beyond the neighbours just outside the range.
    QVERIFY(out.front().x >= x0 - 0.02);
    QVERIFY(out.back().x <= x1 + 0.02);
}

void TestDecimator::spikeSurvivesEveryZoom_data()
{
    QTest::addColumn<double>("x0");
    QTest::addColumn<double>("x1");
    QTest::addColumn<int>("pixels");

    QTest::newRow("whole") << 0.0 << 999999.0 << 800;
    QTest::newRow("whole, narrow chart") << 0.0 << 999999.0 << 3;
    QTest::newRow("whole, one pixel") << 0.0 << 999999.0 << 1;
    QTest::newRow("tenth") << 500000.0 << 600000.0 << 800;
    QTest::newRow("spike on left edge") << 537123.0 << 900000.0 << 800;
    QTest::newRow("spike on right edge") << 100000.0 << 537123.0 << 800;
    QTest::newRow("close zoom") << 537000.0 << 537200.0 << 800;
    QTest::newRow("spike just left of range") << 537123.5 << 800000.0 << 800;
    QTest::newRow("spike just right of range") << 0.0 << 537122.5 << 800;
}

void TestDecimator::spikeSurvivesEveryZoom()
{
    QFETCH(double, x0);
    QFETCH(double, x1);
    QFETCH(int, pixels);

    constexpr std::size_t kCount = 1'000'000;
    constexpr std::size_t kSpike = 537123;
    std::vector<double> x(kCount), y(kCount, 0.0);
    for (std::size_t i = 0; i < kCount; ++i)
        x[i] = static_cast<double>(i);
    y[kSpike] = 60250;

    const std::vector<PlotPoint> out = Decimator::minMax(x, y, x0, x1, pixels, 0);
    const auto spike = std::find(out.begin(), out.end(), PlotPoint{double(kSpike), 60250});
    QVERIFY2(spike != out.end(), qPrintable(QStringLiteral("%1 points").arg(out.size())));
    QVERIFY(out.size() <= 2 * static_cast<std::size_t>(pixels) + 2);
    QVERIFY(isAscending(out));
}

QTEST_GUILESS_MAIN(TestDecimator)
#include "tst_decimator.moc"
