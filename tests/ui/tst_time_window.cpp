#include "ui/charts/time_window.h"

#include <QSignalSpy>
#include <QTest>

using hpa::ui::TimeWindow;

class TestTimeWindow : public QObject
{
    Q_OBJECT
private slots:
    void fullRangeShowsEverything()
    {
        TimeWindow w;
        QSignalSpy spy(&w, &TimeWindow::rangeChanged);
        w.setFullRange(0, 600);
        QCOMPARE(w.from(), 0.0);
        QCOMPARE(w.to(), 600.0);
        QVERIFY(!w.isZoomed());
        QVERIFY(!w.canGoBack());
        QCOMPARE(spy.count(), 1);
    }

    void zoomToClampsToData_data()
    {
        QTest::addColumn<double>("from");
        QTest::addColumn<double>("to");
        QTest::addColumn<double>("expectFrom");
        QTest::addColumn<double>("expectTo");
        QTest::newRow("inside") << 100.0 << 200.0 << 100.0 << 200.0;
        QTest::newRow("reversed") << 200.0 << 100.0 << 100.0 << 200.0;
        QTest::newRow("left of data") << -50.0 << 100.0 << 0.0 << 100.0;
        QTest::newRow("right of data") << 500.0 << 900.0 << 500.0 << 600.0;
        QTest::newRow("tiny span widened") << 300.0 << 300.2 << 299.6 << 300.6;
    }
    void zoomToClampsToData()
    {
        QFETCH(double, from);
        QFETCH(double, to);
        QFETCH(double, expectFrom);
        QFETCH(double, expectTo);
        TimeWindow w;
        w.setFullRange(0, 600);
        w.zoomTo(from, to);
        QVERIFY(qAbs(w.from() - expectFrom) < 1e-9);
        QVERIFY(qAbs(w.to() - expectTo) < 1e-9);
        QVERIFY(w.isZoomed());
    }

    void backUndoesZoomsInOrder()
    {
        TimeWindow w;
        w.setFullRange(0, 600);
        w.zoomTo(100, 500);
        w.zoomTo(200, 300);
        QVERIFY(w.canGoBack());
        w.back();
        QCOMPARE(w.from(), 100.0);
        QCOMPARE(w.to(), 500.0);
        w.back();
        QCOMPARE(w.from(), 0.0);
        QCOMPARE(w.to(), 600.0);
        QVERIFY(!w.canGoBack());
    }

    void zoomByKeepsAnchorInPlace()
    {
        TimeWindow w;
        w.setFullRange(0, 1000);
        w.zoomTo(200, 600);
        // The anchor sits at 25 % of the window before and after.
        w.zoomBy(0.5, 300);
        QCOMPARE(w.from(), 250.0);
        QCOMPARE(w.to(), 450.0);
        w.zoomBy(100, 300); // zooming far out stops at the full range
        QCOMPARE(w.from(), 0.0);
        QCOMPARE(w.to(), 1000.0);
    }

    void panKeepsSpanAndStaysInside()
    {
        TimeWindow w;
        w.setFullRange(0, 1000);
        w.zoomTo(100, 300);
        w.pan(50);
        QCOMPARE(w.from(), 150.0);
        QCOMPARE(w.to(), 350.0);
        w.pan(-1000);
        QCOMPARE(w.from(), 0.0);
        QCOMPARE(w.to(), 200.0);
        w.back(); // a pan is not a zoom step: Back returns to the full range
        QCOMPARE(w.to(), 1000.0);
    }

    void ensureVisibleCentresOnlyWhenOutside()
    {
        TimeWindow w;
        w.setFullRange(0, 1000);
        w.zoomTo(100, 200);
        QSignalSpy spy(&w, &TimeWindow::rangeChanged);
        w.ensureVisible(150);
        QCOMPARE(spy.count(), 0);
        w.ensureVisible(800);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(w.from(), 750.0);
        QCOMPARE(w.to(), 850.0);
        QVERIFY(w.from() <= 800 && 800 <= w.to());
    }

    void resetClearsStack()
    {
        TimeWindow w;
        w.setFullRange(0, 1000);
        w.zoomTo(100, 200);
        w.zoomTo(120, 150);
        w.reset();
        QVERIFY(!w.isZoomed());
        QVERIFY(!w.canGoBack());
    }
};

QTEST_GUILESS_MAIN(TestTimeWindow)
#include "tst_time_window.moc"
