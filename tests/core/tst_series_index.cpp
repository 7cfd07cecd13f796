#include "core/plot/decimator.h"
#include "core/plot/series_index.h"

#include <QTest>

#include <algorithm>
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

    // A followed run grows at the end: the index extended by the appended samples must be the
    // one built from scratch on the whole series, whichever block or power of two the split
    // falls in (partial last block, exactly full block, tree outgrowing its base).
    void extendedEqualsBuiltFromScratch_data()
    {
        QTest::addColumn<int>("n");
        QTest::addColumn<QList<int>>("splits");
        QTest::addColumn<double>("gap");
        QTest::addColumn<bool>("zeroIsMissing");
        QTest::addColumn<unsigned>("seed");
        QTest::newRow("empty, then rows one by one")
            << 70 << QList<int>{0, 1, 2, 3, 63, 64, 65, 66} << 30.0 << false << 11u;
        QTest::newRow("within one block") << 40 << QList<int>{10, 20, 39} << 0.0 << false << 12u;
        QTest::newRow("block boundaries")
            << 1000 << QList<int>{64, 128, 129, 255, 256, 257, 511, 512} << 30.0 << false << 13u;
        QTest::newRow("tree outgrows its base, bursts")
            << 20000 << QList<int>{100, 4096, 4097, 9000, 16384, 16385} << 30.0 << false << 14u;
        QTest::newRow("one row at a time past a power of two")
            << 8200 << QList<int>{8190, 8191, 8192, 8193, 8194, 8195} << 0.0 << false << 15u;
        QTest::newRow("zeros missing (latencies)")
            << 3000 << QList<int>{1, 700, 1500, 1501, 2048, 2049} << 30.0 << true << 16u;
    }
    void extendedEqualsBuiltFromScratch()
    {
        QFETCH(int, n);
        QFETCH(QList<int>, splits);
        QFETCH(double, gap);
        QFETCH(bool, zeroIsMissing);
        QFETCH(unsigned, seed);
        const auto missing =
            zeroIsMissing ? SeriesIndex::Missing::NotPositiveToo : SeriesIndex::Missing::NotFinite;
        const Series s = randomSeries(std::size_t(n), seed);
        splits << n;
        // Each step sees the series in new arrays, as each snapshot of a followed run has.
        std::vector<std::vector<double>> xs, ys;
        const auto prefix = [&](int rows) {
            xs.emplace_back(s.x.begin(), s.x.begin() + rows);
            ys.emplace_back(s.y.begin(), s.y.begin() + rows);
        };
        prefix(splits.front());
        SeriesIndex extended(xs.back(), ys.back(), gap, missing);
        for (int split : splits) {
            prefix(split);
            extended.extend(xs.back(), ys.back());
            const SeriesIndex built(xs.back(), ys.back(), gap, missing);
            QCOMPARE(extended.size(), std::size_t(split));
            QVERIFY2(extended.sameIndexAs(built), qPrintable(QStringLiteral("at %1").arg(split)));
            if (split == 0)
                continue;
            for (int pixels : {7, 300}) {
                const double lo = s.x.front(), hi = xs.back().back();
                QVERIFY(
                    samePoints(extended.decimate(lo, hi, pixels), built.decimate(lo, hi, pixels)));
                QVERIFY(samePoints(extended.decimate(lo + (hi - lo) / 3, hi, pixels),
                                   built.decimate(lo + (hi - lo) / 3, hi, pixels)));
            }
        }
    }

    // Follow mode keeps the range while rows land on the page: decimating again from the last
    // column drawn must give exactly the points of a fresh decimation, row by row and in
    // bursts, with the range past the data (the page), ending inside it (new rows off to the
    // right) or changed between two rows, and after the index was rebuilt.
    void resumedDecimationEqualsFresh_data()
    {
        QTest::addColumn<int>("start");
        QTest::addColumn<QList<int>>("growth");
        QTest::addColumn<double>("pageEnd"); ///< x1 as a fraction beyond the final data
        QTest::addColumn<int>("pixels");
        QTest::addColumn<bool>("zeroIsMissing");
        QTest::addColumn<unsigned>("seed");
        QTest::newRow("row by row on a page")
            << 3000 << QList<int>{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1} << 1.2 << 300 << false << 31u;
        QTest::newRow("bursts across columns")
            << 5000 << QList<int>{7, 64, 1, 300, 2, 1000} << 1.1 << 200 << false << 32u;
        QTest::newRow("range ends inside the data")
            << 5000 << QList<int>{1, 1, 50, 1} << 0.9 << 100 << false << 33u;
        QTest::newRow("sparse then dense (all samples, then columns)")
            << 20 << QList<int>{10, 300, 1, 1} << 1.05 << 50 << false << 34u;
        QTest::newRow("zeros missing, one pixel")
            << 2000 << QList<int>{1, 3, 1, 200} << 1.3 << 1 << true << 35u;
    }
    void resumedDecimationEqualsFresh()
    {
        QFETCH(int, start);
        QFETCH(QList<int>, growth);
        QFETCH(double, pageEnd);
        QFETCH(int, pixels);
        QFETCH(bool, zeroIsMissing);
        QFETCH(unsigned, seed);
        const auto missing =
            zeroIsMissing ? SeriesIndex::Missing::NotPositiveToo : SeriesIndex::Missing::NotFinite;
        int total = start;
        for (int g : growth)
            total += g;
        const Series s = randomSeries(std::size_t(total), seed);
        const double x0 = s.x.front();
        const double x1 = x0 + (s.x.back() - x0) * pageEnd;
        std::vector<std::vector<double>> xs, ys;
        const auto prefix = [&](int rows) {
            xs.emplace_back(s.x.begin(), s.x.begin() + rows);
            ys.emplace_back(s.y.begin(), s.y.begin() + rows);
        };
        prefix(start);
        SeriesIndex index(xs.back(), ys.back(), 30.0, missing);
        std::vector<PlotPoint> out;
        SeriesIndex::Resume resume;
        index.decimate(x0, x1, pixels, out, resume);
        int rows = start;
        for (int step = 0; step < growth.size(); ++step) {
            rows += growth[step];
            prefix(rows);
            index.extend(xs.back(), ys.back());
            const SeriesIndex built(xs.back(), ys.back(), 30.0, missing);
            index.decimate(x0, x1, pixels, out, resume);
            QVERIFY2(samePoints(out, built.decimate(x0, x1, pixels)),
                     qPrintable(QStringLiteral("after %1 rows").arg(rows)));
            if (step == 1) {
                // Another range in between: nothing of the page is reused for it.
                const double mid = x0 + (x1 - x0) / 2;
                index.decimate(x0, mid, pixels, out, resume);
                QVERIFY(samePoints(out, built.decimate(x0, mid, pixels)));
            }
        }
        // A rebuilt index (the run was read again) never reuses points of the old one.
        std::vector<double> other = ys.back();
        std::reverse(other.begin(), other.end());
        index = SeriesIndex(xs.back(), other, 30.0, missing);
        index.decimate(x0, x1, pixels, out, resume);
        QVERIFY(
            samePoints(out, SeriesIndex(xs.back(), other, 30.0, missing).decimate(x0, x1, pixels)));
    }

    /// Latencies drawn with zeros as gaps: the same points as the reference decimator over
    /// the series with its non-positive values made NaN, without that copy.
    void zerosMissingMatchesCleanedSeries()
    {
        Series s = randomSeries(20000, 21);
        std::vector<double> cleaned = s.y;
        for (double &v : cleaned) {
            if (!(v > 0))
                v = kNaN;
        }
        const SeriesIndex index(s.x, s.y, 30, SeriesIndex::Missing::NotPositiveToo);
        for (int pixels : {50, 800}) {
            const double lo = s.x.front(), hi = s.x.back();
            QVERIFY(samePoints(Decimator::minMax(s.x, cleaned, lo, hi, pixels, 30),
                               index.decimate(lo, hi, pixels)));
            QVERIFY(samePoints(Decimator::minMax(s.x, cleaned, lo + 500, lo + 9000, pixels, 30),
                               index.decimate(lo + 500, lo + 9000, pixels)));
        }
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
