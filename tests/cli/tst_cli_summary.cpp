#include "cli_process.h"

#include <nlohmann/json.hpp>

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <string>
#include <vector>

namespace {

using Json = nlohmann::ordered_json;

const QString kFixtures = QStringLiteral(HPA_TEST_DATA_DIR "/experiments/");
const QString kShared = QStringLiteral(HPA_SHARED_DIR "/examples/");

using Run = hpa::test::CliRun;

Run run(const QStringList &args)
{
    return hpa::test::runHpaLens(args);
}

/// The folder to run on, or empty when it is a shared example that is not there.
QString folder(const QString &name)
{
    const QString shared = kShared + name;
    if (QDir(shared).exists())
        return shared;
    const QString own = kFixtures + name;
    return QDir(own).exists() ? own : QString();
}

const std::vector<std::string> kTopLevelKeys{"name",
                                             "path",
                                             "layout",
                                             "autoscaler",
                                             "metadata",
                                             "start",
                                             "end",
                                             "duration_s",
                                             "samples",
                                             "median_interval_s",
                                             "gaps",
                                             "kv_cache_unit",
                                             "waiting_unit",
                                             "corrections",
                                             "replicas",
                                             "events",
                                             "series",
                                             "targets",
                                             "violations",
                                             "correlation",
                                             "autoscaling",
                                             "prediction_errors",
                                             "bench_only",
                                             "jobs",
                                             "client_latency",
                                             "warnings"};

} // namespace

class TestCliSummary : public QObject
{
    Q_OBJECT

private slots:
    void json_data();
    void json();
    void text_data();
    void text();
    void kvUnitOption();
    void truthOnHighLoad();
    void warningsInJson();
    void notAnExperiment_data();
    void notAnExperiment();
    void usageErrors_data();
    void usageErrors();
};

void TestCliSummary::json_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("samples");
    QTest::addColumn<QString>("layout");
    QTest::addColumn<QString>("kvUnit");

    QTest::newRow("high-load") << "high-load-hpa-20251124-155733" << 29 << "enhanced"
                               << "fraction";
    QTest::newRow("hpa-experiment") << "hpa-experiment-20251120-140312" << 249 << "legacy"
                                    << "milli";
    QTest::newRow("own legacy fixture") << "legacy-small" << 4 << "legacy"
                                        << "milli";
    QTest::newRow("own enhanced fixture") << "enhanced-small" << 3 << "enhanced"
                                          << "fraction";
}

void TestCliSummary::json()
{
    QFETCH(QString, name);
    QFETCH(int, samples);
    QFETCH(QString, layout);
    QFETCH(QString, kvUnit);
    const QString dir = folder(name);
    if (dir.isEmpty())
        QSKIP(qPrintable(QStringLiteral("shared example %1 not present in %2").arg(name, kShared)));

    const Run r = run({QStringLiteral("summary"), QStringLiteral("--json"), dir});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(r.err.isEmpty(), r.err.constData());
    Json j;
    try {
        j = Json::parse(r.out.toStdString());
    } catch (const Json::parse_error &e) {
        QFAIL(e.what());
    }
    QVERIFY(j.is_object());
    std::vector<std::string> keys;
    for (const auto &item : j.items())
        keys.push_back(item.key());
    QCOMPARE(keys, kTopLevelKeys);
    QCOMPARE(QString::fromStdString(j["name"].get<std::string>()), name);
    QCOMPARE(j["samples"].get<int>(), samples);
    QCOMPARE(QString::fromStdString(j["layout"].get<std::string>()), layout);
    QCOMPARE(QString::fromStdString(j["kv_cache_unit"].get<std::string>()), kvUnit);
    QVERIFY(j["series"].contains("kv_cache_pct"));
    QVERIFY(j["warnings"].is_array());
    QCOMPARE(j["correlation"]["matrix"].size(), j["correlation"]["columns"].size());
}

void TestCliSummary::text_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("high-load") << "high-load-hpa-20251124-155733";
    QTest::newRow("hpa-experiment") << "hpa-experiment-20251120-140312";
    QTest::newRow("own fixture") << "enhanced-small";
}

void TestCliSummary::text()
{
    QFETCH(QString, name);
    const QString dir = folder(name);
    if (dir.isEmpty())
        QSKIP(qPrintable(QStringLiteral("shared example %1 not present in %2").arg(name, kShared)));
    const Run r = run({QStringLiteral("summary"), dir});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QString out = QString::fromUtf8(r.out);
    for (const char *title : {"EXPERIMENT SUMMARY", "SCALING STATISTICS", "METRIC STATISTICS",
                              "THRESHOLD VIOLATIONS", "METRIC CORRELATION (Pearson)"}) {
        QVERIFY2(out.contains(QLatin1String("\n") + QLatin1String(title) + QLatin1String("\n")),
                 title);
    }
    QVERIFY(out.contains(QStringLiteral("Experiment:       ") + name));
}

void TestCliSummary::kvUnitOption()
{
    const Run r =
        run({QStringLiteral("summary"), QStringLiteral("--json"), QStringLiteral("--kv-unit"),
             QStringLiteral("percent"), kFixtures + QStringLiteral("legacy-small")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const Json j = Json::parse(r.out.toStdString());
    QCOMPARE(j["kv_cache_unit"].get<std::string>(), std::string("percent"));
    // Taken as written: the raw 569 is now 569 %.
    QCOMPARE(j["series"]["kv_cache_pct"]["max"].get<double>(), 569.0);
    QCOMPARE(j["targets"]["kv_cache_pct"].get<double>(), 500.0);
}

void TestCliSummary::truthOnHighLoad()
{
    const QString dir = kShared + QStringLiteral("high-load-hpa-20251124-155733");
    if (!QDir(dir).exists())
        QSKIP("shared example high-load-hpa-20251124-155733 not present");
    const Run r = run({QStringLiteral("summary"), QStringLiteral("--json"), dir});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const Json j = Json::parse(r.out.toStdString());
    // Lines 26 and 27 read 60250 (a leaked 60250m): listed and read as 60.25.
    QCOMPARE(j["waiting_unit"].get<std::string>(), std::string("auto"));
    const Json expected = Json::parse(R"([
        {"file": "metrics.csv", "line": 26, "column": "num_requests_waiting",
         "raw": 60250.0, "corrected": 60.25},
        {"file": "metrics.csv", "line": 27, "column": "num_requests_waiting",
         "raw": 60250.0, "corrected": 60.25}])");
    QVERIFY2(j["corrections"] == expected, j["corrections"].dump().c_str());
    QCOMPARE(j["series"]["waiting"]["max"].get<double>(), 510.0);
    QCOMPARE(j["series"]["waiting"]["mean"].get<double>(), 86.5);
    // Columns the monitor's own queries fill, all 0: not collected, and no statistics.
    for (const char *key : {"ttft_ms", "itl_ms", "request_rate_per_min", "active_jobs"}) {
        const Json &series = j["series"][key];
        QCOMPARE(series["collected"].get<bool>(), false);
        QVERIFY2(!series.contains("count") && !series.contains("mean"), key);
        QCOMPARE(series["note"].get<std::string>(),
                 std::string("all 29 values are 0: not collected"));
    }
    // The HPA's own columns are real even where 0.
    QCOMPARE(j["series"]["replicas"]["collected"].get<bool>(), true);
    // The monitor's first `REPLICAS CHANGED: 0 -> 1` is in no count: 15 log lines, 14 events.
    QCOMPARE(j["events"]["total"].get<int>(), 14);
    QCOMPARE(j["events"]["replicas_changed"].get<int>(), 7);

    const Run text = run({QStringLiteral("summary"), dir});
    const QString out = QString::fromUtf8(text.out);
    QVERIFY(out.contains(QStringLiteral("all 29 values are 0: not collected")));
    QVERIFY(out.contains(QStringLiteral("Waiting unit:     auto (2 cell(s) >= 1000 read as "
                                        "milli-units)")));
    QVERIFY(out.contains(QStringLiteral("metrics.csv:26: num_requests_waiting 60250 read as "
                                        "60.25")));

    const Run asWritten =
        run({QStringLiteral("summary"), QStringLiteral("--json"), QStringLiteral("--waiting-unit"),
             QStringLiteral("as-written"), dir});
    QVERIFY2(asWritten.exitCode == 0, asWritten.err.constData());
    const Json w = Json::parse(asWritten.out.toStdString());
    QCOMPARE(w["waiting_unit"].get<std::string>(), std::string("as-written"));
    QVERIFY(w["corrections"].empty());
    QCOMPARE(w["series"]["waiting"]["max"].get<double>(), 60250.0);
}

void TestCliSummary::warningsInJson()
{
    const Run r = run({QStringLiteral("summary"), QStringLiteral("--json"),
                       kFixtures + QStringLiteral("bad-metadata")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const Json j = Json::parse(r.out.toStdString());
    QVERIFY(!j["warnings"].empty());
    const Json &w = j["warnings"][0];
    QCOMPARE(w["file"].get<std::string>(), std::string("metadata.json"));
    QVERIFY(w["line"].is_number_integer());
    QVERIFY(!w["message"].get<std::string>().empty());
    QCOMPARE(j["samples"].get<int>(), 3);
}

void TestCliSummary::notAnExperiment_data()
{
    QTest::addColumn<QString>("setup");
    QTest::addColumn<QString>("fragment");
    QTest::newRow("empty folder") << "empty"
                                  << "not an experiment folder";
    QTest::newRow("folder of experiments") << "parent"
                                           << "experiment folder(s) inside it";
    QTest::newRow("missing folder") << "missing"
                                    << "no such folder";
    QTest::newRow("metrics.csv is a folder") << "metrics-dir"
                                             << "not a regular file";
}

void TestCliSummary::notAnExperiment()
{
    QFETCH(QString, setup);
    QFETCH(QString, fragment);
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    QString dir = tmp.path();
    if (setup == QLatin1String("parent"))
        QVERIFY(QDir(dir).mkpath(QStringLiteral("exp-20251120-140312/metrics.csv"))); // counts
    if (setup == QLatin1String("missing"))
        dir += QStringLiteral("/does-not-exist");
    if (setup == QLatin1String("metrics-dir"))
        QVERIFY(QDir(dir).mkdir(QStringLiteral("metrics.csv")));

    for (const QStringList &extra : {QStringList{}, QStringList{QStringLiteral("--json")}}) {
        const Run r = run(QStringList{QStringLiteral("summary")} + extra + QStringList{dir});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.endsWith('\n') && r.err.count('\n') == 1, r.err.constData());
        QVERIFY2(r.err.startsWith("hpa-lens: "), r.err.constData());
        QVERIFY2(QString::fromUtf8(r.err).contains(fragment), r.err.constData());
    }
}

void TestCliSummary::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("fragment");
    QTest::newRow("no folder") << QStringList{QStringLiteral("summary")}
                               << "expects exactly one folder";
    QTest::newRow("two folders") << QStringList{QStringLiteral("summary"), QStringLiteral("a"),
                                                QStringLiteral("b")}
                                 << "expects exactly one folder";
    QTest::newRow("bad kv unit") << QStringList{QStringLiteral("summary"),
                                                QStringLiteral("--kv-unit"),
                                                QStringLiteral("bogus"), QStringLiteral("a")}
                                 << "--kv-unit must be fraction, percent or milli";
    QTest::newRow("unknown option")
        << QStringList{QStringLiteral("summary"), QStringLiteral("--frobnicate"),
                       QStringLiteral("a")}
        << "unknown option --frobnicate";
}

void TestCliSummary::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, fragment);
    const Run r = run(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    const QString err = QString::fromUtf8(r.err);
    QVERIFY2(err.startsWith(QStringLiteral("hpa-lens: ") + fragment), r.err.constData());
    QVERIFY(err.contains(QStringLiteral("Usage:")));
}

QTEST_GUILESS_MAIN(TestCliSummary)
#include "tst_cli_summary.moc"
