#include "core/model/collected_series.h"
#include "core/model/metric_keys.h"

#include <QtTest>

#include <cmath>
#include <vector>

using hpa::core::CollectedSeries;
namespace keys = hpa::core::keys;

Q_DECLARE_METATYPE(std::vector<double>)

class TestCollectedSeries : public QObject
{
    Q_OBJECT

private slots:
    void rule_data();
    void rule();
};

void TestCollectedSeries::rule_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<std::vector<double>>("values");
    QTest::addColumn<bool>("collected");
    QTest::addColumn<QString>("text");
    const double nan = NAN;
    // The monitor's own queries: a column with no value above 0 holds no measurement.
    QTest::newRow("ttft all zero") << QString(keys::TtftMs.data()) << std::vector<double>(71, 0.0)
                                   << false << "all 71 values are 0: not collected";
    QTest::newRow("active jobs all zero")
        << QString(keys::ActiveJobs.data()) << std::vector<double>(30, 0.0) << false
        << "all 30 values are 0: not collected";
    QTest::newRow("completed jobs zeros and gaps")
        << QString(keys::CompletedJobs.data()) << std::vector<double>{0, nan, 0} << false
        << "2 values are 0, the other 1 missing: not collected";
    QTest::newRow("rate one value") << QString(keys::RequestRate.data()) << std::vector<double>{0.0}
                                    << false << "the only value is 0: not collected";
    QTest::newRow("itl no values") << QString(keys::ItlMs.data()) << std::vector<double>{nan, nan}
                                   << false << "no values: not collected";
    QTest::newRow("rate one reading")
        << QString(keys::RequestRate.data()) << std::vector<double>{0, 0, 12.5} << true << "";
    // The HPA's own columns: zeros are real readings.
    QTest::newRow("replicas zero")
        << QString(keys::Replicas.data()) << std::vector<double>{0, 0} << true << "";
    QTest::newRow("waiting zero") << QString(keys::Waiting.data()) << std::vector<double>(5, 0.0)
                                  << true << "";
    QTest::newRow("kv zero") << QString(keys::KvCachePct.data()) << std::vector<double>{0.0} << true
                             << "";
    QTest::newRow("waiting empty") << QString(keys::Waiting.data()) << std::vector<double>{nan}
                                   << false << "no values: not collected";
}

void TestCollectedSeries::rule()
{
    QFETCH(QString, key);
    QFETCH(std::vector<double>, values);
    QFETCH(bool, collected);
    QFETCH(QString, text);
    QCOMPARE(CollectedSeries::isCollected(key.toStdString(), values), collected);
    if (!collected)
        QCOMPARE(QString::fromStdString(CollectedSeries::notCollectedText(values)), text);
}

QTEST_APPLESS_MAIN(TestCollectedSeries)
#include "tst_collected_series.moc"
