#include "chart_stack_fixture.h"
#include "chart_test_data.h"

#include "ui/charts/chart_cursor.h"
#include "ui/charts/chart_stack.h"
#include "ui/charts/event_markers.h"
#include "ui/charts/metric_chart.h"
#include "ui/charts/metric_chart_view.h"
#include "ui/charts/time_window.h"

#include <QElapsedTimer>
#include <QImage>
#include <QPainter>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <QWheelEvent>

#include <algorithm>

using namespace hpa::ui;
using namespace chart_test;

namespace {

constexpr const char *kHighLoad = "high-load-hpa-20251124-155733";
constexpr const char *kLegacy = "hpa-experiment-20251120-140312";

using hpa::core::EventKind;

/// Markers of one source at origin 0, so x equals the event time.
EventMarkers markersAt(const std::vector<std::pair<double, EventKind>> &events)
{
    auto experiment = std::make_shared<hpa::core::Experiment>();
    for (const auto &[time, kind] : events) {
        hpa::core::ScalingEvent e;
        e.time = time;
        e.kind = kind;
        experiment->events.push_back(e);
    }
    ChartSource source;
    source.experiment = experiment;
    EventMarkers markers;
    markers.setSources({source});
    return markers;
}

const std::vector<std::pair<double, EventKind>> kMixedEvents = {
    {0.1, EventKind::ScaleUp},         {0.2, EventKind::ScaleUp},
    {0.5, EventKind::ScaleDown},       {0.5, EventKind::ReplicasChanged},
    {0.6, EventKind::ReplicasChanged}, {0.9, EventKind::ScaleUp},
    {1.5, EventKind::ScaleUp},         {3.2, EventKind::ReplicasChanged},
};

} // namespace

class TestChartStack : public QObject
{
    Q_OBJECT

private slots:
    void wheelZoomOnOneChartMovesEveryChart();
    void rubberBandZoomsThroughTheWindow();
    void keyboardZoomAndPan();
    void sideBySideStacksFollowOneWindow();
    void notCollectedSeriesShowMessage();
    void collectedLatencyIsDrawn();
    void olderLayoutHidesMissingCharts();
    void extraColumnsChartToggles();
    void decimatedSeriesStayBounded();
    void spikeIsDrawnAtFullZoom();
    void flaggedOutliersDoNotSetTheRange();
    void eventMarkersInRange();
    void clickOnMarkerEmitsEvent();
    void markersDecimatePerKindAndColumn_data();
    void markersDecimatePerKindAndColumn();
    void denseMarkersKeepOneAPixelColumn();
    void nearestMarkerIsTheClosestEvent_data();
    void nearestMarkerIsTheClosestEvent();
    void cursorPropagatesToEveryChart();
    void sampleGapBreaksTheLine();
    void overlayNamesBothSources();
    void renderForPaperUsesLightTheme();
    void millionRowsZoomQuickly();

private:
    QTemporaryDir m_dir;
};

void TestChartStack::wheelZoomOnOneChartMovesEveryChart()
{
    const ExperimentPtr experiment = chart_test::writeSmallExperiment(m_dir);
    QVERIFY(experiment);
    Fixture f({sourceOf(experiment)});
    // 120 samples over 595 s plus the 120 s hole.
    QCOMPARE(f.window.fullTo(), 715.0);
    verifyEveryChartShows(f.stack, 0, 715);

    MetricChartView *waiting = f.chart(ChartKind::Waiting);
    const QPoint pos = plotPoint(waiting, 0.5);
    const double anchor = waiting->xAt(pos.x());
    QWheelEvent wheel(pos, waiting->viewport()->mapToGlobal(pos), {}, QPoint(0, 120), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(waiting->viewport(), &wheel);
    QVERIFY(f.window.isZoomed());
    QCOMPARE(f.window.to() - f.window.from(), 715 * 0.8);
    QVERIFY(f.window.from() < anchor && anchor < f.window.to());
    verifyEveryChartShows(f.stack, f.window.from(), f.window.to());

    f.window.back();
    verifyEveryChartShows(f.stack, 0, 715);
}

void TestChartStack::rubberBandZoomsThroughTheWindow()
{
    const ExperimentPtr experiment = chart_test::writeSmallExperiment(m_dir);
    Fixture f({sourceOf(experiment)});
    MetricChartView *kv = f.chart(ChartKind::KvCache);
    const QPoint a = plotPoint(kv, 0.25);
    const QPoint b = plotPoint(kv, 0.5);
    sendMouse(kv, QEvent::MouseButtonPress, a, Qt::LeftButton, Qt::LeftButton);
    sendMouse(kv, QEvent::MouseMove, b, Qt::NoButton, Qt::LeftButton);
    sendMouse(kv, QEvent::MouseButtonRelease, b, Qt::LeftButton, Qt::NoButton);
    // A quarter to a half of 715 s, to the pixel.
    const double pixel = 715.0 / kv->plotRect().width();
    QVERIFY(std::abs(f.window.from() - 178.75) <= pixel);
    QVERIFY(std::abs(f.window.to() - 357.5) <= pixel);
    verifyEveryChartShows(f.stack, f.window.from(), f.window.to());
    QVERIFY(f.window.canGoBack());
}

void TestChartStack::keyboardZoomAndPan()
{
    const ExperimentPtr experiment = chart_test::writeSmallExperiment(m_dir);
    Fixture f({sourceOf(experiment)});
    MetricChartView *jobs = f.chart(ChartKind::Jobs);
    QTest::keyClick(jobs, Qt::Key_Plus);
    QCOMPARE(f.window.from(), 71.5);
    QCOMPARE(f.window.to(), 643.5);
    QTest::keyClick(jobs, Qt::Key_Right);
    QCOMPARE(f.window.from(), 71.5 + 57.2);
    verifyEveryChartShows(f.stack, f.window.from(), f.window.to());
}

void TestChartStack::sideBySideStacksFollowOneWindow()
{
    const ExperimentPtr experiment = chart_test::writeSmallExperiment(m_dir);
    TimeWindow window;
    ChartCursor cursor;
    ChartStack left(&window, &cursor);
    ChartStack right(&window, &cursor);
    left.resize(600, 1200);
    right.resize(600, 1200);
    left.setSources({sourceOf(experiment)});
    right.setSources({sourceOf(experiment)});
    window.zoomTo(100, 200);
    verifyEveryChartShows(left, 100, 200);
    verifyEveryChartShows(right, 100, 200);
}

void TestChartStack::notCollectedSeriesShowMessage()
{
    if (!QDir(chart_test::sharedExample(kHighLoad)).exists())
        QSKIP("shared examples not found (HPA_SHARED_DIR/examples); skipping real-data check");
    Fixture f({sourceOf(chart_test::load(chart_test::sharedExample(kHighLoad)))});
    MetricChartView *latency = f.chart(ChartKind::Latency);
    QVERIFY(latency->isVisible());
    QVERIFY(latency->showsNotCollectedMessage());
    // What is known, no guessed cause.
    QCOMPARE(latency->notCollectedMessage(),
             QStringLiteral("TTFT (ms), ITL (ms): all 29 values are 0: not collected"));
    QVERIFY(latency->metricChart()->curves().isEmpty());
    QVERIFY(f.chart(ChartKind::RequestRate)->showsNotCollectedMessage());
    // The job query of the newer monitor never matched: not a real line at 0.
    MetricChartView *jobs = f.chart(ChartKind::Jobs);
    QVERIFY(jobs->showsNotCollectedMessage());
    QCOMPARE(jobs->notCollectedMessage(),
             QStringLiteral("Active jobs: all 29 values are 0: not collected"));
    QVERIFY(jobs->metricChart()->curves().isEmpty());
    QVERIFY(!f.chart(ChartKind::Replicas)->showsNotCollectedMessage());
    QVERIFY(
        f.chart(ChartKind::KvCache)->metricChart()->title().contains(QStringLiteral("fraction")));
}

void TestChartStack::collectedLatencyIsDrawn()
{
    const ExperimentPtr experiment = chart_test::writeSmallExperiment(m_dir);
    Fixture f({sourceOf(experiment)});
    MetricChartView *latency = f.chart(ChartKind::Latency);
    QVERIFY(!latency->showsNotCollectedMessage());
    // TTFT runs 100 + i with a zero (a gap, not a value) at i = 30; ITL is 20..22 on the right.
    const MetricChart *chart = latency->metricChart();
    QVERIFY(chart->axes().rightAxis());
    const double rightMax = chart->axes().rightAxis()->scale.max;
    QVERIFY(rightMax >= 22 && rightMax < 100);
    double minTtft = 1e9;
    for (const Curve &c : chart->curves()) {
        if (!c.name.startsWith(QStringLiteral("TTFT")))
            continue;
        for (const QList<QPointF> &segment : c.segments) {
            for (const QPointF &p : segment)
                minTtft = std::min(minTtft, p.y());
        }
    }
    QCOMPARE(minTtft, 100.0);
}

void TestChartStack::olderLayoutHidesMissingCharts()
{
    if (!QDir(chart_test::sharedExample(kLegacy)).exists())
        QSKIP("shared examples not found (HPA_SHARED_DIR/examples); skipping real-data check");
    Fixture f({sourceOf(chart_test::load(chart_test::sharedExample(kLegacy)))});
    QVERIFY(!f.chart(ChartKind::Latency)->isVisible());
    QVERIFY(!f.chart(ChartKind::RequestRate)->isVisible());
    QVERIFY(!f.chart(ChartKind::Extra)->isVisible());
    QVERIFY(f.chart(ChartKind::Jobs)->isVisible());
    QVERIFY(f.chart(ChartKind::Jobs)->timeLabelsVisible());
    QVERIFY(!f.chart(ChartKind::Replicas)->timeLabelsVisible());
    QStringList names;
    for (const Curve &c : f.chart(ChartKind::Jobs)->metricChart()->curves())
        names << c.name;
    QVERIFY(names.contains(QStringLiteral("Completed jobs")));
}

void TestChartStack::extraColumnsChartToggles()
{
    const ExperimentPtr experiment = chart_test::writeSmallExperiment(m_dir);
    Fixture f({sourceOf(experiment)});
    QVERIFY(f.stack.hasExtraColumns());
    MetricChartView *extra = f.chart(ChartKind::Extra);
    QVERIFY(extra->isVisible());
    QVERIFY(extra->timeLabelsVisible());
    // gpu_util runs 50..59: a data-fitted axis, not one from zero.
    QVERIFY(extra->metricChart()->axes().leftAxis().scale.min >= 40);
    f.stack.setExtraChartVisible(false);
    QVERIFY(!extra->isVisible());
    QVERIFY(f.chart(ChartKind::Jobs)->timeLabelsVisible());
}

void TestChartStack::decimatedSeriesStayBounded()
{
    const ExperimentPtr experiment = chart_test::makeLargeExperiment(200000);
    Fixture f({sourceOf(experiment)});
    for (const auto &[from, to] :
         {std::pair{0.0, 199999.0}, std::pair{50000.0, 150000.0}, std::pair{99000.0, 99600.0}}) {
        f.window.zoomTo(from, to);
        for (MetricChartView *view : f.stack.visibleCharts()) {
            const int pixels = static_cast<int>(view->plotRect().width());
            qsizetype total = 0;
            for (const Curve &c : view->metricChart()->curves()) {
                QVERIFY2(c.pointCount() <= 2 * pixels + 8,
                         qPrintable(QStringLiteral("%1 holds %2 points for %3 px")
                                        .arg(c.name)
                                        .arg(c.pointCount())
                                        .arg(pixels)));
                total += c.pointCount();
            }
            QVERIFY(total > 0);
        }
    }
    // Zoomed to ten seconds around it, the spike at x = 100007 is among the drawn points.
    f.window.zoomTo(100000, 100010);
    QCOMPARE(maxY(f.chart(ChartKind::Waiting)->metricChart()->curves()), 99999.0);
}

void TestChartStack::spikeIsDrawnAtFullZoom()
{
    if (!QDir(chart_test::sharedExample(kHighLoad)).exists())
        QSKIP("shared examples not found (HPA_SHARED_DIR/examples); skipping real-data check");
    Fixture f({sourceOf(chart_test::load(chart_test::sharedExample(kHighLoad)))});
    const MetricChart *waiting = f.chart(ChartKind::Waiting)->metricChart();
    // Its two leaked milli-unit cells (60250 = 60.25) are corrected by the loader; the real
    // peak of 510 waiting requests is one sample among 29 and must still be drawn.
    QCOMPARE(maxY(waiting->curves()), 510.0);
    QVERIFY(waiting->axes().leftAxis().scale.max >= 510);
    QCOMPARE(maxY(f.chart(ChartKind::Replicas)->metricChart()->curves()), 10.0);
}

void TestChartStack::flaggedOutliersDoNotSetTheRange()
{
    if (!QDir(chart_test::sharedExample(kHighLoad)).exists())
        QSKIP("shared examples not found (HPA_SHARED_DIR/examples); skipping real-data check");
    // View → Waiting Unit → As Written: the two leaked cells read 60250. They are flagged
    // outliers: the axis fits the real peak of 510 and the two are listed as clipped at the
    // top edge with their value, not drawn as a spike that squashes the rest to the floor.
    hpa::core::ExperimentLoader::Options options;
    options.waitingUnit = hpa::core::WaitingUnit::AsWritten;
    auto experiment = std::make_shared<hpa::core::Experiment>(hpa::core::ExperimentLoader::load(
        chart_test::sharedExample(kHighLoad).toStdString(), options));
    QCOMPARE(experiment->waitingRule.count, std::size_t(2));
    Fixture f({sourceOf(experiment)});
    const MetricChart *waiting = f.chart(ChartKind::Waiting)->metricChart();
    QCOMPARE(maxY(waiting->curves()), 60250.0); // still drawn (clipped by the plot)
    const double top = waiting->axes().leftAxis().scale.max;
    QVERIFY2(top >= 510 && top < 2000, qPrintable(QString::number(top)));
    const QList<QPointF> clipped = waiting->clippedOutliers();
    QCOMPARE(clipped.size(), 2);
    for (const QPointF &p : clipped)
        QCOMPARE(p.y(), 60250.0);

    // Read automatically, nothing is flagged and the axis is the same.
    Fixture automatic({sourceOf(chart_test::load(chart_test::sharedExample(kHighLoad)))});
    const MetricChart *corrected = automatic.chart(ChartKind::Waiting)->metricChart();
    QVERIFY(corrected->clippedOutliers().isEmpty());
    QCOMPARE(corrected->axes().leftAxis().scale.max, top);
}

void TestChartStack::eventMarkersInRange()
{
    if (!QDir(chart_test::sharedExample(kHighLoad)).exists())
        QSKIP("shared examples not found (HPA_SHARED_DIR/examples); skipping real-data check");
    Fixture f({sourceOf(chart_test::load(chart_test::sharedExample(kHighLoad)))});
    // The loader keeps 14 scaling events (16:02:07 .. 16:07:48); the samples end at 16:07:32
    // (x = 594), so the last one, at x = 610, is outside the full range.
    QCOMPARE(f.window.fullTo(), 594.0);
    for (MetricChartView *view : f.stack.visibleCharts())
        QCOMPARE(view->visibleMarkerCount(), 13);
    // 16:02:00..16:03:00 = x 262..322 holds the events at 16:02:07 (2), 16:02:29 (2), 16:02:51.
    f.window.zoomTo(262, 322);
    for (MetricChartView *view : f.stack.visibleCharts())
        QCOMPARE(view->visibleMarkerCount(), 5);
}

void TestChartStack::clickOnMarkerEmitsEvent()
{
    const ExperimentPtr experiment = chart_test::writeSmallExperiment(m_dir);
    Fixture f({sourceOf(experiment)});
    QSignalSpy spy(&f.stack, &ChartStack::eventClicked);
    MetricChartView *replicas = f.chart(ChartKind::Replicas);
    // The scale-down event at 10:06:00 is x = 360 and is the third event of the file.
    const int px = static_cast<int>(std::lround(replicas->viewportX(360))) + 2;
    const QPoint pos(px, static_cast<int>(replicas->plotRect().center().y()));
    sendMouse(replicas, QEvent::MouseButtonPress, pos, Qt::LeftButton, Qt::LeftButton);
    sendMouse(replicas, QEvent::MouseButtonRelease, pos, Qt::LeftButton, Qt::NoButton);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toInt(), 0);
    QCOMPARE(spy.at(0).at(1).toInt(), 2);
    QVERIFY(!f.window.isZoomed());
}

void TestChartStack::markersDecimatePerKindAndColumn_data()
{
    QTest::addColumn<double>("origin");
    QTest::addColumn<double>("exact");
    QTest::addColumn<QList<double>>("expected"); // x of the markers drawn, sorted

    // Columns [0, 1), [1, 2), ...: up 0.1 and 1.5, down 0.5, changed 0.5 and 3.2.
    QTest::newRow("columns from 0") << 0.0 << -1.0 << QList<double>{0.1, 0.5, 0.5, 1.5, 3.2};
    // Columns [-0.45, 0.55), [0.55, 1.55), ...: up 0.1 and 0.9 (1.5 shares 0.9's column),
    // changed 0.5 and 0.6 now apart, down 0.5.
    QTest::newRow("shifted columns") << 0.55 << -1.0 << QList<double>{0.1, 0.5, 0.5, 0.6, 0.9, 3.2};
    // The selected event at 0.9 is drawn exactly although 0.1 stands for its column.
    QTest::newRow("selected kept") << 0.0 << 0.9 << QList<double>{0.1, 0.5, 0.5, 0.9, 1.5, 3.2};
}

void TestChartStack::markersDecimatePerKindAndColumn()
{
    QFETCH(double, origin);
    QFETCH(double, exact);
    QFETCH(QList<double>, expected);
    const EventMarkers markers = markersAt(kMixedEvents);
    const std::vector<EventMarker> drawn = markers.decimated(
        0, 10, origin, 1.0, exact >= 0 ? std::optional<double>(exact) : std::nullopt);
    QList<double> xs;
    for (const EventMarker &m : drawn)
        xs << m.x;
    std::sort(xs.begin(), xs.end());
    QCOMPARE(xs, expected);
}

void TestChartStack::denseMarkersKeepOneAPixelColumn()
{
    // 100,000 scale-ups and 50,000 scale-downs over x 0..1000, on 500 columns 2 units wide:
    // every column holds 200 and 100 of them, so each kind keeps exactly one per column.
    std::vector<std::pair<double, EventKind>> events;
    for (int i = 0; i < 100000; ++i)
        events.emplace_back(i * 0.01, EventKind::ScaleUp);
    for (int i = 0; i < 50000; ++i)
        events.emplace_back(i * 0.02 + 0.005, EventKind::ScaleDown);
    std::sort(events.begin(), events.end());
    const EventMarkers markers = markersAt(events);
    QCOMPARE(markers.size(), std::size_t(150000));
    const std::vector<EventMarker> drawn = markers.decimated(0, 999.999, 0, 2.0);
    QCOMPARE(drawn.size(), std::size_t(1000));
    QSet<std::pair<int, int>> seen; // (kind, column)
    for (const EventMarker &m : drawn) {
        const auto key = std::pair(static_cast<int>(m.kind), static_cast<int>(m.x / 2.0));
        QVERIFY2(!seen.contains(key),
                 qPrintable(QString("two markers in column %1").arg(key.second)));
        seen.insert(key);
    }
}

void TestChartStack::nearestMarkerIsTheClosestEvent_data()
{
    QTest::addColumn<double>("x");
    QTest::addColumn<int>("index"); // event index in the file; -1: none within tolerance

    QTest::newRow("just right of the pair at 10") << 10.4 << 0;
    QTest::newRow("nearer the one at 12") << 11.1 << 2;
    QTest::newRow("halfway: the earlier one") << 11.0 << 0;
    QTest::newRow("left of everything") << 8.5 << 0;
    QTest::newRow("beyond the tolerance") << 14.5 << -1;
}

void TestChartStack::nearestMarkerIsTheClosestEvent()
{
    QFETCH(double, x);
    QFETCH(int, index);
    const EventMarkers markers = markersAt(
        {{10, EventKind::ScaleUp}, {10, EventKind::ScaleDown}, {12, EventKind::ReplicasChanged}});
    const std::optional<EventMarker> found = markers.nearest(x, 2.0);
    QCOMPARE(found ? found->index : -1, index);
}

void TestChartStack::cursorPropagatesToEveryChart()
{
    const ExperimentPtr experiment = chart_test::writeSmallExperiment(m_dir);
    Fixture f({sourceOf(experiment)});
    MetricChartView *waiting = f.chart(ChartKind::Waiting);
    MetricChartView *jobs = f.chart(ChartKind::Jobs);
    const QImage before = jobs->grab().toImage();
    const QPoint pos = plotPoint(waiting, 0.3);
    sendMouse(waiting, QEvent::MouseMove, pos, Qt::NoButton, Qt::NoButton);
    QVERIFY(f.cursor.position().has_value());
    QCOMPARE(*f.cursor.position(), waiting->xAt(pos.x()));

    // The other chart draws the cursor line in the same column (the plots are aligned).
    const QImage after = jobs->grab().toImage();
    const int column = static_cast<int>(std::lround(jobs->viewportX(*f.cursor.position())));
    QCOMPARE(column, pos.x());
    const int row = static_cast<int>(jobs->plotRect().top() + 3);
    const auto changed = [&](int x) {
        return before.pixel(x, row) != after.pixel(x, row);
    };
    QVERIFY(changed(column - 1) || changed(column) || changed(column + 1));
    QVERIFY(!changed(column - 20) && !changed(column + 20));
    // Only the hovered chart shows the readout, starting with the sample's time.
    QVERIFY(jobs->readoutLines().isEmpty());
    const QStringList lines = waiting->readoutLines();
    QVERIFY(!lines.isEmpty());
    QVERIFY(lines.first().startsWith(QStringLiteral("2025-11-24 10:0")));
    QVERIFY(lines.join('\n').contains(QStringLiteral("Waiting requests: ")));

    QEvent leave(QEvent::Leave);
    QApplication::sendEvent(waiting, &leave);
    QVERIFY(!f.cursor.position().has_value());
}

void TestChartStack::sampleGapBreaksTheLine()
{
    const ExperimentPtr experiment = chart_test::writeSmallExperiment(m_dir);
    Fixture f({sourceOf(experiment)});
    // The two-minute hole after sample 60 (x = 300 .. 425) splits every line in two.
    int drawn = 0;
    for (const Curve &c : f.chart(ChartKind::Waiting)->metricChart()->curves()) {
        if (c.name != QStringLiteral("Waiting requests"))
            continue;
        for (const QList<QPointF> &segment : c.segments) {
            ++drawn;
            const bool before = segment.last().x() <= 300;
            const bool after = segment.first().x() >= 425;
            QVERIFY(before || after);
        }
    }
    QCOMPARE(drawn, 2);
}

void TestChartStack::overlayNamesBothSources()
{
    const ExperimentPtr experiment = chart_test::writeSmallExperiment(m_dir);
    Fixture f({sourceOf(experiment, "A"), sourceOf(experiment, "B", true)});
    QStringList names;
    QColor colorA, colorB;
    for (const Curve &c : f.chart(ChartKind::Replicas)->metricChart()->curves()) {
        names << c.name;
        if (c.name == QStringLiteral("A: Current replicas"))
            colorA = c.pen.color();
        if (c.name == QStringLiteral("B: Current replicas"))
            colorB = c.pen.color();
    }
    QVERIFY(names.contains(QStringLiteral("A: Desired replicas")));
    QVERIFY(names.contains(QStringLiteral("B: Desired replicas")));
    QVERIFY(colorA.isValid() && colorB.isValid());
    QVERIFY(colorA != colorB);
}

void TestChartStack::renderForPaperUsesLightTheme()
{
    const ExperimentPtr experiment = chart_test::writeSmallExperiment(m_dir);
    Fixture f({sourceOf(experiment)});
    QPalette dark = f.stack.palette();
    dark.setColor(QPalette::Window, QColor(30, 30, 30));
    f.stack.setPalette(dark);
    const QColor screen = f.chart(ChartKind::Replicas)->metricChart()->backgroundBrush().color();
    QVERIFY(screen.lightness() < 100);

    QCOMPARE(f.stack.exportSize(), QSizeF(1000, 1500));
    QImage image(800, 1600, QImage::Format_ARGB32);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    f.stack.render(&painter, QRectF(0, 0, 800, 1600), true);
    painter.end();
    QCOMPARE(QColor(image.pixel(3, 3)), QColor(Qt::white));
    QCOMPARE(f.chart(ChartKind::Replicas)->metricChart()->backgroundBrush().color(), screen);
}

void TestChartStack::millionRowsZoomQuickly()
{
    const ExperimentPtr experiment = chart_test::makeLargeExperiment(1000000);
    Fixture f({sourceOf(experiment)});
    QElapsedTimer timer;
    timer.start();
    f.window.zoomBy(0.5, 500000);
    f.window.zoomBy(0.5, 500000);
    f.window.back();
    const qint64 ms = timer.elapsed();
    qInfo("three range changes over 1,000,000 rows: %lld ms", ms);
    verifyEveryChartShows(f.stack, f.window.from(), f.window.to());
    // Generous so a loaded debug build passes; a regression to drawing every row (seconds per
    // change) does not.
    QVERIFY2(ms < 6000, qPrintable(QString::number(ms)));
}

QTEST_MAIN(TestChartStack)
#include "tst_chart_stack.moc"
