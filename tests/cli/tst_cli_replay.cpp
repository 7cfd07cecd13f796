// hpa-lens replay: the exact --json shape on both shared examples, the spec source order, a
// malformed manifest (exit 2, file and line named), sweeps and CSV.
#include "cli_process.h"

#include <nlohmann/json.hpp>

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <string>
#include <vector>

namespace {

using Json = nlohmann::ordered_json;
const QString kShared = QStringLiteral(HPA_SHARED_DIR "/examples/");
const QString kData = QStringLiteral(HPA_TEST_DATA_DIR);

std::vector<std::string> keysOf(const Json &j)
{
    std::vector<std::string> k;
    for (auto it = j.begin(); it != j.end(); ++it)
        k.push_back(it.key());
    return k;
}

Json runJson(const QStringList &args)
{
    const auto r = hpa::test::runHpaLens(args);
    if (r.exitCode != 0)
        qWarning("%s", r.err.constData());
    return r.exitCode == 0 ? Json::parse(r.out.toStdString()) : Json();
}

} // namespace

class TestCliReplay : public QObject
{
    Q_OBJECT

private slots:
    void olderExampleFromScalingLog();
    void newerExampleWithManifest();
    void defaultsWhenNothingRecorded();
    void malformedManifestIsAnError();
    void sweepAndCsv();
    void badSettingIsAnError();
    void windowTakesTheWhatIfOptions();
};

void TestCliReplay::olderExampleFromScalingLog()
{
    const QString dir = kShared + "hpa-experiment-20251120-140312";
    if (!QDir(dir).exists())
        QSKIP("../shared/examples is not here");
    const Json j = runJson({"replay", dir, "--json", "--set", "down-window=60", "--series"});
    QVERIFY(!j.is_null());
    QCOMPARE(keysOf(j), (std::vector<std::string>{"spec", "self_check", "whatifs"}));
    const Json &spec = j["spec"];
    QCOMPARE(keysOf(spec),
             (std::vector<std::string>{"source", "assumed", "min_replicas", "max_replicas",
                                       "tolerance", "sync_period_s", "metrics", "behavior"}));
    QCOMPARE(spec["source"].get<std::string>(), std::string("scaling.log"));
    QVERIFY(spec["assumed"] == Json::parse(R"(["tolerance", "sync_period_s"])"));
    QCOMPARE(spec["behavior"]["scale_down"]["select_policy"].get<std::string>(),
             std::string("Min"));
    QCOMPARE(spec["behavior"]["scale_up"]["policies"].size(), std::size_t(2));
    QCOMPARE(keysOf(j["self_check"]), (std::vector<std::string>{"agreement", "mean_abs_diff",
                                                                "first_divergence_s", "series"}));
    // The describe spec reproduces the recorded decisions well above the spec's 75 % line.
    QVERIFY(j["self_check"]["agreement"].get<double>() > 0.9);
    QCOMPARE(j["whatifs"].size(), std::size_t(2));
    QVERIFY(j["whatifs"][0]["settings"] == Json::object());
    QVERIFY(j["whatifs"][1]["settings"] == Json::parse(R"({"down-window": 60})"));
    QCOMPARE(keysOf(j["whatifs"][0]),
             (std::vector<std::string>{"settings", "autoscaling", "elastic_speedup", "series"}));
    QCOMPARE(keysOf(j["whatifs"][0]["series"]),
             (std::vector<std::string>{"t_s", "desired", "replicas"}));
    QCOMPARE(j["whatifs"][0]["series"]["t_s"].size(), std::size_t(249));
    // Each what-if carries the scorecard's autoscaling block, key for key (ScorecardJson).
    QCOMPARE(keysOf(j["whatifs"][1]["autoscaling"]),
             (std::vector<std::string>{
                 "demand", "onset_delay_s", "gap_threshold_s", "uncovered_s", "covered_s",
                 "resolution_s", "min_replicas", "max_replicas", "replica_seconds",
                 "replica_hours", "mean_replicas", "wasted_replica_seconds",
                 "missing_replica_seconds", "under_accuracy_pct", "over_accuracy_pct",
                 "under_timeshare_pct", "over_timeshare_pct", "instability_pct",
                 "jitter_per_min", "reversals", "episodes", "reaction_s_median",
                 "time_to_relief_s_median", "censored", "slo"}));
    QVERIFY(j["whatifs"][0]["autoscaling"]["instability_pct"].is_number());
    QVERIFY(j["whatifs"][0]["autoscaling"]["episodes"].is_array());
    // A 60 s down window can only keep pods longer: more replica-hours than the spec as loaded.
    QVERIFY(j["whatifs"][1]["autoscaling"]["replica_hours"].get<double>() >
            j["whatifs"][0]["autoscaling"]["replica_hours"].get<double>());
}

void TestCliReplay::newerExampleWithManifest()
{
    const QString dir = kShared + "high-load-hpa-20251124-155733";
    const QString hpa = kShared + "hpa-manifests/hpa-vllm-combined.yaml";
    if (!QDir(dir).exists() || !QFile::exists(hpa))
        QSKIP("../shared/examples is not here");
    const Json j = runJson({"replay", dir, "--hpa", hpa, "--json"});
    QVERIFY(!j.is_null());
    QCOMPARE(j["spec"]["source"].get<std::string>(), std::string("manifest"));
    // The waiting target comes from the recorded column (2), not the manifest's 20.
    QCOMPARE(j["spec"]["metrics"][0]["target"].get<double>(), 2.0);
    QCOMPARE(j["spec"]["metrics"][1]["target"].get<double>(), 0.5);
    const double agreement = j["self_check"]["agreement"].get<double>();
    QVERIFY2(agreement > 0.6 && agreement < 1.0, std::to_string(agreement).c_str());
    QVERIFY(j["self_check"]["first_divergence_s"].is_number());
    // Without --hpa: experiment-config.yaml names a manifest that is not beside the folder.
    const Json d = runJson({"replay", dir, "--json"});
    QCOMPARE(d["spec"]["source"].get<std::string>(), std::string("defaults"));
    QVERIFY(d["spec"]["behavior"].is_null());
    for (const char *field : {"max_replicas", "behavior", "tolerance"}) {
        bool listed = false;
        for (const Json &a : d["spec"]["assumed"])
            listed = listed || a.get<std::string>() == field;
        QVERIFY2(listed, field);
    }
}

void TestCliReplay::defaultsWhenNothingRecorded()
{
    const Json j = runJson({"replay", kData + "/experiments/enhanced-small", "--json"});
    QVERIFY(!j.is_null());
    QVERIFY(j["spec"]["source"].get<std::string>() == "defaults" ||
            j["spec"]["source"].get<std::string>() == "metadata");
    QCOMPARE(j["whatifs"].size(), std::size_t(1));
}

void TestCliReplay::malformedManifestIsAnError()
{
    const auto r = hpa::test::runHpaLens(
        {"replay", kData + "/experiments/enhanced-small", "--hpa", kData + "/hpa/malformed.yaml"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("malformed.yaml:1"), r.err.constData());
    QVERIFY(r.err.contains("not valid YAML"));
    QVERIFY(r.out.isEmpty());
}

void TestCliReplay::sweepAndCsv()
{
    const auto r =
        hpa::test::runHpaLens({"replay", kData + "/experiments/legacy-small", "--csv", "--sweep",
                               "down-window=0,60,120", "--sweep", "kv-target=0.4:0.6:0.1"});
    QCOMPARE(r.exitCode, 0);
    const QList<QByteArray> lines = r.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 1 + 1 + 9); // header, the spec as loaded, 3 x 3 combinations
    QVERIFY(lines[0].startsWith("down-window,kv-target,replica_hours,"));
    QVERIFY2(lines[2].startsWith("0,0.4,"), lines[2].constData());
    QVERIFY2(lines[10].startsWith("120,0.6,"), lines[10].constData());
}

void TestCliReplay::badSettingIsAnError()
{
    auto r = hpa::test::runHpaLens(
        {"replay", kData + "/experiments/legacy-small", "--set", "up-windw=3"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("unknown setting 'up-windw'"));
    r = hpa::test::runHpaLens({"replay", kData + "/experiments/legacy-small", "--set", "min=20"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("maxReplicas must be >= 1 and >= minReplicas"), r.err.constData());
}

void TestCliReplay::windowTakesTheWhatIfOptions()
{
    // The What-if panel and the Sweep view from the command line (--screenshot): a good
    // manifest, edits and a sweep draw the window; a malformed manifest is named with its
    // line, the picture is still written, and the exit code says something failed.
    QTemporaryDir out;
    const QString dir = kData + "/experiments/legacy-small";
    const QString png = out.filePath("whatif.png");
    auto r = hpa::test::runHpaLens({dir, "--screenshot", png, "--size", "1200x800", "--set",
                                    "down-window=60,max=4", "--sweep", "min=1,2", "--sweep-x",
                                    "tau-u"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(QFileInfo(png).size() > 0);
    r = hpa::test::runHpaLens(
        {dir, "--screenshot", png, "--hpa", kData + "/hpa/malformed.yaml"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("malformed.yaml:1"), r.err.constData());
    // Options of the window only, checked before anything opens.
    r = hpa::test::runHpaLens({dir, "--screenshot", png, "--sweep-x", "rho"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("--sweep-x must be theta-u or tau-u"));
    r = hpa::test::runHpaLens({"summary", dir, "--sweep-x", "tau-u"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("does not take --sweep-x"), r.err.constData());
}

QTEST_MAIN(TestCliReplay)
#include "tst_cli_replay.moc"
