// PredictionErrors: a model-based autoscaler's predicted latency against the next sample's
// observation when the allocation it predicted for was running. Rows worked out by hand.
#include "core/analysis/prediction_error.h"
#include "core/model/metric_keys.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace hpa::core;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

MetricsTable table(std::vector<double> replicas, std::vector<double> allocation,
                   std::vector<double> ttft, std::vector<double> predictedTtft)
{
    MetricsTable t;
    for (std::size_t i = 0; i < replicas.size(); ++i)
        t.time().push_back(60.0 * double(i));
    t.setSourceLines(std::vector<int>(replicas.size(), 1));
    t.setColumn("replicas", std::string(keys::Replicas), std::move(replicas));
    t.setColumn("predicted_replicas", "predicted_replicas", std::move(allocation));
    t.setColumn("ttft_ms", std::string(keys::TtftMs), std::move(ttft));
    t.setColumn("predicted_ttft_ms", "predicted_ttft_ms", std::move(predictedTtft));
    return t;
}

} // namespace

class TestPredictionError : public QObject
{
    Q_OBJECT

private slots:
    void scored_data();
    void scored();
    void hpaRunHasNone();
};

void TestPredictionError::scored_data()
{
    QTest::addColumn<QVector<double>>("replicas");
    QTest::addColumn<QVector<double>>("allocation");
    QTest::addColumn<QVector<double>>("ttft");
    QTest::addColumn<QVector<double>>("predicted");
    QTest::addColumn<int>("pairs");
    QTest::addColumn<double>("mape");
    QTest::addColumn<double>("bias");

    // Row 0 predicts 20 for 2 replicas; row 1 runs 2 and sees 25: |20-25|/25 = 20 %, bias -5.
    // Row 1 predicts 30 for 2; row 2 runs 2 and sees 20: 50 %, bias +10. Mean: 35 %, +2.5.
    QTest::newRow("two scored") << QVector<double>{1, 2, 2} << QVector<double>{2, 2, 2}
                                << QVector<double>{0, 25, 20} << QVector<double>{20, 30, 40} << 2
                                << 35.0 << 2.5;
    // Row 0 predicts for 3 replicas but 2 ran next: not scored; row 1 is.
    QTest::newRow("allocation not running")
        << QVector<double>{1, 2, 2} << QVector<double>{3, 2, 2} << QVector<double>{0, 25, 20}
        << QVector<double>{20, 30, 40} << 1 << 50.0 << 10.0;
    // The observed 0 (idle, not collected) is not a latency of 0 ms.
    QTest::newRow("observed zero")
        << QVector<double>{1, 1} << QVector<double>{1, 1} << QVector<double>{10, 0}
        << QVector<double>{10, 10} << 0 << -1.0 << 0.0;
    QTest::newRow("no prediction")
        << QVector<double>{1, 1} << QVector<double>{kNaN, kNaN} << QVector<double>{10, 10}
        << QVector<double>{kNaN, kNaN} << 0 << -1.0 << 0.0;
}

void TestPredictionError::scored()
{
    QFETCH(QVector<double>, replicas);
    QFETCH(QVector<double>, allocation);
    QFETCH(QVector<double>, ttft);
    QFETCH(QVector<double>, predicted);
    QFETCH(int, pairs);
    QFETCH(double, mape);
    QFETCH(double, bias);
    const auto errors = PredictionErrors::compute(
        table({replicas.begin(), replicas.end()}, {allocation.begin(), allocation.end()},
              {ttft.begin(), ttft.end()}, {predicted.begin(), predicted.end()}));
    QCOMPARE(errors.size(), std::size_t(1)); // no ITL series in the table
    QCOMPARE(errors[0].series, std::string("ttft_ms"));
    QCOMPARE(int(errors[0].pairs), pairs);
    if (mape < 0) {
        QVERIFY(!errors[0].mapePct && !errors[0].biasMs);
        return;
    }
    QCOMPARE(*errors[0].mapePct, mape);
    QCOMPARE(*errors[0].biasMs, bias);
}

void TestPredictionError::hpaRunHasNone()
{
    MetricsTable t;
    t.time() = {0, 60};
    t.setSourceLines(std::vector<int>{1, 2});
    t.setColumn("ttft_ms", std::string(keys::TtftMs), {10, 20});
    QVERIFY(PredictionErrors::compute(t).empty());
}

QTEST_APPLESS_MAIN(TestPredictionError)
#include "tst_prediction_error.moc"
