// Issue 11, point 11: verdicts that mislead. Replica-hours "better" only because B ran 32 %
// shorter, "either threshold" worse in samples but better in percent, a 0.7 s difference in a
// latency measured with 21 s sampling coloured "worse". The rules live in
// core/analysis/comparison, so `compare` text, JSON and the Comparison tab agree.

#include "core/analysis/comparison.h"
#include "core/report/comparison_json.h"
#include "core/report/comparison_text.h"

#include <QTest>

using namespace hpa::core;

Q_DECLARE_METATYPE(Verdict)

namespace {

/// A run of `duration` seconds sampled every `interval` seconds.
ExperimentSummary run(const char *path, double duration, double interval)
{
    ExperimentSummary s;
    s.name = path;
    s.path = path;
    s.durationSeconds = duration;
    s.medianIntervalSeconds = interval;
    s.samples = static_cast<std::size_t>(duration / interval) + 1;
    return s;
}

} // namespace

class TestComparisonVerdicts : public QObject
{
    Q_OBJECT
private slots:
    void replicaHoursAreGradedPerHourOfRun_data();
    void replicaHoursAreGradedPerHourOfRun();
    void violationSamplesFollowTheirShare();
    void latencyWithinSamplingResolutionIsSame_data();
    void latencyWithinSamplingResolutionIsSame();
    void textAndJsonCarryTheVerdicts();
    void aRunComparedWithItselfSaysSo();
};

void TestComparisonVerdicts::replicaHoursAreGradedPerHourOfRun_data()
{
    QTest::addColumn<double>("durationA");
    QTest::addColumn<double>("replicaSecondsA");
    QTest::addColumn<double>("durationB");
    QTest::addColumn<double>("replicaSecondsB");
    QTest::addColumn<Verdict>("total");
    QTest::addColumn<double>("perHourB");
    QTest::addColumn<bool>("noted");
    // B ran 32 % shorter (2448 s of 3600 s) at 5 replicas instead of 4: fewer replica-hours
    // (3.4 vs 4) but more replicas per hour of run (5 vs 4) - worse, not better.
    QTest::newRow("shorter run, more replicas")
        << 3600.0 << 4 * 3600.0 << 2448.0 << 5 * 2448.0 << Verdict::Worse << 5.0 << true;
    // Same length: the totals decide as before.
    QTest::newRow("same length") << 3600.0 << 4 * 3600.0 << 3600.0 << 3 * 3600.0 << Verdict::Better
                                 << 3.0 << false;
    // Within 1 % of each other: the totals decide.
    QTest::newRow("0.5 % longer") << 3600.0 << 4 * 3600.0 << 3618.0 << 3 * 3618.0 << Verdict::Better
                                  << 3.0 << false;
}

void TestComparisonVerdicts::replicaHoursAreGradedPerHourOfRun()
{
    QFETCH(double, durationA);
    QFETCH(double, replicaSecondsA);
    QFETCH(double, durationB);
    QFETCH(double, replicaSecondsB);
    QFETCH(Verdict, total);
    QFETCH(double, perHourB);
    QFETCH(bool, noted);
    ExperimentSummary a = run("/a", durationA, 5);
    ExperimentSummary b = run("/b", durationB, 5);
    a.replicaSeconds = replicaSecondsA;
    b.replicaSeconds = replicaSecondsB;
    const ExperimentComparison c(a, b);
    const ComparisonRow *hours = c.row("replica_hours");
    const ComparisonRow *rate = c.row("replica_hours_per_hour");
    QVERIFY(hours && rate);
    QCOMPARE(hours->verdict, total);
    QCOMPARE(rate->verdict, total);
    QCOMPARE(*rate->a, 4.0);
    QCOMPARE(*rate->b, perHourB);
    QCOMPARE(!hours->note.empty(), noted);
    if (noted)
        QVERIFY(QString::fromStdString(hours->note).contains(QStringLiteral("32 % shorter")));
    // The rate row sits right under the total.
    const auto &rows = c.rows();
    const auto at = std::find_if(rows.begin(), rows.end(),
                                 [](const ComparisonRow &r) { return r.key == "replica_hours"; });
    QCOMPARE((at + 1)->key, std::string("replica_hours_per_hour"));
}

void TestComparisonVerdicts::violationSamplesFollowTheirShare()
{
    // A: 720 samples, 100 over a threshold (13.9 %). B: 3600 samples at 1 s, 200 over (5.6 %):
    // more samples over but a smaller share - both rows say better.
    ExperimentSummary a = run("/a", 3600, 5);
    ExperimentSummary b = run("/b", 3600, 1);
    a.anyViolations = {100, 100.0 * 100 / 721};
    b.anyViolations = {200, 100.0 * 200 / 3601};
    const ExperimentComparison c(a, b);
    QCOMPARE(c.row("violations.any.percent")->verdict, Verdict::Better);
    QCOMPARE(c.row("violations.any.samples")->verdict, Verdict::Better);
    QVERIFY(!c.row("violations.any.samples")->note.empty());
    for (const char *name : {"waiting", "kv_cache", "any"}) {
        const std::string key = std::string("violations.") + name;
        QCOMPARE(c.row(key + ".samples")->verdict, c.row(key + ".percent")->verdict);
    }
}

void TestComparisonVerdicts::latencyWithinSamplingResolutionIsSame_data()
{
    QTest::addColumn<double>("intervalA");
    QTest::addColumn<double>("intervalB");
    QTest::addColumn<double>("latencyA");
    QTest::addColumn<double>("latencyB");
    QTest::addColumn<Verdict>("verdict");
    QTest::addColumn<double>("resolution");
    QTest::newRow("0.7 s at 21 s sampling")
        << 21.0 << 21.0 << 40.0 << 40.7 << Verdict::Same << 21.0;
    QTest::newRow("the coarser run decides")
        << 5.0 << 21.0 << 40.0 << 60.0 << Verdict::Same << 21.0;
    QTest::newRow("30 s at 21 s sampling")
        << 21.0 << 21.0 << 40.0 << 70.0 << Verdict::Worse << 21.0;
    QTest::newRow("6 s at 5 s sampling") << 5.0 << 5.0 << 40.0 << 34.0 << Verdict::Better << 5.0;
}

void TestComparisonVerdicts::latencyWithinSamplingResolutionIsSame()
{
    QFETCH(double, intervalA);
    QFETCH(double, intervalB);
    QFETCH(double, latencyA);
    QFETCH(double, latencyB);
    QFETCH(Verdict, verdict);
    QFETCH(double, resolution);
    ExperimentSummary a = run("/a", 3600, intervalA);
    ExperimentSummary b = run("/b", 3600, intervalB);
    a.meanScaleUpLatencySeconds = latencyA;
    b.meanScaleUpLatencySeconds = latencyB;
    const ExperimentComparison comparison(a, b); // kept: row() points into it
    const ComparisonRow *r = comparison.row("scale_up_latency_s");
    QVERIFY(r);
    QCOMPARE(r->verdict, verdict);
    QVERIFY(r->resolution);
    QCOMPARE(*r->resolution, resolution);
    QCOMPARE(*r->delta, latencyB - latencyA); // the difference is still shown
}

void TestComparisonVerdicts::textAndJsonCarryTheVerdicts()
{
    ExperimentSummary a = run("/a", 3600, 21);
    ExperimentSummary b = run("/b", 2448, 21);
    a.replicaSeconds = 4 * 3600.0;
    b.replicaSeconds = 5 * 2448.0;
    a.meanScaleUpLatencySeconds = 40;
    b.meanScaleUpLatencySeconds = 40.7;
    const ExperimentComparison c(a, b);
    const QString text = QString::fromStdString(ComparisonText::render(c));
    QVERIFY2(text.contains(QStringLiteral("Mean scale-up latency (s) ±21")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("within the sampling resolution")));
    QVERIFY(text.contains(QStringLiteral("Mean replicas (replica-hours per hour)")));
    QVERIFY(text.contains(QStringLiteral("worse (per hour of run: B ran 32 % shorter than A)")));
    QVERIFY(!text.contains(QStringLiteral("same run")));
    const auto json = ComparisonJson::toJson(c);
    QCOMPARE(json["verdicts"]["replica_hours"]["verdict"].get<std::string>(), std::string("worse"));
    QCOMPARE(json["verdicts"]["scale_up_latency_s"]["verdict"].get<std::string>(),
             std::string("same"));
    QCOMPARE(json["verdicts"]["scale_up_latency_s"]["resolution_s"].get<double>(), 21.0);
    QCOMPARE(json["same_run"].get<bool>(), false);
}

void TestComparisonVerdicts::aRunComparedWithItselfSaysSo()
{
    const ExperimentSummary a = run("/runs/a", 3600, 5);
    const ExperimentComparison c(a, a);
    QVERIFY(c.sameRun());
    QVERIFY(QString::fromStdString(ComparisonText::render(c)).contains(QStringLiteral("same run")));
    QCOMPARE(ComparisonJson::toJson(c)["same_run"].get<bool>(), true);
    QVERIFY(!ExperimentComparison(a, run("/runs/b", 3600, 5)).sameRun());
}

QTEST_APPLESS_MAIN(TestComparisonVerdicts)

#include "tst_comparison_verdicts.moc"
