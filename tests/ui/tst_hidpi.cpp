// Issue 11, point 17: with QT_SCALE_FACTOR=1.5 the event markers sat 1.5x to the right of
// their time, at 2 they piled up at the right edge and the time labels vanished. Each scale
// factor needs its own QApplication, so the test runs itself once per factor as a child
// process (HPA_HIDPI_CHILD set) and the child checks the pixels of the real chart widgets.

#include "chart_stack_fixture.h"
#include "event_columns_check.h"

#include "app/gui/main_window.h"

#include "ui/charts/axis_layer.h"
#include "ui/charts/chart_palette.h"
#include "ui/charts/time_axis_strip.h"

#include <QProcess>
#include <QScreen>
#include <QStandardPaths>
#include <QTest>

using namespace chart_test;

namespace {

bool isChild()
{
    return qEnvironmentVariableIsSet("HPA_HIDPI_CHILD");
}

/// Device columns of row `y` whose colour is the marker's hue (scale up: green).
QVector<int> greenColumns(const QImage &image, int y)
{
    QVector<int> out;
    for (int x = 0; x < image.width(); ++x) {
        const QColor c = image.pixelColor(x, y);
        if (c.green() > c.red() + 50 && c.green() > c.blue() + 50)
            out << x;
    }
    return out;
}

/// Dark (text) pixels in device rows [y0, y1) between columns x0 and x1.
int inkIn(const QImage &image, int x0, int x1, int y0, int y1)
{
    int n = 0;
    for (int y = std::max(0, y0); y < std::min(image.height(), y1); ++y) {
        for (int x = std::max(0, x0); x < std::min(image.width(), x1); ++x) {
            if (qGray(image.pixel(x, y)) < 110)
                ++n;
        }
    }
    return n;
}

} // namespace

class TestHiDpi : public QObject
{
    Q_OBJECT
private slots:
    void scaleFactor_data();
    void scaleFactor();
    // Run in the child only.
    void markerLandsOnItsEvent();
    void timeLabelsArePainted();
    void eventColumnsAreNotElided();
};

void TestHiDpi::scaleFactor_data()
{
    QTest::addColumn<QString>("factor");
    QTest::newRow("1") << QStringLiteral("1");
    QTest::newRow("1.5") << QStringLiteral("1.5");
    QTest::newRow("2") << QStringLiteral("2");
}

void TestHiDpi::scaleFactor()
{
    if (isChild())
        QSKIP("parent only");
    QFETCH(QString, factor);
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HPA_HIDPI_CHILD"), QStringLiteral("1"));
    env.insert(QStringLiteral("QT_SCALE_FACTOR"), factor);
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    child.setProcessEnvironment(env);
    child.setProcessChannelMode(QProcess::MergedChannels);
    child.start(QCoreApplication::applicationFilePath(),
                {QStringLiteral("markerLandsOnItsEvent"), QStringLiteral("timeLabelsArePainted"),
                 QStringLiteral("eventColumnsAreNotElided")});
    QVERIFY(child.waitForFinished(120000));
    const QByteArray output = child.readAll();
    QVERIFY2(child.exitCode() == 0, output.constData());
    // The child really ran both checks (a skipped child would also exit 0).
    QVERIFY2(output.contains("PASS   : TestHiDpi::markerLandsOnItsEvent()"), output.constData());
    QVERIFY2(output.contains("PASS   : TestHiDpi::timeLabelsArePainted()"), output.constData());
    QVERIFY2(output.contains("PASS   : TestHiDpi::eventColumnsAreNotElided()"), output.constData());
    QVERIFY2(output.contains(QByteArray("dpr=") + factor.toLatin1()), output.constData());
}

void TestHiDpi::markerLandsOnItsEvent()
{
    if (!isChild())
        QSKIP("run by scaleFactor() in a child process");
    QTemporaryDir dir;
    const ExperimentPtr experiment = writeSmallExperiment(dir);
    QVERIFY(experiment);
    Fixture f({sourceOf(experiment)});
    MetricChartView *view = f.chart(ChartKind::Replicas);
    QVERIFY(view);
    const QImage image = view->grab().toImage();
    const double dpr = image.devicePixelRatio();
    qInfo("dpr=%s", qPrintable(QString::number(dpr)));
    QCOMPARE(dpr, QGuiApplication::primaryScreen()->devicePixelRatio());
    // The scale-up at 10:01:00, 60 s after the first sample.
    const hpa::core::ScalingEvent *up = nullptr;
    for (const auto &e : experiment->events) {
        if (e.kind == hpa::core::EventKind::ScaleUp)
            up = &e;
    }
    QVERIFY(up);
    const double logicalX = view->viewportX(up->time - experiment->metrics.time().front());
    const QRectF plot = view->plotRect();
    QVERIFY(logicalX > plot.left() && logicalX < plot.right());
    const int row = static_cast<int>(plot.center().y() * dpr);
    const QVector<int> green = greenColumns(image, row);
    QVERIFY2(!green.isEmpty(), "no scale-up marker drawn");
    // Every green column is that one marker, within one logical pixel of its time.
    for (int column : green) {
        const double at = (column + 0.5) / dpr;
        QVERIFY2(std::abs(at - logicalX) <= 1.0 + 0.5 / dpr,
                 qPrintable(QStringLiteral("marker at logical x %1, event at %2 (dpr %3)")
                                .arg(at)
                                .arg(logicalX)
                                .arg(dpr)));
    }
}

void TestHiDpi::timeLabelsArePainted()
{
    if (!isChild())
        QSKIP("run by scaleFactor() in a child process");
    QTemporaryDir dir;
    const ExperimentPtr experiment = writeSmallExperiment(dir);
    QVERIFY(experiment);
    Fixture f({sourceOf(experiment)});
    const QVector<MetricChartView *> visible = f.stack.visibleCharts();
    QVERIFY(!visible.isEmpty());
    MetricChartView *bottom = visible.last();
    QVERIFY(bottom->timeLabelsVisible());
    QVERIFY(bottom->metricChart()->axes().timeTicks().size() >= 2);
    const QImage image = bottom->grab().toImage();
    const double dpr = image.devicePixelRatio();
    const QRectF plot = bottom->plotRect();
    // Text under the plot, across its width.
    const int ink =
        inkIn(image, static_cast<int>(plot.left() * dpr), static_cast<int>(plot.right() * dpr),
              static_cast<int>((plot.bottom() + 5) * dpr), image.height());
    QVERIFY2(ink > 20 * dpr, qPrintable(QStringLiteral("%1 dark pixels under the plot").arg(ink)));

    // The pinned strip too: its labels sit under the chart's plot area.
    TimeAxisStrip strip(&f.window);
    strip.setColumns({bottom});
    strip.resize(f.stack.width(), strip.sizeHint().height());
    strip.move(bottom->mapToGlobal(QPoint(0, bottom->height())));
    strip.show();
    QVERIFY(QTest::qWaitForWindowExposed(&strip));
    const QVector<QPair<double, QString>> labels = strip.tickLabels();
    QVERIFY(labels.size() >= 2);
    const QImage stripImage = strip.grab().toImage();
    QVERIFY(inkIn(stripImage, 0, stripImage.width(), 0, stripImage.height()) > 20 * dpr);
}

/// The events dock of the whole window at the size the examples are rendered at: Time and
/// Kind whole at 150 % and 200 % ("…15:57:54" and "Scale…" were cut at 200 %).
void TestHiDpi::eventColumnsAreNotElided()
{
    if (!isChild())
        QSKIP("run by scaleFactor() in a child process");
    QStandardPaths::setTestModeEnabled(true);
    QTemporaryDir dir;
    QVERIFY(writeSmallExperiment(dir));
    hpa::app::MainWindow w;
    w.setModalErrors(false);
    w.resize(1440, 900);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.openExperiment(dir.path());
    w.waitForLoad();
    QTest::qWait(50);
    QVERIFY(w.eventBrowser()->model()->rowCount() > 0);
    QCOMPARE(w.size(), QSize(1440, 900)); // the dock's columns do not widen the window
    // 1440 logical pixels leave the dock too little for all columns: it may scroll sideways,
    // but no cell is cut.
    const QStringList problems = event_columns::elidedColumns(*w.eventBrowser(), false);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral("; "))));
}

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    TestHiDpi test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_hidpi.moc"
