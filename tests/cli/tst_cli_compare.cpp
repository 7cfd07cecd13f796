#include "cli_process.h"

#include <QDir>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>
#include <vector>

using Json = nlohmann::json;

namespace {

const QString kLegacy = QStringLiteral(HPA_SHARED_DIR "/examples/hpa-experiment-20251120-140312");
const QString kEnhanced = QStringLiteral(HPA_SHARED_DIR "/examples/high-load-hpa-20251124-155733");

using Run = hpa::test::CliRun;

Run runCli(const QStringList &args)
{
    return hpa::test::runHpaLens(args);
}

bool examplesPresent()
{
    return QDir(kLegacy).exists() && QDir(kEnhanced).exists();
}

} // namespace

class TestCliCompare : public QObject
{
    Q_OBJECT

private slots:
    void jsonShape();
    void deltas_data();
    void deltas();
    void text();
    void notAnExperiment_data();
    void notAnExperiment();

private:
    Json compareJson();
};

Json TestCliCompare::compareJson()
{
    const Run r = runCli({"compare", kLegacy, kEnhanced, "--json"});
    if (r.exitCode != 0)
        return Json();
    return Json::parse(r.out.toStdString(), nullptr, false);
}

void TestCliCompare::jsonShape()
{
    if (!examplesPresent())
        QSKIP("shared example experiments not found under " HPA_SHARED_DIR "/examples");
    const Json j = compareJson();
    QVERIFY(j.is_object());
    std::vector<std::string> top;
    for (const auto &[key, value] : j.items())
        top.push_back(key);
    std::sort(top.begin(), top.end());
    QCOMPARE(top,
             (std::vector<std::string>{"a", "b", "delta", "load_profile", "same_run", "verdicts"}));
    // Both shared HPA runs name no job manifests the same way: the older one has no
    // experiment-config.yaml at all.
    QCOMPARE(j["load_profile"]["match"].get<std::string>(), std::string("unknown"));
    QCOMPARE(j["same_run"].get<bool>(), false);
    // The verdicts of the text and the Comparison tab (core/analysis/comparison).
    QVERIFY(j["verdicts"].contains("replica_hours_per_hour"));
    QVERIFY(j["verdicts"]["scale_up_latency_s"].contains("verdict"));
    QCOMPARE(j["a"]["name"].get<std::string>(), std::string("hpa-experiment-20251120-140312"));
    QCOMPARE(j["b"]["name"].get<std::string>(), std::string("high-load-hpa-20251124-155733"));
    QCOMPARE(j["a"]["layout"].get<std::string>(), std::string("legacy"));
    QCOMPARE(j["b"]["layout"].get<std::string>(), std::string("enhanced"));
    const Json &d = j["delta"];
    for (const char *key : {"duration_s", "samples", "replicas", "events", "series", "violations"})
        QVERIFY2(d.contains(key), key);
    for (const char *key : {"initial", "final", "min", "max"})
        QVERIFY2(d["replicas"].contains(key), key);
    for (const char *key : {"total", "scale_up", "scale_down", "replicas_changed"})
        QVERIFY2(d["events"].contains(key), key);
    for (const char *key : {"waiting", "kv_cache", "any"}) {
        QVERIFY2(d["violations"][key].contains("samples"), key);
        QVERIFY2(d["violations"][key].contains("percent"), key);
    }
    // Series of both runs only: completed_jobs is in the older layout alone, TTFT in the newer.
    QVERIFY(d["series"].contains("replicas"));
    QVERIFY(d["series"].contains("kv_cache_pct"));
    QVERIFY(!d["series"].contains("completed_jobs"));
    QVERIFY(!d["series"].contains("ttft_ms"));
    for (const char *key : {"count", "mean", "min", "max", "p50", "p90", "p99"})
        QVERIFY2(d["series"]["waiting"][key].is_number(), key);
}

void TestCliCompare::deltas_data()
{
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<QString>("summaryPointer");

    QTest::newRow("duration") << "/delta/duration_s"
                              << "/duration_s";
    QTest::newRow("samples") << "/delta/samples"
                             << "/samples";
    QTest::newRow("final replicas") << "/delta/replicas/final"
                                    << "/replicas/final";
    QTest::newRow("max replicas") << "/delta/replicas/max"
                                  << "/replicas/max";
    QTest::newRow("scale ups") << "/delta/events/scale_up"
                               << "/events/scale_up";
    QTest::newRow("replicas mean") << "/delta/series/replicas/mean"
                                   << "/series/replicas/mean";
    QTest::newRow("waiting p90") << "/delta/series/waiting/p90"
                                 << "/series/waiting/p90";
    QTest::newRow("kv p50") << "/delta/series/kv_cache_pct/p50"
                            << "/series/kv_cache_pct/p50";
    QTest::newRow("kv violations") << "/delta/violations/kv_cache/samples"
                                   << "/violations/kv_cache/samples";
    QTest::newRow("any violations %") << "/delta/violations/any/percent"
                                      << "/violations/any/percent";
}

void TestCliCompare::deltas()
{
    if (!examplesPresent())
        QSKIP("shared example experiments not found under " HPA_SHARED_DIR "/examples");
    QFETCH(QString, pointer);
    QFETCH(QString, summaryPointer);
    const Json j = compareJson();
    QVERIFY(j.is_object());
    const Json::json_pointer at(pointer.toStdString());
    const Json::json_pointer inA("/a" + summaryPointer.toStdString());
    const Json::json_pointer inB("/b" + summaryPointer.toStdString());
    QVERIFY2(j.contains(at), qPrintable(pointer));
    QVERIFY(j[inA].is_number());
    QVERIFY(j[inB].is_number());
    const double expected = j[inB].get<double>() - j[inA].get<double>();
    QCOMPARE(j[at].get<double>(), expected);
}

void TestCliCompare::text()
{
    if (!examplesPresent())
        QSKIP("shared example experiments not found under " HPA_SHARED_DIR "/examples");
    const Run r = runCli({"compare", kLegacy, kEnhanced});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.err.isEmpty());
    const QString out = QString::fromUtf8(r.out);
    QVERIFY(out.contains("EXPERIMENT COMPARISON"));
    QVERIFY(out.contains("Metadata that differs"));
    // Final replicas went from 1 to 10.
    QVERIFY2(out.contains(QRegularExpression("\\n  Final replicas +1 +10 +\\+9 +\\+900%\\n")),
             qPrintable(out));
    // Issue 11 point 7: a series B's monitor never filled (all 0) is one line saying so, no
    // statistics of zeros; the HPA's own columns are compared as they are.
    for (const char *series : {"Active jobs", "TTFT (ms)", "ITL (ms)", "Request rate (req/min)"}) {
        QVERIFY2(out.contains(QStringLiteral("\n%1\n  not collected in B\n").arg(series)), series);
    }
    const Json j = compareJson();
    QCOMPARE(j["delta"]["series"]["active_jobs"]["note"].get<std::string>(),
             std::string("not collected in B"));
    QCOMPARE(j["delta"]["series"]["active_jobs"].size(), std::size_t(2)); // collected, note
}

void TestCliCompare::notAnExperiment_data()
{
    QTest::addColumn<bool>("badFirst");
    QTest::newRow("A is not an experiment") << true;
    QTest::newRow("B is not an experiment") << false;
}

void TestCliCompare::notAnExperiment()
{
    QFETCH(bool, badFirst);
    QTemporaryDir empty;
    QVERIFY(empty.isValid());
    // Any folder with a metrics.csv will do as the good side.
    QTemporaryDir good;
    QVERIFY(good.isValid());
    QFile csv(good.filePath("metrics.csv"));
    QVERIFY(csv.open(QIODevice::WriteOnly));
    csv.write("timestamp,replicas\n2025-11-24 15:57:38,1\n2025-11-24 15:57:43,2\n");
    csv.close();
    const QStringList args = badFirst ? QStringList{"compare", empty.path(), good.path()}
                                      : QStringList{"compare", good.path(), empty.path()};
    const Run r = runCli(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    QCOMPARE(r.err.count('\n'), 1);
    QVERIFY(r.err.startsWith("hpa-lens: "));
    QVERIFY2(r.err.contains(QDir(empty.path()).dirName().toUtf8()), r.err.constData());
}

QTEST_GUILESS_MAIN(TestCliCompare)
#include "tst_cli_compare.moc"
