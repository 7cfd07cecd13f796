// The shaded areas of View → Show Required Replicas: which intervals are under- and
// over-provisioned and how far, worked out by hand from the zero-order-hold rule (sample i
// holds on [t_i, t_{i+1}); gaps longer than G and unknown demand draw nothing).
#include "core/plot/provisioning_bands.h"

#include <QList>
#include <QTest>

#include <cmath>
#include <limits>

using hpa::core::ProvisioningBands;
using Band = ProvisioningBands::Band;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::span<const double> spanOf(const QList<double> &list)
{
    return {list.constData(), static_cast<std::size_t>(list.size())};
}

/// "x0-x1:low-high:U|O" per band, so a failure prints what was drawn.
QString describe(const std::vector<Band> &bands)
{
    QStringList out;
    for (const Band &b : bands)
        out << QStringLiteral("%1-%2:%3-%4:%5")
                   .arg(b.x0)
                   .arg(b.x1)
                   .arg(b.low)
                   .arg(b.high)
                   .arg(b.under ? 'U' : 'O');
    return out.join(QLatin1Char(' '));
}

} // namespace

class TestProvisioningBands : public QObject
{
    Q_OBJECT

private slots:
    void exact_data();
    void exact();
    void denseColumnsSpanTheirExtremes();
    void unknownAndKnownTime();
};

void TestProvisioningBands::exact_data()
{
    QTest::addColumn<QList<double>>("time");
    QTest::addColumn<QList<double>>("supply");
    QTest::addColumn<QList<double>>("demand");
    QTest::addColumn<double>("gap");
    QTest::addColumn<QString>("expected");

    // Demand 3 over supply 1 on [0,10), equal on [10,20), supply 4 over demand 2 on [20,30);
    // the last sample holds nothing.
    QTest::newRow("under, equal, over")
        << QList<double>{0, 10, 20, 30} << QList<double>{1, 2, 4, 4} << QList<double>{3, 2, 2, 9}
        << 60.0 << "0-10:1-3:U 20-30:2-4:O";
    // Two equal under-provisioned intervals merge into one rectangle.
    QTest::newRow("equal neighbours merge")
        << QList<double>{0, 10, 20, 30} << QList<double>{1, 1, 1, 1} << QList<double>{2, 2, 5, 5}
        << 60.0 << "0-20:1-2:U 20-30:1-5:U";
    // A 100 s interval is a gap (G = 60): not drawn, and the bands on either side stay apart.
    QTest::newRow("gap draws nothing")
        << QList<double>{0, 10, 110, 120} << QList<double>{1, 1, 1, 1} << QList<double>{2, 2, 2, 2}
        << 60.0 << "0-10:1-2:U 110-120:1-2:U";
    // Unknown demand at sample 1 (no metric): its interval is not drawn, never as 0.
    QTest::newRow("unknown demand")
        << QList<double>{0, 10, 20, 30} << QList<double>{2, 2, 2, 2} << QList<double>{1, kNaN, 1, 1}
        << 60.0 << "0-10:1-2:O 20-30:1-2:O";
    // Missing replicas: nothing to compare with.
    QTest::newRow("unknown supply") << QList<double>{0, 10, 20} << QList<double>{kNaN, 1, 1}
                                    << QList<double>{3, 3, 3} << 60.0 << "10-20:1-3:U";
    // Duplicate timestamps (dt = 0) hold for no time.
    QTest::newRow("zero interval") << QList<double>{0, 0, 10} << QList<double>{1, 1, 1}
                                   << QList<double>{4, 2, 2} << 60.0 << "0-10:1-2:U";
}

void TestProvisioningBands::exact()
{
    QFETCH(QList<double>, time);
    QFETCH(QList<double>, supply);
    QFETCH(QList<double>, demand);
    QFETCH(double, gap);
    QFETCH(QString, expected);
    const ProvisioningBands bands(spanOf(time), spanOf(supply), spanOf(demand), gap);
    QCOMPARE(describe(bands.bands(time.front(), time.back(), 1000)), expected);
}

void TestProvisioningBands::denseColumnsSpanTheirExtremes()
{
    // 1000 one-second intervals in 10 columns of 100 s. Column 3 (300-400 s) alternates
    // demand 5 (even starts) and 1 (odd) against supply 2: one red band 2-5 from the first even
    // interval to the end of the last, one grey band 1-2 likewise for the odd ones;
    // every other column is exactly provisioned and draws nothing.
    QList<double> time, supply, demand;
    for (int i = 0; i <= 1000; ++i) {
        time << i;
        supply << 2;
        demand << (i >= 300 && i < 400 ? (i % 2 ? 1 : 5) : 2);
    }
    const ProvisioningBands bands(spanOf(time), spanOf(supply), spanOf(demand), 60);
    QCOMPARE(describe(bands.bands(0, 1000, 10)), QStringLiteral("300-399:2-5:U 301-400:1-2:O"));
}

void TestProvisioningBands::unknownAndKnownTime()
{
    // Intervals: [0,10) known, [10,20) unknown demand, [20,200) a gap (G = 60), [200,210)
    // known: 20 s known, 10 s unknown, the gap in neither.
    const QList<double> time{0, 10, 20, 200, 210};
    const QList<double> supply{1, 1, 1, 1, 1};
    const QList<double> demand{1, kNaN, 1, 1, 1};
    const ProvisioningBands bands(spanOf(time), spanOf(supply), spanOf(demand), 60);
    QCOMPARE(bands.knownSeconds(), 20.0);
    QCOMPARE(bands.unknownSeconds(), 10.0);
    QVERIFY(bands.drawn(0));
    QVERIFY(!bands.drawn(1));
    QVERIFY(!bands.drawn(2));
    QVERIFY(!bands.drawn(4)); // the last sample holds nothing
}

QTEST_GUILESS_MAIN(TestProvisioningBands)
#include "tst_provisioning_bands.moc"
