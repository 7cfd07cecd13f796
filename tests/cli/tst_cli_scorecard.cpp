#include "cli_process.h"

#include <nlohmann/json.hpp>

#include <QDir>
#include <QTest>

#include <cmath>
#include <string>
#include <vector>

namespace {

using Json = nlohmann::ordered_json;
using Run = hpa::test::CliRun;

const QString kDemo = QStringLiteral(HPA_SOURCE_DIR "/resources/examples/demo-hpa-20251201-100000");
const QString kShared = QStringLiteral(HPA_SHARED_DIR "/examples/");

Json autoscaling(const QStringList &args)
{
    const Run r = hpa::test::runHpaLens(QStringList{"summary", "--json"} + args);
    if (r.exitCode != 0)
        qFatal("hpa-lens failed: %s", r.err.constData());
    return Json::parse(r.out.toStdString())["autoscaling"];
}

/// issue 12's keys, in the order the JSON prints them.
const std::vector<std::string> kKeys{"demand",
                                     "onset_delay_s",
                                     "gap_threshold_s",
                                     "uncovered_s",
                                     "covered_s",
                                     "resolution_s",
                                     "min_replicas",
                                     "max_replicas",
                                     "replica_seconds",
                                     "replica_hours",
                                     "mean_replicas",
                                     "wasted_replica_seconds",
                                     "missing_replica_seconds",
                                     "under_accuracy_pct",
                                     "over_accuracy_pct",
                                     "under_timeshare_pct",
                                     "over_timeshare_pct",
                                     "instability_pct",
                                     "jitter_per_min",
                                     "reversals",
                                     "episodes",
                                     "reaction_s_median",
                                     "time_to_relief_s_median",
                                     "censored",
                                     "slo"};

} // namespace

class TestCliScorecard : public QObject
{
    Q_OBJECT

private slots:
    void keys();
    void matchesTheReferenceImplementation_data();
    void matchesTheReferenceImplementation();
    void options();
    void text();
    void compareListsEveryKpi();
    void badOptions_data();
    void badOptions();
};

void TestCliScorecard::keys()
{
    const Json a = autoscaling({kDemo});
    std::vector<std::string> keys;
    for (const auto &[k, v] : a.items())
        keys.push_back(k);
    QCOMPARE(keys, kKeys);
    const std::vector<std::string> episodeKeys{"breach_s",        "decision_s", "caught_up_s",
                                               "relief_s",        "reaction_s", "catch_up_s",
                                               "time_to_relief_s"};
    std::vector<std::string> got;
    for (const auto &[k, v] : a["episodes"].at(0).items())
        got.push_back(k);
    QCOMPARE(got, episodeKeys);
}

void TestCliScorecard::matchesTheReferenceImplementation_data()
{
    QTest::addColumn<QString>("dir");
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<double>("expected");
    // Values printed by tests/tools/scorecard_reference.py (the spec's formulas in Python).
    const QString older = kShared + "hpa-experiment-20251120-140312";
    const auto row = [](const QString &dir, const char *p, double v) {
        QTest::addRow("%s %s", qPrintable(QDir(dir).dirName()), p) << dir << QString(p) << v;
    };
    row(kDemo, "/under_accuracy_pct", 7.499111006603201);
    row(kDemo, "/over_accuracy_pct", 50.430270212878916);
    row(kDemo, "/under_timeshare_pct", 15.384615384615385);
    row(kDemo, "/over_timeshare_pct", 42.80936454849498);
    row(kDemo, "/instability_pct", 21.476510067114095);
    row(kDemo, "/jitter_per_min", -5.377926421404682);
    row(kDemo, "/replica_seconds", 6455);
    row(kDemo, "/wasted_replica_seconds", 1725);
    row(kDemo, "/missing_replica_seconds", 3125);
    row(kDemo, "/reversals", 2);
    row(kDemo, "/reaction_s_median", 5);
    row(kDemo, "/time_to_relief_s_median", 65);
    row(kDemo, "/slo/ttft_ms/attainment_pct", 81.25);
    row(kDemo, "/slo/itl_ms/attainment_pct", 100);
    row(older, "/under_accuracy_pct", 4.536716647443291);
    row(older, "/under_timeshare_pct", 12.399077277970012);
    row(older, "/instability_pct", 2.4305555555555554);
    row(older, "/jitter_per_min", -0.20761245674740486);
    row(older, "/replica_seconds", 3738);
    row(older, "/missing_replica_seconds", 215);
    row(older, "/time_to_relief_s_median", 37);
    row(older, "/max_replicas", 10); // from scaling.log's kubectl describe
}

void TestCliScorecard::matchesTheReferenceImplementation()
{
    QFETCH(QString, dir);
    QFETCH(QString, pointer);
    QFETCH(double, expected);
    if (!QDir(dir).exists())
        QSKIP(qPrintable(dir + " is not here"));
    const Json a = autoscaling({dir});
    const double actual = a.at(Json::json_pointer(pointer.toStdString())).get<double>();
    QVERIFY2(std::abs(actual - expected) <= 1e-9 * std::max(1.0, std::abs(expected)),
             qPrintable(QString("%1 = %2").arg(pointer).arg(actual, 0, 'g', 17)));
}

void TestCliScorecard::options()
{
    const Json ideal = autoscaling({kDemo});
    QCOMPARE(ideal["demand"].get<std::string>(), std::string("hpa-ideal"));
    QCOMPARE(ideal["slo"]["ttft_ms"]["limit"].get<double>(), 1000.0);
    QCOMPARE(ideal["slo"]["itl_ms"]["limit"].get<double>(), 100.0);
    const Json reachable = autoscaling({kDemo, "--demand", "hpa-reachable", "--onset-delay", "120",
                                        "--slo-ttft", "250", "--slo-itl", "20"});
    QCOMPARE(reachable["demand"].get<std::string>(), std::string("hpa-reachable"));
    QCOMPARE(reachable["onset_delay_s"].get<double>(), 120.0);
    QCOMPARE(reachable["slo"]["ttft_ms"]["limit"].get<double>(), 250.0);
    QCOMPARE(reachable["slo"]["itl_ms"]["limit"].get<double>(), 20.0);
    // A cap at maxReplicas and a later n can only lower the demand, so less is missing.
    QVERIFY(reachable["missing_replica_seconds"].get<double>() <
            ideal["missing_replica_seconds"].get<double>());
    QVERIFY(reachable["slo"]["ttft_ms"]["attainment_pct"].get<double>() <
            ideal["slo"]["ttft_ms"]["attainment_pct"].get<double>());
}

void TestCliScorecard::text()
{
    const Run r = hpa::test::runHpaLens({"summary", kDemo, "--slo-ttft", "750"});
    QCOMPARE(r.exitCode, 0);
    const QString out = QString::fromUtf8(r.out);
    QVERIFY(out.contains("AUTOSCALING SCORECARD"));
    QVERIFY(out.contains("Demand:            hpa-ideal (min 1 replicas, max 10)"));
    QVERIFY(out.contains("resolution 5 s"));
    QVERIFY(out.contains("SLO TTFT <= 750 ms"));
    QVERIFY(out.contains("HPA status catch-up"));
    QVERIFY(!out.contains("ready pods"));
    // The sections before and after are still there, in their order.
    QVERIFY(out.indexOf("THRESHOLD VIOLATIONS") < out.indexOf("AUTOSCALING SCORECARD"));
    QVERIFY(out.indexOf("AUTOSCALING SCORECARD") < out.indexOf("METRIC CORRELATION"));
}

void TestCliScorecard::compareListsEveryKpi()
{
    const QString older = kShared + "hpa-experiment-20251120-140312";
    if (!QDir(older).exists())
        QSKIP("../shared/examples/hpa-experiment-20251120-140312 is not here");
    const Run r = hpa::test::runHpaLens({"compare", "--json", older, kDemo});
    QCOMPARE(r.exitCode, 0);
    const Json j = Json::parse(r.out.toStdString());
    const Json &d = j["delta"]["autoscaling"];
    for (const char *key :
         {"under_accuracy_pct", "over_accuracy_pct", "under_timeshare_pct", "over_timeshare_pct",
          "instability_pct", "jitter_per_min", "reaction_s_median", "time_to_relief_s_median"})
        QVERIFY2(d.contains(key), key);
    // A: 4.54 %, B: 7.50 %: B is worse on theta U, and lower is better.
    QCOMPARE(d["under_accuracy_pct"]["verdict"].get<std::string>(), std::string("worse"));
    QVERIFY(std::abs(d["under_accuracy_pct"]["delta"].get<double>() -
                     (7.499111006603201 - 4.536716647443291)) < 1e-9);
    // Reaction medians 0 s (7 s sampling) and 5 s (5 s sampling): within one interval.
    QCOMPARE(d["reaction_s_median"]["verdict"].get<std::string>(), std::string("same"));
    const Run text = hpa::test::runHpaLens({"compare", older, kDemo});
    QVERIFY(QString::fromUtf8(text.out).contains("Under-provisioning accuracy thetaU (%)"));
}

void TestCliScorecard::badOptions_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("demand") << QStringList{"--demand", "capacity"};
    QTest::newRow("onset") << QStringList{"--onset-delay", "-5"};
    QTest::newRow("slo not a number") << QStringList{"--slo-ttft", "fast"};
    QTest::newRow("slo missing") << QStringList{"--slo-itl"};
}

void TestCliScorecard::badOptions()
{
    QFETCH(QStringList, args);
    const Run r = hpa::test::runHpaLens(QStringList{"summary", kDemo} + args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    QVERIFY(QString::fromUtf8(r.err).contains("Usage:"));
}

QTEST_GUILESS_MAIN(TestCliScorecard)
#include "tst_cli_scorecard.moc"
