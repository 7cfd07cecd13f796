// The main window following a run that is being written: charts slide with new rows while
// following, a zoom into the past stops following, End resumes it; the status bar says "live"
// and turns to "stalled" after 3 x the sample interval without a row; a comparison with a
// finished run B stays while A grows.
#include "app/gui/follow_controller.h"
#include "app/gui/main_window.h"
#include "test_files.h"
#include "ui/app_settings.h"
#include "ui/charts/follow_mode.h"
#include "ui/charts/time_axis_strip.h"
#include "ui/charts/time_window.h"
#include "ui/experiment_workspace.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using hpa::app::MainWindow;

namespace {

const QByteArray kHeader =
    "timestamp,replicas,desired_replicas,num_requests_waiting,num_requests_waiting_target,"
    "kv_cache_usage_perc,kv_cache_usage_target,ttft_ms,itl_ms,request_rate_per_min,active_jobs\n";

/// Rows `from` .. `from + count - 1`, one second apart (so "stalled" comes after 3 s).
QByteArray rows(int from, int count)
{
    QByteArray text;
    for (int i = from; i < from + count; ++i) {
        text += QStringLiteral("2025-12-01 10:%1:%2,%3,%3,%4,10,0.%5,0.8,120.5,20.1,600,2\n")
                    .arg(i / 60, 2, 10, QChar('0'))
                    .arg(i % 60, 2, 10, QChar('0'))
                    .arg(1 + i / 20)
                    .arg(i % 13)
                    .arg(30 + i % 50)
                    .toLatin1();
    }
    return text;
}

void append(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::Append));
    f.write(bytes);
}

} // namespace

class TestFollowLive : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void followsStopsOnZoomResumesOnEnd();
    void comparisonFollowsA();
    void followWidthIsKept();
    void wholeRunEnd_data();
    void wholeRunEnd();
    void rowsOnThePageKeepTheScale();
};

void TestFollowLive::followsStopsOnZoomResumesOnEnd()
{
    QTemporaryDir tmp;
    const QString dir = tmp.filePath(QStringLiteral("live-20251201-100000"));
    QVERIFY(QDir().mkpath(dir));
    const QString metrics = QDir(dir).filePath(QStringLiteral("metrics.csv"));
    const QString events = QDir(dir).filePath(QStringLiteral("scaling-events.log"));
    hpa::test::writeFileOrFail(metrics, kHeader + rows(0, 20));
    hpa::test::writeFileOrFail(
        events, "[2025-12-01 10:00:00] Monitor started - collecting metrics every 1s\n");

    MainWindow w(hpa::ui::AppSettings::Storage::InMemory);
    w.setModalErrors(false);
    w.resize(1400, 900);
    w.show();
    w.openExperiment(dir);
    w.waitForLoad();
    QVERIFY2(w.lastError().isEmpty(), qPrintable(w.lastError()));
    hpa::app::FollowController *follow = w.followController();
    hpa::ui::TimeWindow *window = w.workspace()->timeWindow();
    QVERIFY(follow->followMode()->isFollowing());
    QVERIFY(follow->followAction()->isChecked());
    QVERIFY(!follow->isLive());
    QVERIFY(!follow->statusLabel()->isVisible());
    const auto *chartsBefore = w.workspace()->loaded().get();

    // Rows and an event arrive: the run grows, the view slides to the new end.
    const double endBefore = window->fullTo();
    append(metrics, rows(20, 10) + rows(30, 1).left(12)); // and a partial line
    append(events, "[2025-12-01 10:00:25] SCALE UP TRIGGERED: 2 -> 3 (waiting: 30, cache: 0.5)\n");
    follow->checkNow();
    follow->waitForIdle();
    QCOMPARE(w.workspace()->loaded()->experiment->metrics.rowCount(), std::size_t(30));
    QCOMPARE(w.workspace()->loaded()->experiment->events.size(), std::size_t(1));
    QVERIFY(w.workspace()->loaded().get() != chartsBefore);
    QCOMPARE(window->fullTo(), endBefore + 10);
    // The whole run on a page with room for the next rows: 29 s of data, 5% more rounded up
    // to a 5 s step (about a tenth of the run).
    QCOMPARE(window->from(), window->fullFrom());
    QCOMPARE(window->to() - window->fullFrom(), 35.0);
    // The range text names the data shown, up to the newest sample, not the page's end.
    const QString range = w.workspace()->timeAxisStrip()->rangeText();
    QVERIFY2(range.contains(QStringLiteral("10:00:29")) &&
                 !range.contains(QStringLiteral("10:00:35")),
             qPrintable(range));
    QVERIFY(follow->isLive());
    QVERIFY(follow->statusLabel()->isVisible());
    QVERIFY2(follow->statusLabel()->text().contains(QStringLiteral("live")),
             qPrintable(follow->statusLabel()->text()));

    // Zooming into the past stops following: new rows extend the run, not the view.
    window->zoomTo(window->fullFrom(), window->fullFrom() + 8);
    QVERIFY(!follow->followMode()->isFollowing());
    QVERIFY(!follow->followAction()->isChecked());
    append(metrics, rows(30, 10).mid(12));
    follow->checkNow();
    follow->waitForIdle();
    QCOMPARE(w.workspace()->loaded()->experiment->metrics.rowCount(), std::size_t(40));
    QCOMPARE(window->fullTo(), endBefore + 20);
    QCOMPARE(window->from(), window->fullFrom());
    QCOMPARE(window->to(), window->fullFrom() + 8);

    // End resumes: the view jumps to the end and slides again.
    w.activateWindow();
    QTest::keyClick(&w, Qt::Key_End);
    QVERIFY(follow->followMode()->isFollowing());
    QVERIFY(follow->followAction()->isChecked());
    QVERIFY(window->to() >= window->fullTo());
    QCOMPARE(window->to(),
             hpa::ui::FollowMode::wholeRunEnd(window->fullFrom(), window->fullTo(), 0));
    // A fixed-width window slides too, and ends at the newest sample.
    follow->lastMinutesAction()->trigger();
    append(metrics, rows(40, 5));
    follow->checkNow();
    follow->waitForIdle();
    QCOMPARE(window->to(), window->fullTo());
    QCOMPARE(window->fullTo(), endBefore + 25);

    // No row for more than 3 x the 1 s sample interval: "stalled".
    QTRY_VERIFY_WITH_TIMEOUT(follow->statusLabel()->text().contains(QStringLiteral("stalled")),
                             8000);
    QVERIFY(follow->statusLabel()->property("stalled").toBool());
}

void TestFollowLive::wholeRunEnd_data()
{
    QTest::addColumn<double>("fullFrom");
    QTest::addColumn<double>("fullTo");
    QTest::addColumn<double>("shownTo");
    QTest::addColumn<double>("end");
    // Rows that land on the page keep it; the first row past it opens the next page: 5% of
    // the run beyond its end, rounded up to a 1, 2 or 5 x 10^k s step of about a tenth.
    QTest::newRow("exact end, nothing new") << 0.0 << 100.0 << 100.0 << 100.0;
    QTest::newRow("a row past the end") << 0.0 << 105.0 << 100.0 << 120.0;
    QTest::newRow("rows on the page") << 0.0 << 119.0 << 120.0 << 120.0;
    QTest::newRow("past the page") << 0.0 << 121.0 << 120.0 << 140.0;
    QTest::newRow("an hour, from a zoom") << 1000.0 << 4600.0 << 2000.0 << 1000.0 + 4000.0;
    QTest::newRow("a page far too wide (a shorter run)") << 0.0 << 100.0 << 500.0 << 110.0;
    QTest::newRow("one sample") << 50.0 << 50.0 << 50.0 << 50.0;
    QTest::newRow("one sample, then another (1 s steps)") << 50.0 << 55.0 << 50.0 << 56.0;
}

void TestFollowLive::wholeRunEnd()
{
    QFETCH(double, fullFrom);
    QFETCH(double, fullTo);
    QFETCH(double, shownTo);
    QFETCH(double, end);
    QCOMPARE(hpa::ui::FollowMode::wholeRunEnd(fullFrom, fullTo, shownTo), end);
}

void TestFollowLive::rowsOnThePageKeepTheScale()
{
    hpa::ui::TimeWindow window;
    hpa::ui::FollowMode follow(&window);
    window.setFullRange(0, 100);
    QSignalSpy ranges(&window, &hpa::ui::TimeWindow::rangeChanged);
    for (double end : {101.0, 110.0, 119.5, 120.0}) {
        window.extendFullRange(0, end);
        follow.dataExtended();
    }
    // One new page at the first row, then no change of scale while rows land on it.
    QCOMPARE(ranges.count(), 1);
    QCOMPARE(window.to(), 120.0);
    window.extendFullRange(0, 121);
    follow.dataExtended();
    QCOMPARE(ranges.count(), 2);
    QCOMPARE(window.to(), 140.0);
    QVERIFY(!window.isZoomed());
    QVERIFY(follow.isFollowing());
}

void TestFollowLive::comparisonFollowsA()
{
    QTemporaryDir tmp;
    const QString a = tmp.filePath(QStringLiteral("a-20251201-100000"));
    const QString b = tmp.filePath(QStringLiteral("b-20251124-100000"));
    QVERIFY(QDir().mkpath(a));
    QVERIFY(QDir().mkpath(b));
    hpa::test::writeFileOrFail(QDir(a).filePath(QStringLiteral("metrics.csv")),
                               kHeader + rows(0, 10));
    hpa::test::writeFileOrFail(QDir(b).filePath(QStringLiteral("metrics.csv")),
                               kHeader + rows(0, 60));

    MainWindow w(hpa::ui::AppSettings::Storage::InMemory);
    w.setModalErrors(false);
    w.resize(1400, 900);
    w.show();
    w.openExperiment(a);
    w.compareWith(b);
    w.waitForLoad();
    QVERIFY(w.workspace()->isComparing());

    append(QDir(a).filePath(QStringLiteral("metrics.csv")), rows(10, 15));
    w.followController()->checkNow();
    w.followController()->waitForIdle();
    QVERIFY2(w.workspace()->isComparing(), "A growing must not end the comparison");
    QCOMPARE(w.workspace()->loaded()->experiment->metrics.rowCount(), std::size_t(25));
    QCOMPARE(w.workspace()->comparisonLoaded()->experiment->metrics.rowCount(), std::size_t(60));
    QCOMPARE(w.workspace()->sources().size(), 2);
    QCOMPARE(w.workspace()->sources().front().experiment->metrics.rowCount(), std::size_t(25));
}

/// The follow width the user picked is saved and is the one the next window starts with.
void TestFollowLive::followWidthIsKept()
{
    hpa::ui::AppSettings settings(hpa::ui::AppSettings::Storage::InMemory);
    QVERIFY(settings.followWholeRun());
    {
        hpa::ui::ExperimentWorkspace workspace;
        hpa::app::FollowController follow(&workspace, &settings);
        QVERIFY(follow.wholeRunAction()->isChecked());
        QCOMPARE(follow.followMode()->width(), hpa::ui::FollowMode::Width::WholeRun);
        follow.lastMinutesAction()->trigger();
        QCOMPARE(follow.followMode()->width(), hpa::ui::FollowMode::Width::Window);
    }
    QVERIFY(!settings.followWholeRun());
    hpa::ui::ExperimentWorkspace workspace;
    hpa::app::FollowController again(&workspace, &settings);
    QVERIFY(again.lastMinutesAction()->isChecked());
    QVERIFY(!again.wholeRunAction()->isChecked());
    QCOMPARE(again.followMode()->width(), hpa::ui::FollowMode::Width::Window);
    again.wholeRunAction()->trigger();
    QVERIFY(settings.followWholeRun());
}

QTEST_MAIN(TestFollowLive)
#include "tst_follow_live.moc"
