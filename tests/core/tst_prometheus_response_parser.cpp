// PrometheusResponseParser on the answers a Prometheus-compatible API gives (tests/data/prometheus,
// written as Prometheus 2.42 answers them) and on what it must survive.
#include "core/import/prometheus_response_parser.h"

#include <QFile>
#include <QTest>

#include <cmath>
#include <string>

using hpa::core::PrometheusResponseParser;

namespace {

std::string fixture(const char *name)
{
    QFile f(QStringLiteral(HPA_TEST_DATA_DIR "/prometheus/") + QString::fromLatin1(name));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", name);
    return f.readAll().toStdString();
}

} // namespace

class TestPrometheusResponseParser : public QObject
{
    Q_OBJECT

private slots:
    void matrix()
    {
        const auto r = PrometheusResponseParser::parse(fixture("matrix.json"));
        QVERIFY(r.success);
        QCOMPARE(r.resultType, std::string("matrix"));
        QCOMPARE(r.series.size(), std::size_t(2));
        QCOMPARE(r.series[0].labels.at("pod"), std::string("vllm-decode-6d8f9c7b5-p00"));
        QCOMPARE(r.series[0].samples.size(), std::size_t(4));
        QCOMPARE(r.series[0].samples[1].second, 2.5);
        QVERIFY(std::isnan(r.series[0].samples[2].second));   // "NaN"
        QVERIFY(std::isinf(r.series[0].samples[3].second));   // "+Inf"
        QCOMPARE(r.series[1].samples[0].first, 1764583200.5); // fractional time
        QVERIFY(r.series[1].samples[0].second < 0);           // "-Inf"
        QCOMPARE(r.series[1].samples[1].second, 1e-3);
        QVERIFY(r.warnings.empty());
    }

    void vectorWithServerWarnings()
    {
        const auto r = PrometheusResponseParser::parse(fixture("vector_with_warnings.json"));
        QVERIFY(r.success);
        QCOMPARE(r.series.at(0).samples.at(0).second, 1.0);
        QCOMPARE(r.warnings.size(), std::size_t(1));
        QCOMPARE(r.warnings[0],
                 std::string("Prometheus: PromQL info: metric might not be a counter"));
    }

    void errorKeepsPrometheusText()
    {
        const auto r = PrometheusResponseParser::parse(fixture("error_400.json"));
        QVERIFY(!r.success);
        QCOMPARE(r.errorType, std::string("bad_data"));
        QVERIFY(r.error.find("parse error: unclosed left parenthesis") != std::string::npos);
    }

    void labelValuesAndScalar()
    {
        const auto labels = PrometheusResponseParser::parse(fixture("label_values.json"));
        QCOMPARE(labels.labelValues.size(), std::size_t(3));
        QCOMPARE(labels.labelValues[0], std::string("hpa-lens-demo"));
        const auto scalar = PrometheusResponseParser::parse(fixture("scalar.json"));
        QCOMPARE(scalar.series.at(0).samples.at(0).second, 42.0);
    }

    void hostile_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("success");
        QTest::addColumn<QByteArray>("inError"); // a part of the error, or of the first warning
        QTest::newRow("empty") << QByteArray() << false << QByteArray("not Prometheus JSON");
        QTest::newRow("html proxy page")
            << QByteArray("<html>502 Bad Gateway</html>") << false << QByteArray("<html>502");
        QTest::newRow("deep nesting")
            << QByteArray(100000, '[') << false << QByteArray("nests deeper");
        QTest::newRow("no status") << QByteArray("{}") << false << QByteArray("no status");
        QTest::newRow("bad samples skipped")
            << QByteArray(
                   R"({"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[[1,"x"],[2],"3",[3,"4"]]}]}})")
            << true << QByteArray("3 unreadable sample(s)");
        QTest::newRow("result not a list")
            << QByteArray(R"({"status":"success","data":{"resultType":"matrix","result":7}})")
            << true << QByteArray("not a list");
    }

    void hostile()
    {
        QFETCH(QByteArray, body);
        QFETCH(bool, success);
        QFETCH(QByteArray, inError);
        const auto r = PrometheusResponseParser::parse(
            std::string_view(body.constData(), std::size_t(body.size())));
        QCOMPARE(r.success, success);
        const std::string text =
            success ? (r.warnings.empty() ? std::string() : r.warnings.front()) : r.error;
        QVERIFY2(text.find(inError.toStdString()) != std::string::npos, text.c_str());
    }

    void limits()
    {
        std::string body = R"({"status":"success","data":{"resultType":"matrix","result":[)";
        for (int i = 0; i < 5; ++i)
            body += std::string(i ? "," : "") + "{\"metric\":{\"i\":\"" + std::to_string(i) +
                    "\"},\"values\":[[1,\"1\"],[2,\"2\"]]}";
        body += "]}}";
        PrometheusResponseParser::Options options;
        options.maxSeries = 3;
        options.maxSamples = 5;
        const auto r = PrometheusResponseParser::parse(body, options);
        QCOMPARE(r.series.size(), std::size_t(3));
        QCOMPARE(r.series[2].samples.size(), std::size_t(1));
        QCOMPARE(r.warnings.size(), std::size_t(2));
    }
};

QTEST_GUILESS_MAIN(TestPrometheusResponseParser)
#include "tst_prometheus_response_parser.moc"
