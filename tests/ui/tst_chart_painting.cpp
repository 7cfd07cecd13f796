// What the chart layers put on the pixels: lines where the points map, breaks left open,
// markers as full-height lines when sparse and as a strip along the top when dense.
#include "ui/charts/axis_layer.h"
#include "ui/charts/chart_overlay.h"
#include "ui/charts/chart_palette.h"
#include "ui/charts/curve_layer.h"
#include "ui/charts/event_markers.h"

#include "core/model/experiment.h"

#include <QImage>
#include <QPainter>
#include <QStyleOptionGraphicsItem>
#include <QTest>

#include <memory>

using namespace hpa::ui;

namespace {

constexpr QRgb kWhite = 0xffffffff;

QImage blank(int w, int h)
{
    QImage image(w, h, QImage::Format_ARGB32);
    image.fill(kWhite);
    return image;
}

bool inked(const QImage &image, int x, int y)
{
    return image.pixel(x, y) != kWhite;
}

/// Inked pixels in rows [y0, y1) of the image.
int inkedIn(const QImage &image, int y0, int y1)
{
    int n = 0;
    for (int y = y0; y < y1; ++y) {
        for (int x = 0; x < image.width(); ++x)
            n += inked(image, x, y) ? 1 : 0;
    }
    return n;
}

/// A layer over `plot` showing x in [x0, x1] and y in [y0, y1] on the left axis.
void place(CurveLayer &layer, const QRectF &plot, double x0, double x1, double y0, double y1)
{
    CurveLayer::Ranges r;
    r.x0 = x0;
    r.x1 = x1;
    r.left0 = y0;
    r.left1 = y1;
    layer.setPlot(plot, r);
}

QPen hairline()
{
    QPen pen(Qt::black, 1);
    pen.setCosmetic(true);
    return pen;
}

QImage paintCurves(CurveLayer &layer, const QSize &size)
{
    QImage image = blank(size.width(), size.height());
    QPainter painter(&image);
    QStyleOptionGraphicsItem option;
    layer.paint(&painter, &option);
    return image;
}

std::shared_ptr<const hpa::core::Experiment> experimentWithEvents(int count, double spacing)
{
    auto experiment = std::make_shared<hpa::core::Experiment>();
    for (int i = 0; i < count; ++i) {
        hpa::core::ScalingEvent e;
        e.time = 1000 + i * spacing;
        e.kind = hpa::core::EventKind::ScaleUp;
        experiment->events.push_back(e);
    }
    return experiment;
}

QImage paintMarkers(int count, double spacing, double span)
{
    EventMarkers markers;
    ChartSource source;
    source.experiment = experimentWithEvents(count, spacing);
    source.origin = 1000;
    markers.setSources({source});
    OverlayState state;
    state.plot = QRectF(0, 0, 400, 100);
    state.from = 0;
    state.to = span;
    state.markers = &markers;
    state.bounds = state.plot;
    QImage image = blank(400, 100);
    QPainter painter(&image);
    ChartOverlay::paint(&painter, state, ChartPalette::make(ChartPalette::Mode::Light));
    return image;
}

} // namespace

class TestChartPainting : public QObject
{
    Q_OBJECT
private slots:
    void lineRunsWherePointsMap();
    void brokenLineLeavesAGap();
    void rightAxisCurveUsesItsOwnRange();
    void linesStayInsideThePlot();
    void sparseMarkersRunFullHeight();
    void denseMarkersBecomeAStripAlongTheTop();
    void labelDecimals_data();
    void labelDecimals();
};

void TestChartPainting::lineRunsWherePointsMap()
{
    CurveLayer layer;
    place(layer, QRectF(0, 0, 200, 100), 0, 100, 0, 50);
    const QPen pen = hairline();
    // Horizontal at y = 25 (half way up) from x = 0 to x = 100: pixel row 50, whole width.
    layer.setCurves(
        {Curve{QStringLiteral("flat"), pen, false, {{QPointF(0, 25), QPointF(100, 25)}}}});
    const QImage image = paintCurves(layer, QSize(200, 100));
    QVERIFY(inked(image, 10, 50));
    QVERIFY(inked(image, 190, 50));
    QVERIFY(!inked(image, 100, 20));
    QVERIFY(!inked(image, 100, 80));
    QCOMPARE(layer.pointCount(), 2);
}

void TestChartPainting::brokenLineLeavesAGap()
{
    CurveLayer layer;
    place(layer, QRectF(0, 0, 100, 100), 0, 100, 0, 100);
    const QPen pen = hairline();
    const QList<QList<QPointF>> segments{{QPointF(0, 50), QPointF(30, 50)},
                                         {QPointF(70, 50), QPointF(100, 50)}};
    layer.setCurves({Curve{QStringLiteral("broken"), pen, false, segments}});
    const QImage image = paintCurves(layer, QSize(100, 100));
    QVERIFY(inked(image, 20, 50));
    QVERIFY(inked(image, 80, 50));
    for (int x = 35; x <= 65; ++x)
        QVERIFY2(!inked(image, x, 50), qPrintable(QStringLiteral("ink in the gap at %1").arg(x)));
}

void TestChartPainting::rightAxisCurveUsesItsOwnRange()
{
    CurveLayer layer;
    CurveLayer::Ranges r;
    r.x0 = 0;
    r.x1 = 10;
    r.left0 = 0;
    r.left1 = 1000;
    r.right0 = 0;
    r.right1 = 10;
    layer.setPlot(QRectF(0, 0, 100, 100), r);
    // y = 5 is half way up the right axis, but near the bottom of the left one.
    QCOMPARE(layer.map(QPointF(5, 5), true), QPointF(50, 50));
    QCOMPARE(layer.map(QPointF(5, 5), false).y(), 99.5);
}

void TestChartPainting::linesStayInsideThePlot()
{
    CurveLayer layer;
    place(layer, QRectF(20, 20, 60, 60), 0, 10, 0, 10);
    const QPen pen(Qt::black, 3);
    // From far below-left to far above-right of the visible range.
    layer.setCurves(
        {Curve{QStringLiteral("steep"), pen, false, {{QPointF(-1e9, -1e9), QPointF(1e9, 1e9)}}}});
    const QImage image = paintCurves(layer, QSize(100, 100));
    // Cut to the plot exactly, the line keeps its slope: through the centre (5, 5).
    QVERIFY(inked(image, 50, 50));
    QVERIFY(inked(image, 70, 30));
    QVERIFY(!inked(image, 70, 70));
    QCOMPARE(inkedIn(image, 0, 19), 0);
    QCOMPARE(inkedIn(image, 81, 100), 0);
}

void TestChartPainting::sparseMarkersRunFullHeight()
{
    // 4 events over a 400 px plot showing 400 s: 100 px apart.
    const QImage image = paintMarkers(4, 100, 400);
    QVERIFY(inkedIn(image, 0, 10) > 0);
    QVERIFY(inkedIn(image, 60, 100) > 0);
}

void TestChartPainting::denseMarkersBecomeAStripAlongTheTop()
{
    // 1,000 events over the same plot: one every 0.4 px would paint it solid.
    const QImage image = paintMarkers(1000, 0.4, 400);
    QVERIFY(inkedIn(image, 0, 6) > 300);
    QCOMPARE(inkedIn(image, 20, 100), 0);
}

void TestChartPainting::labelDecimals_data()
{
    QTest::addColumn<double>("step");
    QTest::addColumn<int>("decimals");
    QTest::newRow("whole") << 1.0 << 0;
    QTest::newRow("large") << 2500.0 << 0;
    QTest::newRow("tenths") << 0.1 << 1;
    QTest::newRow("halves") << 0.5 << 1;
    QTest::newRow("quarters") << 0.25 << 2;
    QTest::newRow("two and a half") << 2.5 << 1;
    QTest::newRow("twenty-five") << 25.0 << 0;
    QTest::newRow("hundredths") << 0.05 << 2;
    QTest::newRow("tiny") << 0.002 << 3;
    QTest::newRow("none") << 0.0 << 0;
}

void TestChartPainting::labelDecimals()
{
    QFETCH(double, step);
    QFETCH(int, decimals);
    QCOMPARE(AxisLayer::decimalsFor(step), decimals);
}

QTEST_MAIN(TestChartPainting)
#include "tst_chart_painting.moc"
