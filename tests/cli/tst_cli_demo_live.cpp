// `hpa-lens demo OUT --live --speed X` writes the run as a monitor does: rows appear one by one
// while it runs, metadata.json gets its end_time only at the end, and an ExperimentFollower
// reading the folder meanwhile ends with what a full load reads.
#include "cli_process.h"
#include "core/load/experiment_follower.h"
#include "core/load/experiment_loader.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

class TestCliDemoLive : public QObject
{
    Q_OBJECT
private slots:
    void writesRowByRow();
    void speedNeedsLive();
};

void TestCliDemoLive::writesRowByRow()
{
    QTemporaryDir tmp;
    const QString out = tmp.filePath(QStringLiteral("live"));
    QProcess p;
    p.start(QStringLiteral(HPA_LENS_EXECUTABLE),
            {QStringLiteral("demo"), out, QStringLiteral("--live"), QStringLiteral("--speed"),
             QStringLiteral("40"), QStringLiteral("--samples"), QStringLiteral("60")});
    QVERIFY(p.waitForStarted());
    const QString metrics = QDir(out).filePath(QStringLiteral("metrics.csv"));
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(metrics) && QFile(metrics).size() > 200, 20000);

    // Part of the run is there, not all of it, and the metadata has no end_time yet.
    std::unique_ptr<hpa::core::ExperimentFollower> follower;
    follower = std::make_unique<hpa::core::ExperimentFollower>(out.toStdString());
    const std::size_t early = follower->experiment()->metrics.rowCount();
    QVERIFY2(early < 60, "the whole run was written at once");
    QVERIFY(follower->experiment()->metadata.text("end_time").empty());
    std::size_t polls = 0, grew = 0;
    while (p.state() != QProcess::NotRunning) {
        p.waitForFinished(100);
        ++polls;
        if (follower->poll().rowsAdded > 0)
            ++grew;
    }
    QCOMPARE(p.exitCode(), 0);
    follower->poll();
    QVERIFY2(grew >= 2, "rows should arrive over time, not at once");
    const hpa::core::Experiment full = hpa::core::ExperimentLoader::load(out.toStdString());
    QCOMPARE(full.metrics.rowCount(), std::size_t(60));
    QCOMPARE(follower->experiment()->metrics.rowCount(), std::size_t(60));
    QVERIFY(follower->experiment()->metrics.time() == full.metrics.time());
    QCOMPARE(follower->experiment()->events.size(), full.events.size());
    QVERIFY(follower->experiment()->warnings == full.warnings);
    QVERIFY(!full.metadata.text("end_time").empty());
    QVERIFY(!follower->experiment()->metadata.text("end_time").empty());
}

void TestCliDemoLive::speedNeedsLive()
{
    QTemporaryDir tmp;
    const hpa::test::CliRun r =
        hpa::test::runHpaLens({QStringLiteral("demo"), tmp.filePath(QStringLiteral("x")),
                               QStringLiteral("--speed"), QStringLiteral("3")},
                              true);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("--speed is an option of --live"));
}

QTEST_GUILESS_MAIN(TestCliDemoLive)
#include "tst_cli_demo_live.moc"
