#include "core/load/job_placer.h"
#include "core/model/timestamp.h"

#include <QTest>

#include <cmath>

using hpa::core::BenchField;
using hpa::core::BenchJob;
using hpa::core::BenchResult;
using hpa::core::Experiment;
using hpa::core::JobPlacement;
using hpa::core::JobPlacer;
using hpa::core::KubectlSnapshot;
using hpa::core::LogClockTime;
using hpa::core::ScheduledJob;
using hpa::core::Timestamp;

Q_DECLARE_METATYPE(JobPlacement::Method)

namespace {

double at(const char *text)
{
    return Timestamp::parse(text)->seconds;
}

/// A job whose log's dated line reads `t0`, `ready` s of ready check, `duration` s of load.
BenchJob job(const QString &name, const char *t0, double ready, double duration)
{
    BenchJob j;
    j.name = name.toStdString();
    const std::string s(t0);
    LogClockTime c;
    c.year = std::stoi(s.substr(0, 4));
    c.month = std::stoi(s.substr(5, 2));
    c.day = std::stoi(s.substr(8, 2));
    c.hour = std::stoi(s.substr(11, 2));
    c.minute = std::stoi(s.substr(14, 2));
    c.second = std::stoi(s.substr(17, 2));
    j.dated = c;
    j.readyCheckSeconds = ready;
    BenchResult r;
    BenchField f;
    f.label = "Benchmark duration (s):";
    f.key = "benchmark_duration_s";
    f.value = duration;
    r.fields.push_back(f);
    r.complete = true;
    j.result = r;
    return j;
}

Experiment window(const char *from, const char *to)
{
    Experiment e;
    for (double t = at(from); t <= at(to); t += 5)
        e.metrics.appendRow(t, 1, {});
    e.metrics.setNaiveTime(true);
    return e;
}

void schedule(Experiment &e, std::initializer_list<double> delays)
{
    int i = 0;
    for (double d : delays) {
        ScheduledJob s;
        s.name = "phase-" + std::to_string(++i);
        s.startDelay = d;
        e.schedule.jobs.push_back(s);
    }
}

KubectlSnapshot jobsSnapshot(const char *time, const char *completions, const char *duration,
                             const char *age)
{
    KubectlSnapshot s;
    s.title = "Job Status";
    s.time = at(time);
    s.header = {"NAME", "COMPLETIONS", "DURATION", "AGE", "CONTAINERS"};
    s.rows = {{"load-a", completions, duration, age, "vllm-bench"}};
    s.line = 4;
    return s;
}

} // namespace

class TestJobPlacer : public QObject
{
    Q_OBJECT

private slots:
    void kubectlDuration_data();
    void kubectlDuration();
    void place_data();
    void place();
};

void TestJobPlacer::kubectlDuration_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<double>("seconds"); ///< -1: not a duration
    // Formats of k8s HumanDuration (spec V6) and of the generated example jobs.log.
    QTest::newRow("seconds") << "16s" << 16.0;
    QTest::newRow("example 0m16s") << "0m16s" << 16.0;
    QTest::newRow("minutes seconds") << "11m14s" << 674.0;
    QTest::newRow("minutes only") << "11m" << 660.0;
    QTest::newRow("hours minutes") << "3h5m" << 11100.0;
    QTest::newRow("days hours") << "2d3h" << 183600.0;
    QTest::newRow("empty") << "" << -1.0;
    QTest::newRow("bad unit") << "5x" << -1.0;
    QTest::newRow("unit only") << "m" << -1.0;
    QTest::newRow("trailing number") << "5m3" << -1.0;
}

void TestJobPlacer::kubectlDuration()
{
    QFETCH(QString, text);
    QFETCH(double, seconds);
    const auto v = JobPlacer::kubectlDuration(text.toStdString());
    if (seconds < 0)
        QVERIFY(!v);
    else
        QCOMPARE(*v, seconds);
}

void TestJobPlacer::place_data()
{
    QTest::addColumn<int>("scenario");
    QTest::addColumn<JobPlacement::Method>("method");
    QTest::addColumn<double>("start"); ///< of the first job; NaN when not placed
    QTest::addColumn<double>("end");
    QTest::addColumn<QString>("detail");
    using M = JobPlacement::Method;
    const double nan = std::nan("");
    QTest::newRow("same clock") << 0 << M::LogClock << at("2025-12-09 19:47:44")
                                << at("2025-12-09 19:47:44") + 910.11 << "+0 h 00 min";
    // The WVA model-based-high-parallel run: logs at 19:47/19:49/19:51, metrics.csv in UTC
    // from 03:48:07 the next day: the bench clock is 8 h behind (spec §5 B).
    QTest::newRow("eight hours") << 1 << M::LogClock << at("2025-12-10 03:47:44")
                                 << at("2025-12-10 03:47:44") + 910.11 << "+8 h 00 min";
    QTest::newRow("not a time zone") << 2 << M::None << nan << nan << "not a time-zone offset";
    QTest::newRow("ambiguous") << 3 << M::None << nan << nan << "different quarter-hour offsets";
    QTest::newRow("schedule decides") << 4 << M::Schedule << at("2025-12-09 20:47:44")
                                      << at("2025-12-09 20:47:44") + 300 << "+1 h 00 min";
    QTest::newRow("jobs.log") << 5 << M::JobsLog << at("2025-11-20 14:04:00")
                              << at("2025-11-20 14:15:00") << "jobs.log line 4";
    QTest::newRow("no experiment clock") << 6 << M::None << nan << nan << "no experiment clock";
    QTest::newRow("no clock line") << 7 << M::None << nan << nan << "no clock line";
    QTest::newRow("outside every window")
        << 8 << M::None << nan << nan << "no whole number of quarter hours";
}

void TestJobPlacer::place()
{
    QFETCH(int, scenario);
    QFETCH(JobPlacement::Method, method);
    QFETCH(double, start);
    QFETCH(double, end);
    QFETCH(QString, detail);
    Experiment e;
    switch (scenario) {
    case 0:
        e = window("2025-12-09 19:45:00", "2025-12-09 20:10:00");
        e.jobs = {job("a", "2025-12-09 19:47:38", 6, 910.11)};
        break;
    case 1:
        e = window("2025-12-10 03:48:07", "2025-12-10 04:09:08");
        e.jobs = {job("a", "2025-12-09 19:47:38", 6, 910.11),
                  job("b", "2025-12-09 19:49:39", 16, 908.98),
                  job("c", "2025-12-09 19:51:36", 22, 907.01)};
        schedule(e, {0, 120, 240});
        break;
    case 2:
        // Starts 3 h 36 min 42 s after the logs; a long window lets several offsets fit, and
        // the schedule gives the offset away as no time zone.
        e = window("2025-12-09 23:24:20", "2025-12-10 02:00:00");
        e.jobs = {job("a", "2025-12-09 19:47:38", 6, 300), job("b", "2025-12-09 19:50:38", 6, 300)};
        schedule(e, {0, 180});
        break;
    case 3:
        e = window("2025-12-09 18:00:00", "2025-12-10 00:00:00");
        e.jobs = {job("a", "2025-12-09 19:47:38", 6, 300)};
        break;
    case 4:
        e = window("2025-12-09 20:47:08", "2025-12-10 02:00:00");
        e.jobs = {job("a", "2025-12-09 19:47:38", 6, 300), job("b", "2025-12-09 19:50:41", 9, 300)};
        schedule(e, {0, 180});
        break;
    case 5:
        e = window("2025-11-20 14:03:12", "2025-11-20 14:32:13");
        e.jobs = {job("load-a", "2025-12-09 19:47:38", 6, 910)};
        e.jobSnapshots = {jobsSnapshot("2025-11-20 14:06:00", "0/1", "2m0s", "2m0s"),
                          jobsSnapshot("2025-11-20 14:14:30", "0/1", "10m30s", "10m30s"),
                          jobsSnapshot("2025-11-20 14:15:05", "1/1", "11m0s", "11m5s")};
        break;
    case 6:
        e.jobs = {job("a", "2025-12-09 19:47:38", 6, 910)};
        break;
    case 7: {
        e = window("2025-12-09 19:45:00", "2025-12-09 20:10:00");
        BenchJob j = job("a", "2025-12-09 19:47:38", 6, 910);
        j.dated.reset();
        e.jobs = {j};
        break;
    }
    case 8:
        e = window("2025-12-09 19:45:00", "2025-12-09 19:50:00");
        e.jobs = {job("a", "2025-12-09 19:47:38", 6, 910.11)};
        break;
    }
    JobPlacer::place(e);
    const JobPlacement &p = e.jobs.front().placement;
    QCOMPARE(JobPlacement::methodName(p.method), JobPlacement::methodName(method));
    QVERIFY2(QString::fromStdString(p.detail).contains(detail), p.detail.c_str());
    if (std::isnan(start)) {
        QVERIFY(!p.placed());
        QVERIFY(!p.start);
        return;
    }
    QCOMPARE(*p.start, start);
    QCOMPARE(*p.end, end);
    for (const BenchJob &j : e.jobs)
        QCOMPARE(JobPlacement::methodName(j.placement.method), JobPlacement::methodName(method));
}

QTEST_APPLESS_MAIN(TestJobPlacer)
#include "tst_job_placer.moc"
