// RegularInterval: the one-pass proof that the median interval is the grid's interval answers
// only when it is right. Expected values are numpy.median of the positive finite differences
// (worked out in the comments); the random check compares with a plain sort.
#include "core/analysis/regular_interval.h"
#include "core/analysis/statistics.h"

#include <QList>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <vector>

using namespace hpa::core;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// numpy.median of the positive finite differences, by sorting them.
double sortedMedian(const std::vector<double> &times)
{
    std::vector<double> d;
    for (std::size_t i = 1; i < times.size(); ++i) {
        const double x = times[i] - times[i - 1];
        if (std::isfinite(x) && x > 0)
            d.push_back(x);
    }
    if (d.empty())
        return 0;
    std::sort(d.begin(), d.end());
    const std::size_t n = d.size();
    return n % 2 ? d[n / 2] : (d[n / 2 - 1] + d[n / 2]) / 2;
}

} // namespace

class TestRegularInterval : public QObject
{
    Q_OBJECT

private slots:
    void median_data();
    void median();
    void agreesWithSorting();
};

void TestRegularInterval::median_data()
{
    QTest::addColumn<QList<double>>("times");
    QTest::addColumn<double>("candidate");
    QTest::addColumn<double>("expected"); // NaN: no answer, the general way decides

    QTest::newRow("regular grid") << QList<double>{0, 5, 10, 15, 20} << 5.0 << 5.0;
    // Differences 5, 5, 60, 5: a gap does not move the median.
    QTest::newRow("grid with a gap") << QList<double>{0, 5, 10, 70, 75} << 5.0 << 5.0;
    // Differences 5, 6, 5, 6: numpy's median of {5, 5, 6, 6} is 5.5, not a grid value.
    QTest::newRow("middle ranks differ") << QList<double>{0, 5, 11, 16, 22} << 5.0 << kNaN;
    // Differences 1, 1, 2, 0 (dropped), 6: median of {1, 1, 2, 6} is 1.5.
    QTest::newRow("duplicate time") << QList<double>{0, 1, 2, 4, 4, 10} << 1.0 << kNaN;
    // Differences 4, 5, 5, 5, 9: the median 5 is the candidate even off the mode's edges.
    QTest::newRow("odd count, candidate median")
        << QList<double>{0, 4, 9, 14, 19, 28} << 5.0 << 5.0;
    QTest::newRow("candidate is not the median")
        << QList<double>{0, 4, 9, 14, 19, 28} << 9.0 << kNaN;
    // Differences NaN, NaN, 2, 2, 2: the NaN steps are not intervals.
    QTest::newRow("missing time") << QList<double>{0, kNaN, 10, 12, 14, 16} << 2.0 << 2.0;
    QTest::newRow("no positive step") << QList<double>{3, 3, 3} << 0.0 << kNaN;
    QTest::newRow("bad candidate") << QList<double>{0, 5, 10} << kNaN << kNaN;
    QTest::newRow("empty") << QList<double>{} << 5.0 << kNaN;
}

void TestRegularInterval::median()
{
    QFETCH(QList<double>, times);
    QFETCH(double, candidate);
    QFETCH(double, expected);
    const std::vector<double> t(times.begin(), times.end());
    const auto got = RegularInterval::median(t, candidate);
    if (std::isnan(expected)) {
        QVERIFY2(!got, qPrintable(QString::number(got.value_or(-1))));
    } else {
        QVERIFY(got);
        QCOMPARE(*got, expected);
    }
    QCOMPARE(Statistics::medianInterval(t), sortedMedian(t));
}

void TestRegularInterval::agreesWithSorting()
{
    // Grids with jitter, gaps and repeated rows in every proportion: whenever the shortcut
    // answers, it is the sorted median, and Statistics::medianInterval always is.
    std::mt19937 rng(7);
    std::uniform_int_distribution<int> percent(0, 99), len(2, 400);
    int answered = 0;
    for (int round = 0; round < 400; ++round) {
        const int odd = percent(rng);
        std::vector<double> t{1.7e9};
        for (int i = 1, n = len(rng); i < n; ++i) {
            const int p = percent(rng);
            const double step = p < odd / 2 ? 0 : p < odd ? 5 + percent(rng) % 7 : 5;
            t.push_back(t.back() + step);
        }
        const auto got = RegularInterval::median(t, RegularInterval::candidate(t));
        if (got) {
            ++answered;
            QCOMPARE(*got, sortedMedian(t));
        }
        QCOMPARE(Statistics::medianInterval(t), sortedMedian(t));
    }
    QVERIFY2(answered > 100 && answered < 400, qPrintable(QString::number(answered)));
}

QTEST_APPLESS_MAIN(TestRegularInterval)
#include "tst_regular_interval.moc"
