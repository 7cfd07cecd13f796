// Statistics on series long enough for every path of the radix selection (copied buckets, split
// buckets, several digits deep, buckets of one repeated value), checked to the bit against a
// plain sort, and the shared-pass correlations against pearson() pair by pair.
#include "core/analysis/statistics.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <functional>
#include <limits>
#include <random>
#include <vector>

using hpa::core::SeriesStats;
using hpa::core::Statistics;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr std::size_t kRows = 200000;

using Series = std::vector<double>;

Series generate(const std::function<double(std::mt19937_64 &, std::size_t)> &make)
{
    std::mt19937_64 rng(12345);
    Series out(kRows);
    for (std::size_t i = 0; i < kRows; ++i)
        out[i] = make(rng, i);
    return out;
}

double uniform(std::mt19937_64 &rng, double lo, double hi)
{
    return std::uniform_real_distribution<double>(lo, hi)(rng);
}

/// What describe() must give, the slow way: copy, sort, read off the ranks.
SeriesStats reference(const Series &values, bool positiveOnly)
{
    Series kept;
    double sum = 0;
    for (double v : values) {
        if (std::isfinite(v) && (!positiveOnly || v > 0)) {
            kept.push_back(v);
            sum += v;
        }
    }
    SeriesStats s;
    s.count = kept.size();
    if (kept.empty())
        return s;
    s.mean = sum / static_cast<double>(kept.size());
    std::sort(kept.begin(), kept.end());
    s.min = kept.front();
    s.max = kept.back();
    s.p50 = Statistics::percentile(kept, 50);
    s.p90 = Statistics::percentile(kept, 90);
    s.p99 = Statistics::percentile(kept, 99);
    return s;
}

bool sameBits(double a, double b)
{
    return std::memcmp(&a, &b, sizeof a) == 0;
}

} // namespace

class TestStatisticsLarge : public QObject
{
    Q_OBJECT

private slots:
    void describeEqualsSorting_data();
    void describeEqualsSorting();
    void medianIntervalEqualsSorting();
    void pearsonPairsEqualPearson_data();
    void pearsonPairsEqualPearson();
};

void TestStatisticsLarge::describeEqualsSorting_data()
{
    QTest::addColumn<Series>("values");
    QTest::addColumn<bool>("positiveOnly");

    QTest::newRow("spread, both signs")
        << generate([](auto &rng, std::size_t) { return uniform(rng, -1000, 1000); }) << false;
    // Most values in one bucket of zeros, the rest three-decimal queue lengths.
    QTest::newRow("zero heavy") << generate([](auto &rng, std::size_t) {
        return uniform(rng, 0, 1) < 0.8 ? 0.0 : std::round(uniform(rng, 0, 100) * 1000) / 1000;
    }) << false;
    QTest::newRow("small integers")
        << generate([](auto &rng, std::size_t) { return std::floor(uniform(rng, 1, 11)); })
        << false;
    QTest::newRow("integers past one bucket each")
        << generate([](auto &rng, std::size_t) { return std::floor(uniform(rng, 0, 5000)); })
        << false;
    // Neighbouring doubles: one top bucket, one second digit, split down to the last digit.
    QTest::newRow("neighbouring doubles") << generate([](auto &rng, std::size_t) {
        return 1.0 + std::floor(uniform(rng, 0, 300)) * std::numeric_limits<double>::epsilon();
    }) << false;
    // Big clusters of a few values that differ in the last bits only.
    QTest::newRow("clusters of near values") << generate([](auto &, std::size_t i) {
        return 137.75 + static_cast<double>(i % 5) * 1e-13;
    }) << false;
    QTest::newRow("one value") << generate([](auto &, std::size_t) { return 42.5; }) << false;
    QTest::newRow("missing and infinite skipped") << generate([](auto &rng, std::size_t i) {
        return i % 7 == 0 ? kNaN : i % 11 == 0 ? -kInf : i % 13 == 0 ? kInf : uniform(rng, 0, 9);
    }) << false;
    QTest::newRow("positive only") << generate([](auto &rng, std::size_t) {
        return uniform(rng, 0, 1) < 0.5 ? 0.0 : std::round(uniform(rng, 0, 9000) * 100) / 100;
    }) << true;
    QTest::newRow("magnitudes from denormal to huge") << generate([](auto &rng, std::size_t) {
        const double sign = uniform(rng, 0, 1) < 0.3 ? -1 : 1;
        return sign * std::pow(10.0, uniform(rng, -310, 308));
    }) << false;
    QTest::newRow("both zeros") << generate([](auto &rng, std::size_t) {
        const double u = uniform(rng, 0, 1);
        return u < 0.45 ? -0.0 : u < 0.9 ? 0.0 : uniform(rng, -1, 1);
    }) << false;
}

void TestStatisticsLarge::describeEqualsSorting()
{
    QFETCH(Series, values);
    QFETCH(bool, positiveOnly);
    const SeriesStats want = reference(values, positiveOnly);
    const auto got = Statistics::describe(values, positiveOnly);
    QVERIFY(got.has_value());
    QCOMPARE(got->count, want.count);
    QVERIFY2(sameBits(got->mean, want.mean), qPrintable(QString::number(got->mean, 'g', 17)));
    // Zeros of either sign compare equal; their order among themselves is the selection's own.
    for (const auto &[name, a, b] :
         {std::tuple("min", got->min, want.min), std::tuple("max", got->max, want.max),
          std::tuple("p50", got->p50, want.p50), std::tuple("p90", got->p90, want.p90),
          std::tuple("p99", got->p99, want.p99)}) {
        QVERIFY2(a == b && (a == 0 || sameBits(a, b)),
                 qPrintable(QStringLiteral("%1: %2, sorting gives %3")
                                .arg(QLatin1String(name))
                                .arg(a, 0, 'g', 17)
                                .arg(b, 0, 'g', 17)));
    }
}

void TestStatisticsLarge::medianIntervalEqualsSorting()
{
    // Mostly 5 s steps, some jitter, repeats and steps backwards.
    std::mt19937_64 rng(7);
    Series times{1.7e9};
    for (std::size_t i = 1; i < kRows; ++i) {
        const double u = uniform(rng, 0, 1);
        const double step = u < 0.6   ? 5.0
                            : u < 0.8 ? std::round(uniform(rng, 1, 9) * 1000) / 1000
                            : u < 0.9 ? 0.0
                                      : -2.5;
        times.push_back(times.back() + step);
    }
    Series steps;
    for (std::size_t i = 1; i < times.size(); ++i) {
        const double d = times[i] - times[i - 1];
        if (d > 0)
            steps.push_back(d);
    }
    std::sort(steps.begin(), steps.end());
    QCOMPARE(Statistics::medianInterval(times), Statistics::percentile(steps, 50));
}

void TestStatisticsLarge::pearsonPairsEqualPearson_data()
{
    QTest::addColumn<std::vector<Series>>("columns");

    const Series replicas =
        generate([](auto &rng, std::size_t) { return std::floor(uniform(rng, 1, 11)); });
    const Series waiting = generate([](auto &rng, std::size_t i) {
        return (i % 3 ? 0.0 : 1.0) * std::round(uniform(rng, 0, 50) * 1000) / 1000;
    });
    const Series kv = generate([](auto &rng, std::size_t) { return uniform(rng, 0, 100); });
    const Series offset =
        generate([](auto &rng, std::size_t) { return 1.7e9 + uniform(rng, 0, 9); });
    const Series constant(kRows, 3.0);
    Series gap = kv;
    gap[kRows / 2] = kNaN;

    QTest::newRow("four gapless") << std::vector<Series>{replicas, waiting, kv, offset};
    QTest::newRow("a constant column") << std::vector<Series>{replicas, constant, kv, waiting};
    QTest::newRow("a gap") << std::vector<Series>{replicas, waiting, gap, offset};
    QTest::newRow("three") << std::vector<Series>{replicas, waiting, kv};
    QTest::newRow("unequal lengths")
        << std::vector<Series>{replicas, waiting, kv, Series(offset.begin(), offset.end() - 9)};
    QTest::newRow("two rows") << std::vector<Series>{{1, 2}, {2, 1}, {3, 5}, {4, 4}};
}

void TestStatisticsLarge::pearsonPairsEqualPearson()
{
    QFETCH(std::vector<Series>, columns);
    const std::vector<std::span<const double>> spans(columns.begin(), columns.end());
    const auto pairs = Statistics::pearsonPairs(spans);
    QCOMPARE(pairs.size(), columns.size() * (columns.size() + 1) / 2);
    std::size_t p = 0;
    for (std::size_t a = 0; a < columns.size(); ++a) {
        for (std::size_t b = a; b < columns.size(); ++b, ++p) {
            const auto want = Statistics::pearson(columns[a], columns[b]);
            QCOMPARE(pairs[p].has_value(), want.has_value());
            if (want)
                QVERIFY2(sameBits(*pairs[p], *want),
                         qPrintable(QStringLiteral("pair %1,%2: %3 vs %4")
                                        .arg(a)
                                        .arg(b)
                                        .arg(*pairs[p], 0, 'g', 17)
                                        .arg(*want, 0, 'g', 17)));
        }
    }
}

QTEST_GUILESS_MAIN(TestStatisticsLarge)
#include "tst_statistics_large.moc"
