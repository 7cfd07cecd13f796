#include "core/load/experiment_loader.h"
#include "core/model/metric_keys.h"
#include "core/model/waiting_unit.h"

#include <QtTest>

#include <cmath>
#include <vector>

using namespace hpa::core;

Q_DECLARE_METATYPE(std::vector<double>)

namespace {

const QString kHighLoad =
    QStringLiteral(HPA_SHARED_DIR) + QStringLiteral("/examples/high-load-hpa-20251124-155733");

} // namespace

class TestWaitingUnit : public QObject
{
    Q_OBJECT

private slots:
    void autoRule_data();
    void autoRule();
    void forcedUnits();
    void highLoadExample_data();
    void highLoadExample();
    void olderLayoutUntouched();
};

void TestWaitingUnit::autoRule_data()
{
    QTest::addColumn<std::vector<double>>("values");
    QTest::addColumn<double>("target");
    QTest::addColumn<double>("limit");
    QTest::addColumn<std::vector<double>>("read");
    // The high-load example's case: largest plain value 510, target 2 -> limit 5100.
    QTest::newRow("leak") << std::vector<double>{0, 355, 510, 60250, 60250, 24} << 2.0 << 5100.0
                          << std::vector<double>{0, 355, 510, 60.25, 60.25, 24};
    // 6 000 000 / 1000 = 6000 > 5100: not the rule's case, kept as written.
    QTest::newRow("too large to be milli")
        << std::vector<double>{510, 6000000} << 2.0 << 5100.0 << std::vector<double>{510, 6000000};
    // The limit is exactly reachable.
    QTest::newRow("at the limit") << std::vector<double>{5, 50000} << 2.0 << 50.0
                                  << std::vector<double>{5, 50};
    // Not an integer: written with decimals, so not a stripped quantity.
    QTest::newRow("decimals") << std::vector<double>{5, 1000.5} << 2.0 << 50.0
                              << std::vector<double>{5, 1000.5};
    // Below 1000 nothing changes; the target alone sets the limit when all values are large.
    QTest::newRow("target only") << std::vector<double>{1500, 999} << 20.0 << 9990.0
                                 << std::vector<double>{1.5, 999};
    QTest::newRow("all large") << std::vector<double>{10500, 20000} << 2.0 << 20.0
                               << std::vector<double>{10.5, 20};
}

void TestWaitingUnit::autoRule()
{
    QFETCH(std::vector<double>, values);
    QFETCH(double, target);
    QFETCH(double, limit);
    QFETCH(std::vector<double>, read);
    const WaitingRule rule = WaitingNormalizer::detect(values, target, WaitingUnit::Auto);
    QCOMPARE(rule.limit, limit);
    std::size_t corrected = 0;
    for (std::size_t i = 0; i < values.size(); ++i) {
        QCOMPARE(rule.read(values[i]), read[i]);
        corrected += read[i] != values[i];
    }
    QCOMPARE(rule.count, corrected);
    QCOMPARE(rule.cells.size(), corrected);
}

void TestWaitingUnit::forcedUnits()
{
    const std::vector<double> values{24, 60250}; // limit 10 x 24 = 240
    const WaitingRule asWritten = WaitingNormalizer::detect(values, 2.0, WaitingUnit::AsWritten);
    QCOMPARE(asWritten.read(60250), 60250.0);
    QCOMPARE(asWritten.count, std::size_t(1)); // still flagged: an outlier as written
    const WaitingRule milli = WaitingNormalizer::detect(values, 2.0, WaitingUnit::Milli);
    QCOMPARE(milli.read(60250), 60.25);
    QCOMPARE(milli.read(2), 0.002);
    QCOMPARE(WaitingNormalizer::unitFromKey("as-written"), std::optional(WaitingUnit::AsWritten));
    QCOMPARE(WaitingNormalizer::unitKey(WaitingUnit::Milli), std::string_view("milli"));
    QVERIFY(!WaitingNormalizer::unitFromKey("percent"));
}

void TestWaitingUnit::highLoadExample_data()
{
    QTest::addColumn<int>("unit");
    QTest::addColumn<double>("max");
    QTest::addColumn<int>("warnings");
    // metrics.csv lines 26 and 27 read 60250; the largest plain value is 510.
    QTest::newRow("auto") << int(WaitingUnit::Auto) << 510.0 << 2;
    QTest::newRow("as written") << int(WaitingUnit::AsWritten) << 60250.0 << 0;
    QTest::newRow("milli") << int(WaitingUnit::Milli) << 60.25 << 0;
}

void TestWaitingUnit::highLoadExample()
{
    if (!QFile::exists(kHighLoad))
        QSKIP("shared example high-load-hpa-20251124-155733 is not available");
    QFETCH(int, unit);
    QFETCH(double, max);
    QFETCH(int, warnings);
    ExperimentLoader::Options options;
    options.waitingUnit = static_cast<WaitingUnit>(unit);
    const Experiment e = ExperimentLoader::load(kHighLoad.toStdString(), options);
    const auto &w = *e.metrics.values(keys::Waiting);
    QCOMPARE(*std::max_element(w.begin(), w.end()), max);
    int found = 0;
    for (const LoadWarning &warning : e.warnings) {
        if (warning.message.find("read as 60.25") != std::string::npos) {
            QCOMPARE(warning.file, std::string("metrics.csv"));
            QVERIFY(warning.line == 26 || warning.line == 27);
            QVERIFY(warning.message.find("60250") != std::string::npos);
            ++found;
        }
    }
    QCOMPARE(found, warnings);
    QCOMPARE(e.waitingRule.count, std::size_t(2));
    QCOMPARE(e.waitingRule.cells.at(0).line, 26);
    QCOMPARE(e.waitingRule.cells.at(1).line, 27);
    QCOMPARE(e.waitingRule.cells.at(0).corrected, 60.25);
}

void TestWaitingUnit::olderLayoutUntouched()
{
    const QString dir =
        QStringLiteral(HPA_SHARED_DIR) + QStringLiteral("/examples/hpa-experiment-20251120-140312");
    if (!QFile::exists(dir))
        QSKIP("shared example hpa-experiment-20251120-140312 is not available");
    const Experiment e = ExperimentLoader::load(dir.toStdString());
    QVERIFY(!e.waitingRule.applies);
    QCOMPARE(e.waitingRule.count, std::size_t(0));
}

QTEST_APPLESS_MAIN(TestWaitingUnit)
#include "tst_waiting_unit.moc"
