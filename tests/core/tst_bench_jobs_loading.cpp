#include "core/load/experiment_loader.h"
#include "core/model/timestamp.h"
#include "test_files.h"

#include "bench_log_writer.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using hpa::core::BenchJob;
using hpa::core::Experiment;
using hpa::core::ExperimentLoader;
using hpa::core::JobPlacement;
using hpa::test::BenchLogSpec;

namespace {

const QString kWva =
    QStringLiteral(HPA_SHARED_DIR "/examples/wva/model-based-high-parallel-20251209-224705");

QString jobLogs(const QTemporaryDir &tmp)
{
    QDir(tmp.path()).mkdir(QStringLiteral("job-logs"));
    return tmp.path() + QStringLiteral("/job-logs/");
}

} // namespace

class TestBenchJobsLoading : public QObject
{
    Q_OBJECT

private slots:
    void benchOnlyFolder();
    void threeHundredLogs();
    void wvaFolderIsPlacedByTheLogClock();
};

void TestBenchJobsLoading::benchOnlyFolder()
{
    QTemporaryDir tmp;
    const QString logs = jobLogs(tmp);
    BenchLogSpec spec;
    spec.frames = 200;
    hpa::test::writeFileOrFail(logs + "load-a_load-a-x1y2z.log", hpa::test::benchLog(spec));
    spec.block = false;
    hpa::test::writeFileOrFail(logs + "load-b_load-b-x1y2z.log", hpa::test::benchLog(spec));
    QVERIFY(ExperimentLoader::isExperimentDir(tmp.path().toStdString()));
    const Experiment e = ExperimentLoader::load(tmp.path().toStdString());
    QVERIFY(e.benchOnly);
    QVERIFY(e.metrics.empty());
    QCOMPARE(e.jobs.size(), std::size_t{2});
    QCOMPARE(e.jobs[0].name, std::string("load-a"));
    QCOMPARE(e.jobs[0].outcome, BenchJob::Outcome::Complete);
    QCOMPARE(e.jobs[1].outcome, BenchJob::Outcome::KilledDuringRun);
    for (const BenchJob &job : e.jobs) {
        QVERIFY(!job.placement.placed());
        QVERIFY2(job.placement.detail.find("no experiment clock") != std::string::npos,
                 job.placement.detail.c_str());
    }
    bool warned = false;
    for (const auto &w : e.warnings)
        warned = warned || (w.file == "job-logs/load-b_load-b-x1y2z.log" &&
                            w.message.find("killed during the run") != std::string::npos);
    QVERIFY(warned);
}

void TestBenchJobsLoading::threeHundredLogs()
{
    QTemporaryDir tmp;
    const QString logs = jobLogs(tmp);
    BenchLogSpec spec;
    spec.frames = 20;
    const std::string log = hpa::test::benchLog(spec);
    for (int i = 0; i < 300; ++i)
        hpa::test::writeFileOrFail(
            logs + QStringLiteral("job-%1_job-%1-abcde.log").arg(i, 3, 10, QLatin1Char('0')), log);
    const Experiment e = ExperimentLoader::load(tmp.path().toStdString());
    QCOMPARE(e.jobs.size(), std::size_t{300});
    QCOMPARE(e.jobs[299].name, std::string("job-299"));
    QVERIFY(e.warnings.empty());
}

void TestBenchJobsLoading::wvaFolderIsPlacedByTheLogClock()
{
    if (!QDir(kWva).exists())
        QSKIP("../shared/examples/wva is absent");
    const Experiment e = ExperimentLoader::load(kWva.toStdString());
    QCOMPARE(e.jobs.size(), std::size_t{3});
    QCOMPARE(e.schedule.jobs.size(), std::size_t{3});
    // Logs at 19:47:38 / 19:49 / 19:51 (bench clock), metrics.csv 03:48:07Z → 04:09:08Z: only
    // +8 h puts all three inside; the first load starts after its 6 s ready check.
    for (const BenchJob &job : e.jobs) {
        QCOMPARE(JobPlacement::methodName(job.placement.method), std::string("log clock"));
        QVERIFY2(job.placement.detail.find("+8 h 00 min") != std::string::npos,
                 job.placement.detail.c_str());
    }
    QCOMPARE(*e.jobs[0].placement.start,
             hpa::core::Timestamp::parse("2025-12-10T03:47:44Z")->seconds);
    QCOMPARE(*e.jobs[0].placement.end,
             hpa::core::Timestamp::parse("2025-12-10T03:47:44Z")->seconds + 910.11);
}

QTEST_APPLESS_MAIN(TestBenchJobsLoading)
#include "tst_bench_jobs_loading.moc"
