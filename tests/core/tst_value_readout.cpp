#include "core/model/metric_keys.h"
#include "core/model/timestamp.h"
#include "core/plot/value_readout.h"

#include <QStringList>
#include <QTest>

#include <limits>

using hpa::core::MetricsTable;
using hpa::core::Timestamp;
using hpa::core::ValueReadout;
namespace keys = hpa::core::keys;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// Four samples 21 s apart from 15:57:38 (naive, like the newer monitor writes).
MetricsTable sampleTable()
{
    MetricsTable table;
    table.setNaiveTime(true);
    table.addColumn("replicas", std::string(keys::Replicas));
    table.addColumn("ttft_ms", std::string(keys::TtftMs));
    table.addColumn("request_rate_per_min", std::string(keys::RequestRate));
    table.addColumn("waiting", std::string(keys::Waiting));
    const double t0 = Timestamp::parse("2025-11-24 15:57:38")->seconds;
    table.appendRow(t0, 2, {1, 0, 0, 0});
    table.appendRow(t0 + 21, 3, {2, 150.5, 0, 10.5});
    table.appendRow(t0 + 42, 4, {2, 0, 0, kNaN});
    table.appendRow(t0 + 63, 5, {3, 200, 0, 60250});
    return table;
}

QStringList toList(const std::vector<std::string> &lines)
{
    QStringList out;
    for (const std::string &line : lines)
        out << QString::fromStdString(line);
    return out;
}

const std::vector<std::string> kKeys{std::string(keys::Replicas), std::string(keys::TtftMs),
                                     std::string(keys::ItlMs), std::string(keys::RequestRate),
                                     std::string(keys::Waiting)};

} // namespace

class TestValueReadout : public QObject
{
    Q_OBJECT

private slots:
    void formatValue_data();
    void formatValue();
    void singleSourceReadsNearestSample_data();
    void singleSourceReadsNearestSample();
    void comparingPrefixesEachSource();
    void emptyReadoutHasNoLines();
};

void TestValueReadout::formatValue_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("expected");
    QTest::newRow("integer") << 3.0 << "3";
    QTest::newRow("outlier") << 60250.0 << "60250";
    QTest::newRow("one decimal") << 10.5 << "10.5";
    QTest::newRow("percent") << 22.4 << "22.4";
    QTest::newRow("rounded to two decimals") << 123.456 << "123.46";
    QTest::newRow("rounds up to integer") << 99.999 << "100";
    QTest::newRow("fraction keeps three digits") << 0.997 << "0.997";
    QTest::newRow("small fraction") << 0.0004 << "0.0004";
    QTest::newRow("negative") << -2.5 << "-2.5";
    QTest::newRow("negative zero") << -0.0 << "0";
    QTest::newRow("missing") << kNaN << "—";
}

void TestValueReadout::formatValue()
{
    QFETCH(double, value);
    QFETCH(QString, expected);
    QCOMPARE(QString::fromStdString(ValueReadout::formatValue(value)), expected);
}

void TestValueReadout::singleSourceReadsNearestSample_data()
{
    QTest::addColumn<double>("x");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("closer to the second sample")
        << 25.0
        << QStringList{"2025-11-24 15:57:59 (elapsed 00:21)", "  Replicas: 2", "  TTFT (ms): 150.5",
                       "  Request rate (req/min): not collected", "  Waiting requests: 10.5"};
    QTest::newRow("zero latency is a gap, missing waiting is a dash")
        << 40.0
        << QStringList{"2025-11-24 15:58:20 (elapsed 00:42)", "  Replicas: 2", "  TTFT (ms): —",
                       "  Request rate (req/min): not collected", "  Waiting requests: —"};
    QTest::newRow("before the first sample")
        << -100.0
        << QStringList{"2025-11-24 15:57:38 (elapsed 00:00)", "  Replicas: 1", "  TTFT (ms): —",
                       "  Request rate (req/min): not collected", "  Waiting requests: 0"};
    QTest::newRow("after the last sample")
        << 1000.0
        << QStringList{"2025-11-24 15:58:41 (elapsed 01:03)", "  Replicas: 3", "  TTFT (ms): 200",
                       "  Request rate (req/min): not collected", "  Waiting requests: 60250"};
}

void TestValueReadout::singleSourceReadsNearestSample()
{
    QFETCH(double, x);
    QFETCH(QStringList, expected);

    const MetricsTable table = sampleTable();
    ValueReadout readout;
    readout.addSource("", table, table.time().front(), kKeys);
    QCOMPARE(toList(readout.lines(x)), expected);
}

void TestValueReadout::comparingPrefixesEachSource()
{
    const MetricsTable a = sampleTable();
    const MetricsTable b = sampleTable();
    ValueReadout readout;
    readout.addSource("A", a, a.time().front(), {std::string(keys::Replicas)});
    // B aligned 21 s later: its x = 0 is its second sample.
    readout.addSource("B", b, b.time().front() + 21, {std::string(keys::Replicas)});
    QCOMPARE(toList(readout.lines(0)),
             (QStringList{"A: 2025-11-24 15:57:38 (elapsed 00:00)", "  Replicas: 1",
                          "B: 2025-11-24 15:57:59 (elapsed 00:00)", "  Replicas: 2"}));
}

void TestValueReadout::emptyReadoutHasNoLines()
{
    ValueReadout readout;
    QVERIFY(readout.empty());
    QVERIFY(readout.lines(0).empty());
    const MetricsTable empty;
    readout.addSource("A", empty, 0, kKeys);
    QVERIFY(!readout.empty());
    QVERIFY(readout.lines(0).empty());
}

QTEST_GUILESS_MAIN(TestValueReadout)
#include "tst_value_readout.moc"
