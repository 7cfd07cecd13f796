// Issue 19: HPA and WVA runs side by side — the autoscaler block, the load-profile match and
// the folder clock of a WVA run.

#include "core/analysis/comparison.h"
#include "core/analysis/load_profile_match.h"
#include "core/load/experiment_loader.h"
#include "core/model/folder_clock.h"
#include "core/model/timestamp.h"
#include "core/report/comparison_json.h"
#include "core/report/comparison_text.h"
#include "core/report/summary_json.h"

#include <QTest>

#include <filesystem>

using namespace hpa::core;

namespace {

const std::string kShared = HPA_SHARED_DIR "/examples/";
const std::string kHighLoad = kShared + "high-load-hpa-20251124-155733";
const std::string kModelBased = kShared + "wva/model-based-high-parallel-20251209-224705";

double utc(const char *text)
{
    return Timestamp::parse(text)->seconds;
}

JobSchedule schedule(std::initializer_list<std::pair<const char *, double>> jobs)
{
    JobSchedule s;
    for (const auto &[manifest, delay] : jobs)
        s.jobs.push_back({manifest, manifest, delay, std::nullopt, 0});
    return s;
}

} // namespace

Q_DECLARE_METATYPE(LoadProfileMatch::Kind)
Q_DECLARE_METATYPE(JobSchedule)

class TestAutoscalerComparison : public QObject
{
    Q_OBJECT

private slots:
    void folderClock_data();
    void folderClock();
    void loadProfile_data();
    void loadProfile();
    void sharedHpaAgainstModelBasedWva();
    void sameLoadProfileAlignsOnLoadStart();
};

void TestAutoscalerComparison::folderClock_data()
{
    QTest::addColumn<QString>("folder");
    QTest::addColumn<double>("firstSample");
    QTest::addColumn<bool>("found");
    QTest::addColumn<int>("offsetMinutes");
    QTest::addColumn<double>("lead");
    // The shared model-based run: named 22:47:05 local (EST), first controller line
    // 2025-12-10T03:48:07.506Z = 22:48:07.506 EST: UTC-05:00, 62.506 s later.
    QTest::newRow("shared model-based, UTC-5")
        << "model-based-high-parallel-20251209-224705" << utc("2025-12-10T03:48:07.506Z") << true
        << -300 << 62.506;
    // The shared capacity-based run: 18:25:20 local, first line 23:20:25.828Z. The first
    // line is 4 min 54 s before the folder's time: not a zone plus a short lead.
    QTest::newRow("first sample before the folder time")
        << "capacity-based-moderate-parallel-20251126-182520" << utc("2025-11-26T23:20:25.828Z")
        << false << 0 << 0.0;
    QTest::newRow("UTC clock, 5 s lead")
        << "run-20251126-100000" << utc("2025-11-26T10:00:05Z") << true << 0 << 5.0;
    QTest::newRow("half-hour zone (India, UTC+05:30)")
        << "run-20251126-153000/" << utc("2025-11-26T10:00:30Z") << true << 330 << 30.0;
    QTest::newRow("lead over 10 minutes")
        << "run-20251126-100000" << utc("2025-11-26T10:11:00Z") << false << 0 << 0.0;
    QTest::newRow("no time in the name")
        << "high-load-hpa" << utc("2025-11-26T10:00:00Z") << false << 0 << 0.0;
    QTest::newRow("month 13") << "run-20251326-100000" << utc("2025-11-26T10:00:00Z") << false << 0
                              << 0.0;
}

void TestAutoscalerComparison::folderClock()
{
    QFETCH(QString, folder);
    QFETCH(double, firstSample);
    QFETCH(bool, found);
    QFETCH(int, offsetMinutes);
    QFETCH(double, lead);
    const auto clock = FolderClock::detect(folder.toStdString(), firstSample);
    QCOMPARE(clock.has_value(), found);
    if (!clock)
        return;
    QCOMPARE(clock->offsetMinutes, offsetMinutes);
    QVERIFY2(std::abs(clock->leadSeconds - lead) < 1e-6,
             qPrintable(QString::number(clock->leadSeconds)));
}

void TestAutoscalerComparison::loadProfile_data()
{
    QTest::addColumn<JobSchedule>("a");
    QTest::addColumn<JobSchedule>("b");
    QTest::addColumn<LoadProfileMatch::Kind>("kind");
    QTest::addColumn<QString>("detail");
    const JobSchedule hpa = schedule({{"../../workloads/high-20.yaml", 0},
                                      {"../../workloads/high-30.yaml", 120},
                                      {"../../workloads/high-20.yaml", 240}});
    QTest::newRow("same manifests by file name, same delays")
        << hpa
        << schedule({{"../../not_wva/workloads/high-20.yaml", 0},
                     {"../../not_wva/workloads/high-30.yaml", 120},
                     {"../../not_wva/workloads/high-20.yaml", 240.4}})
        << LoadProfileMatch::Kind::Same
        << "3 job(s): high-20.yaml at 0 s, high-30.yaml at 120 s, high-20.yaml at 240 s";
    QTest::newRow("third job differs")
        << hpa << schedule({{"high-20.yaml", 0}, {"high-30.yaml", 120}, {"moderate-15.yaml", 240}})
        << LoadProfileMatch::Kind::Different
        << "job 3: high-20.yaml at 240 s in A, moderate-15.yaml at 240 s in B";
    QTest::newRow("delay differs by 2 s")
        << hpa << schedule({{"high-20.yaml", 0}, {"high-30.yaml", 122}, {"high-20.yaml", 240}})
        << LoadProfileMatch::Kind::Different
        << "job 2: high-30.yaml at 120 s in A, high-30.yaml at 122 s in B";
    QTest::newRow("job count differs")
        << hpa << schedule({{"high-20.yaml", 0}}) << LoadProfileMatch::Kind::Different
        << "3 jobs in A, 1 in B";
    QTest::newRow("B has no schedule") << hpa << JobSchedule{} << LoadProfileMatch::Kind::Unknown
                                       << "no job schedule (experiment-config.yaml jobs) in B";
}

void TestAutoscalerComparison::loadProfile()
{
    QFETCH(JobSchedule, a);
    QFETCH(JobSchedule, b);
    QFETCH(LoadProfileMatch::Kind, kind);
    QFETCH(QString, detail);
    const LoadProfileMatch m = LoadProfileMatch::match(a, b);
    QCOMPARE(m.kind, kind);
    QCOMPARE(QString::fromStdString(m.detail), detail);
}

void TestAutoscalerComparison::sharedHpaAgainstModelBasedWva()
{
    if (!std::filesystem::is_directory(kHighLoad) || !std::filesystem::is_directory(kModelBased))
        QSKIP("../shared/examples (with wva/) is absent");
    const Experiment hpa = ExperimentLoader::load(kHighLoad);
    const Experiment wva = ExperimentLoader::load(kModelBased);
    const ExperimentComparison c = ExperimentComparison::compare(hpa, wva);

    // experiment-config.yaml: both start high-20 at 0 s and high-30 at 120 s; at 240 s the
    // HPA run starts high-20 again, the WVA run moderate-15.
    QCOMPARE(c.loadProfile().kind, LoadProfileMatch::Kind::Different);
    QCOMPARE(QString::fromStdString(c.loadProfile().detail),
             QStringLiteral("job 3: sharegpt-load-job-high-20.yaml at 240 s in A, "
                            "sharegpt-load-job-moderate-15.yaml at 240 s in B"));
    const auto json = ComparisonJson::toJson(c);
    QCOMPARE(json["load_profile"]["match"].get<std::string>(), std::string("different"));
    QCOMPARE(json["a"]["autoscaler"]["kind"].get<std::string>(), std::string("hpa"));
    QVERIFY(json["a"]["autoscaler"]["variants"].is_null());
    const auto &b = json["b"]["autoscaler"];
    QCOMPARE(b["kind"].get<std::string>(), std::string("wva"));
    QVERIFY(b["mode"].is_string());
    // The run has both its log and the long metrics.csv derived from it (tst_wva_metrics_csv).
    QCOMPARE(b["source"].get<std::string>(),
             std::string("metrics.csv and wva-controller-logs.jsonl"));
    QCOMPARE(b["sources"]["ttft_ms"].get<std::string>(), std::string("metrics.csv"));
    QCOMPARE(b["sources"]["waiting"].get<std::string>(), std::string("wva-controller-logs.jsonl"));
    QVERIFY(json["a"]["autoscaler"]["sources"].is_null());
    QVERIFY(b["variants"].is_array() && !b["variants"].empty());
    QCOMPARE(b["variant"].get<std::string>(), b["variants"][0]["name"].get<std::string>());
    QCOMPARE(b["decisions_total"].get<std::size_t>(),
             b["variants"][0]["decisions_total"].get<std::size_t>());
    QVERIFY2(b["folder_clock"].get<std::string>().find("UTC-05:00") != std::string::npos,
             b["folder_clock"].dump().c_str());
    // The model-based run's predictions are scored; the HPA run has none.
    QVERIFY(json["a"]["prediction_errors"].empty());
    QCOMPARE(json["b"]["prediction_errors"].size(), std::size_t(2));

    const std::string text = ComparisonText::render(c);
    QVERIFY(text.find("Autoscalers:  A hpa, B wva") != std::string::npos);
    QVERIFY(text.find("Load profile: load profiles differ (job 3:") != std::string::npos);
}

void TestAutoscalerComparison::sameLoadProfileAlignsOnLoadStart()
{
    // Two runs of one load profile (an HPA and a WVA run of the study): the header says so
    // and the charts align on load start by default; different profiles on the first sample.
    Experiment a, b, c;
    for (Experiment *e : {&a, &b, &c}) {
        e->metrics.addColumn("replicas", "replicas");
        for (int i = 0; i < 5; ++i)
            e->metrics.appendRow(1000.0 + 10 * i, i + 2, {1});
    }
    a.schedule = schedule({{"jobs/high-20.yaml", 0}, {"jobs/high-30.yaml", 120}});
    b.schedule = schedule({{"other/high-20.yaml", 0}, {"other/high-30.yaml", 120}});
    c.schedule = schedule({{"high-20.yaml", 0}, {"moderate-15.yaml", 120}});
    const ExperimentComparison same = ExperimentComparison::compare(a, b);
    QCOMPARE(same.loadProfile().kind, LoadProfileMatch::Kind::Same);
    const auto json = ComparisonJson::toJson(same);
    QCOMPARE(json["load_profile"]["match"].get<std::string>(), std::string("same"));
    QCOMPARE(json["load_profile"]["align"].get<std::string>(), std::string("first_active_jobs"));
    const std::string text = ComparisonText::render(same);
    QVERIFY2(text.find("Load profile: same load profile (") != std::string::npos, text.c_str());
    QVERIFY2(text.find("Charts align on: Load start (first active job)") != std::string::npos,
             text.c_str());

    const ExperimentComparison differ = ExperimentComparison::compare(a, c);
    QCOMPARE(differ.loadProfile().kind, LoadProfileMatch::Kind::Different);
    QCOMPARE(ComparisonJson::toJson(differ)["load_profile"]["align"].get<std::string>(),
             std::string("first_sample"));
    QVERIFY(ComparisonText::render(differ).find("Charts align on: First sample") !=
            std::string::npos);
}

QTEST_GUILESS_MAIN(TestAutoscalerComparison)
#include "tst_autoscaler_comparison.moc"
