#include "core/plot/decimator.h"
#include "core/plot/series_index.h"

#include <QTest>

#include <cmath>
#include <limits>
#include <random>

using hpa::core::Decimator;
using hpa::core::PlotPoint;
using hpa::core::SeriesIndex;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

bool samePoints(const std::vector<PlotPoint> &a, const std::vector<PlotPoint> &b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i].x != b[i].x)
            return false;
        if (std::isnan(a[i].y) != std::isnan(b[i].y))
            return false;
        if (!std::isnan(a[i].y) && a[i].y != b[i].y)
            return false;
    }
    return true;
}

struct Series
{
    std::vector<double> x, y;
};

/// Irregular sampling with occasional long gaps, NaN runs, plateaus (ties) and spikes.
Series randomSeries(std::size_t n, unsigned seed)
{
    std::mt19937 rng(seed);
    Series s;
    double t = 1000;
    for (std::size_t i = 0; i < n; ++i) {
        t += (rng() % 50 == 0) ? 200.0 : 1.0 + double(rng() % 7);
        s.x.push_back(t);
        const unsigned r = rng() % 100;
        double v = double(rng() % 20);
        if (r < 5)
            v = kNaN;
        else if (r < 7)
            v = 60250;
        s.y.push_back(v);
    }
    return s;
}

} // namespace

class TestSeriesIndex : public QObject
{
    Q_OBJECT
private slots:
    void matchesReferenceDecimator_data()
    {
        QTest::addColumn<int>("n");
        QTest::addColumn<int>("pixels");
        QTest::addColumn<double>("gap");
        QTest::addColumn<unsigned>("seed");
        QTest::newRow("small, no decimation") << 50 << 100 << 30.0 << 1u;
        QTest::newRow("one leaf") << 31 << 4 << 0.0 << 2u;
        QTest::newRow("medium") << 5000 << 300 << 30.0 << 3u;
        QTest::newRow("medium, no gaps") << 5000 << 300 << 0.0 << 4u;
        QTest::newRow("large, few pixels") << 100000 << 37 << 30.0 << 5u;
        QTest::newRow("large, many pixels") << 100000 << 1600 << 30.0 << 6u;
    }
    void matchesReferenceDecimator()
    {
        QFETCH(int, n);
        QFETCH(int, pixels);
        QFETCH(double, gap);
        QFETCH(unsigned, seed);
        const Series s = randomSeries(std::size_t(n), seed);
        const SeriesIndex index(s.x, s.y, gap);
        std::mt19937 rng(seed * 7);
        const double lo = s.x.front(), hi = s.x.back();
        for (int round = 0; round < 40; ++round) {
            double a = lo - 50 + double(rng() % 1000) / 1000.0 * (hi - lo + 100);
            double b = lo - 50 + double(rng() % 1000) / 1000.0 * (hi - lo + 100);
            if (round == 0) {
                a = lo;
                b = hi;
            }
            const auto expected = Decimator::minMax(s.x, s.y, a, b, pixels, gap);
            const auto actual = index.decimate(a, b, pixels);
            QVERIFY2(samePoints(expected, actual),
                     qPrintable(QStringLiteral("range [%1, %2]: %3 vs %4 points")
                                    .arg(a)
                                    .arg(b)
                                    .arg(expected.size())
                                    .arg(actual.size())));
        }
    }

    void extremesPickFirstOccurrence()
    {
        const std::vector<double> x{0, 1, 2, 3, 4, 5, 6, 7};
        const std::vector<double> y{3, 1, 7, 1, kNaN, 7, 2, 0};
        const SeriesIndex index(x, y, 0);
        const auto e = index.extremes(0, 7);
        QCOMPARE(e.count, std::size_t(6));
        QCOMPARE(e.minIndex, std::size_t(1));
        QCOMPARE(e.maxIndex, std::size_t(2));
        const auto tail = index.extremes(5, 8);
        QCOMPARE(tail.minIndex, std::size_t(7));
        QCOMPARE(tail.maxIndex, std::size_t(5));
        QCOMPARE(index.extremes(4, 5).count, std::size_t(0));
    }

    void spikeSurvivesAMillionSamples()
    {
        const std::size_t n = 1'000'000;
        std::vector<double> x(n), y(n, 0.0);
        for (std::size_t i = 0; i < n; ++i)
            x[i] = double(i);
        y[654321] = 60250;
        const SeriesIndex index(x, y, 0);
        const auto points = index.decimate(0, double(n - 1), 800);
        QVERIFY(points.size() <= 2 * 800 + 2);
        bool found = false;
        for (const PlotPoint &p : points)
            found = found || (p.y == 60250 && p.x == 654321);
        QVERIFY(found);
    }

    void emptySeries()
    {
        const std::vector<double> none;
        const SeriesIndex index(none, none, 5);
        QVERIFY(index.decimate(0, 10, 100).empty());
        QCOMPARE(index.extremes(0, 10).count, std::size_t(0));
    }
};

QTEST_GUILESS_MAIN(TestSeriesIndex)
#include "tst_series_index.moc"
