// View → Show Required Replicas (issue 12): the scorecard's demand as a step line on the
// replicas chart with the under-provisioned time shaded red and the over-provisioned grey;
// unknown demand draws nothing and says so; the action is made once and remembered; the
// figure export draws what the screen shows.
#include "chart_stack_fixture.h"

#include "app/gui/main_window.h"
#include "app/gui/scorecard_controller.h"
#include "ui/app_settings.h"
#include "ui/charts/chart_exporter.h"
#include "ui/charts/demand_curve.h"
#include "ui/charts/demand_layer.h"
#include "ui/event_browser.h"
#include "ui/experiment_workspace.h"
#include "ui/loaded_experiment.h"
#include "ui/scorecard_runner.h"
#include "ui/scorecard_view.h"

#include <QAction>
#include <QComboBox>
#include <QMenu>
#include <QMenuBar>
#include <QPainter>

using namespace chart_test;

namespace {

/// The replicas chart's demand layer, after the stack drew `curve`.
const DemandLayer &demandLayer(Fixture &f)
{
    return f.chart(ChartKind::Replicas)->metricChart()->demandLayer();
}

QStringList legendNames(const MetricChartView *view)
{
    QStringList names;
    for (const ChartLegend::Entry &e : view->metricChart()->chartLegend()->entries())
        names << e.name;
    return names;
}

/// A blend of `fill` over white that the fill's alpha gives; the tolerance absorbs rounding.
bool near(QRgb pixel, QColor fill, int tolerance = 12)
{
    const double a = fill.alphaF();
    const auto blend = [a](int c) {
        return int(c * a + 255 * (1 - a));
    };
    return std::abs(qRed(pixel) - blend(fill.red())) <= tolerance &&
           std::abs(qGreen(pixel) - blend(fill.green())) <= tolerance &&
           std::abs(qBlue(pixel) - blend(fill.blue())) <= tolerance;
}

/// Pixels of `image` in `rect` that are the fill `color` over white.
int countNear(const QImage &image, const QRect &rect, const QColor &color)
{
    int n = 0;
    for (int y = rect.top(); y <= rect.bottom(); ++y)
        for (int x = rect.left(); x <= rect.right(); ++x)
            n += near(image.pixel(x, y), color);
    return n;
}

/// An in-memory run with replicas and waiting requests but no targets (as a WVA run).
ExperimentPtr runWithoutTargets()
{
    auto experiment = std::make_shared<hpa::core::Experiment>();
    experiment->name = "no-targets";
    hpa::core::MetricsTable &table = experiment->metrics;
    table.addColumn(std::string(keys::Replicas), std::string(keys::Replicas));
    table.addColumn(std::string(keys::Waiting), std::string(keys::Waiting));
    for (int i = 0; i < 50; ++i)
        table.appendRow(1.7e9 + 5 * i, i + 2, {1.0 + i / 20, double(i % 9)});
    return experiment;
}

/// 3 requested replicas, waiting target 1, samples 10 s apart: waiting 0.2 (demand 1: over)
/// for samples 0-9, 2 (demand 6: under) for 10-19, 1 (demand 3: exact) from 20 on.
ExperimentPtr underAndOverRun()
{
    auto experiment = std::make_shared<hpa::core::Experiment>();
    experiment->name = "under-and-over";
    hpa::core::MetricsTable &table = experiment->metrics;
    for (std::string_view key : {keys::Replicas, keys::Waiting, keys::WaitingTarget})
        table.addColumn(std::string(key), std::string(key));
    for (int i = 0; i < 40; ++i)
        table.appendRow(1.7e9 + 10 * i, i + 2, {3, i < 10 ? 0.2 : i < 20 ? 2.0 : 1.0, 1});
    return experiment;
}

} // namespace

class TestDemandOverlay : public QObject
{
    Q_OBJECT

private slots:
    void drawsDemandWithUnderAndOverAreas();
    void bandsOfAHandMadeRun();
    void unknownDemandDrawsNothingAndSaysSo();
    void demandOfAnotherRunIsIgnored();
    void backlogDemandIsClippedNotFlatteningReplicas();
    void shadedPixelsOnScreenAndInTheFigure();
    void viewActionIsMadeOnceAndRemembered();
    void overlaidComparisonDrawsBothRunsDemand();
};

void TestDemandOverlay::drawsDemandWithUnderAndOverAreas()
{
    QTemporaryDir dir;
    const ExperimentPtr run = writeSmallExperiment(dir);
    QVERIFY(run);
    Fixture f({sourceOf(run)});
    const auto curve = DemandCurve::build(run, {});
    QVERIFY(curve->known());
    f.stack.setDemand(curve);
    const DemandLayer &layer = demandLayer(f);
    QVERIFY(!layer.lineSegments().isEmpty());
    // Every band is between the run's requested replicas and its demand at that moment,
    // and each kind is on the right side: red where demand > replicas.
    const auto &t = run->metrics.time();
    const auto &s = *run->metrics.values(keys::Replicas);
    const auto &d = *curve->values();
    int under = 0, over = 0;
    for (const auto &band : layer.bands()) {
        const double time = band.x0 + t.front();
        const std::size_t i =
            std::size_t(std::upper_bound(t.begin(), t.end(), time) - t.begin()) - 1;
        QCOMPARE(band.low, std::min(s[i], d[i]));
        QCOMPARE(band.high, std::max(s[i], d[i]));
        QCOMPARE(band.under, d[i] > s[i]);
        (band.under ? under : over)++;
    }
    QVERIFY(under > 0);
    // The two-minute hole (after sample 60) is not shaded: the gap rule of the scorecard.
    const double holeStart = t[60] - t.front(), holeEnd = t[61] - t.front();
    for (const auto &band : layer.bands())
        QVERIFY2(band.x1 <= holeStart || band.x0 >= holeEnd, "a band spans the gap");
    const QStringList names = legendNames(f.chart(ChartKind::Replicas));
    QVERIFY2(names.contains(QStringLiteral("required replicas, HPA-ideal")),
             qPrintable(names.join(QLatin1Char('|'))));
    QVERIFY(names.contains(QStringLiteral("under-provisioned")));
    QVERIFY(names.contains(QStringLiteral("over-provisioned")));
    // Off again: nothing left.
    f.stack.setDemand(nullptr);
    QVERIFY(demandLayer(f).bands().empty());
    QVERIFY(
        !legendNames(f.chart(ChartKind::Replicas)).contains(QStringLiteral("under-provisioned")));

    // The reachable variant names itself.
    hpa::core::ScorecardSettings reachable;
    reachable.demand = hpa::core::DemandVariant::HpaReachable;
    f.stack.setDemand(DemandCurve::build(run, reachable));
    QVERIFY(legendNames(f.chart(ChartKind::Replicas))
                .contains(QStringLiteral("required replicas, HPA-reachable")));
}

void TestDemandOverlay::bandsOfAHandMadeRun()
{
    const ExperimentPtr run = underAndOverRun();
    Fixture f({sourceOf(run)});
    f.stack.setDemand(DemandCurve::build(run, {}));
    QStringList drawn;
    for (const auto &b : demandLayer(f).bands())
        drawn << QStringLiteral("%1-%2:%3-%4:%5")
                     .arg(b.x0)
                     .arg(b.x1)
                     .arg(b.low)
                     .arg(b.high)
                     .arg(b.under ? 'U' : 'O');
    // Samples 0-9 hold over [0, 100) s with demand 1 < 3; samples 10-19 over [100, 200) with
    // demand ceil(3 x 2 / 1) = 6 > 3; the rest is exact and unshaded.
    QCOMPARE(drawn.join(QLatin1Char(' ')), QStringLiteral("0-100:1-3:O 100-200:3-6:U"));
}

void TestDemandOverlay::unknownDemandDrawsNothingAndSaysSo()
{
    const ExperimentPtr run = runWithoutTargets();
    Fixture f({sourceOf(run)});
    const auto curve = DemandCurve::build(run, {});
    QVERIFY(!curve->known());
    f.stack.setDemand(curve);
    const DemandLayer &layer = demandLayer(f);
    QVERIFY(layer.bands().empty());
    QVERIFY(layer.lineSegments().isEmpty());
    QVERIFY(legendNames(f.chart(ChartKind::Replicas))
                .contains(
                    QStringLiteral("required replicas: unknown (no waiting or KV cache target)")));
    // The tooltip at a sample says unknown, never 0.
    const QString line = layer.readoutLine(10);
    QVERIFY2(line.contains(QStringLiteral("unknown")), qPrintable(line));
    QVERIFY(!line.contains(QStringLiteral(": 0")));
}

void TestDemandOverlay::demandOfAnotherRunIsIgnored()
{
    QTemporaryDir dir;
    const ExperimentPtr run = writeSmallExperiment(dir);
    const ExperimentPtr other = runWithoutTargets();
    Fixture f({sourceOf(run)});
    f.stack.setDemand(DemandCurve::build(other, {}));
    QVERIFY(!demandLayer(f).curve());
    QVERIFY(!legendNames(f.chart(ChartKind::Replicas)).join(' ').contains("required"));
}

void TestDemandOverlay::backlogDemandIsClippedNotFlatteningReplicas()
{
    // 3 replicas, waiting target 1; samples 10-19 have 500 waiting: demand 3 x 500 = 1500
    // (a backlog, elasticity-kpis.md §1). Elsewhere 1 waiting: demand 3 = replicas.
    auto experiment = std::make_shared<hpa::core::Experiment>();
    experiment->name = "backlog";
    hpa::core::MetricsTable &table = experiment->metrics;
    for (std::string_view key : {keys::Replicas, keys::Waiting, keys::WaitingTarget})
        table.addColumn(std::string(key), std::string(key));
    for (int i = 0; i < 40; ++i)
        table.appendRow(1.7e9 + 10 * i, i + 2, {3, i >= 10 && i < 20 ? 500.0 : 1.0, 1});
    const ExperimentPtr run = experiment;
    Fixture f({sourceOf(run)});
    f.stack.setDemand(DemandCurve::build(run, {}));
    MetricChart *chart = f.chart(ChartKind::Replicas)->metricChart();
    // The axis makes room for twice the replicas, not for 1500.
    QVERIFY2(chart->axes().leftAxis().scale.max <= 10,
             qPrintable(QString::number(chart->axes().leftAxis().scale.max)));
    const auto peaks = chart->demandLayer().clippedPeaks();
    QCOMPARE(peaks.size(), 1);
    QCOMPARE(peaks.front().demand, 1500.0);
    QCOMPARE(peaks.front().x0, 100.0); // sample 10, as chart x from the first sample
    QCOMPARE(peaks.front().x1, 200.0); // up to sample 20
}

void TestDemandOverlay::shadedPixelsOnScreenAndInTheFigure()
{
    const ExperimentPtr run = underAndOverRun();
    Fixture f({sourceOf(run)});
    MetricChartView *view = f.chart(ChartKind::Replicas);
    const QRect plot = view->plotRect().toRect().adjusted(2, 2, -2, -2);
    const QImage before = view->grab().toImage();
    f.stack.setDemand(DemandCurve::build(run, {}));
    QApplication::processEvents();
    const QImage after = view->grab().toImage();
    const DemandLayer &layer = demandLayer(f);
    QCOMPARE(countNear(before, plot, layer.underColor()), 0);
    QVERIFY(countNear(after, plot, layer.underColor()) > 200);
    QVERIFY(countNear(after, plot, layer.overColor()) >
            countNear(before, plot, layer.overColor()) + 200);
    // The red sits where an under-provisioned band is: its middle, just above its low edge.
    for (const auto &band : layer.bands()) {
        if (!band.under || band.x1 - band.x0 < 20)
            continue;
        const double x = view->viewportX((band.x0 + band.x1) / 2);
        const AxisScale &scale = view->metricChart()->axes().leftAxis().scale;
        const QRectF area = view->plotRect();
        const double y =
            area.bottom() - (band.low + 0.3 - scale.min) / (scale.max - scale.min) * area.height();
        QVERIFY2(near(after.pixel(int(x), int(y)), layer.underColor(), 20),
                 qPrintable(QColor(after.pixel(int(x), int(y))).name()));
        break;
    }

    // The figure export draws the same areas in the paper look.
    const ChartExporter exporter(QVector<ChartStack *>{&f.stack});
    QImage figure(1200, 1400, QImage::Format_ARGB32);
    figure.fill(Qt::white);
    {
        QPainter painter(&figure);
        exporter.render(&painter, QRectF(figure.rect()));
    }
    QColor paperUnder = ChartPalette::make(ChartPalette::Mode::Paper).target;
    paperUnder.setAlpha(70);
    QVERIFY(countNear(figure, figure.rect(), paperUnder) > 200);
    f.stack.setDemand(nullptr);
    QImage plain(1200, 1400, QImage::Format_ARGB32);
    plain.fill(Qt::white);
    {
        QPainter painter(&plain);
        ChartExporter(QVector<ChartStack *>{&f.stack}).render(&painter, QRectF(plain.rect()));
    }
    // Antialiased edges of the red target lines come close to the fill in a few pixels only.
    QVERIFY(countNear(plain, plain.rect(), paperUnder) * 5 <
            countNear(figure, figure.rect(), paperUnder));
}

void TestDemandOverlay::viewActionIsMadeOnceAndRemembered()
{
    QTemporaryDir dir;
    writeSmallExperiment(dir);
    hpa::app::MainWindow window(AppSettings::Storage::InMemory);
    window.setModalErrors(false);
    window.show();
    QAction *action = window.scorecardController()->demandAction();
    QVERIFY(action->isCheckable());
    QVERIFY(!action->isChecked()); // off by default
    // Listed once, in the View menu.
    int listed = 0;
    for (QAction *menu : window.menuBar()->actions())
        if (menu->menu())
            listed += menu->menu()->actions().count(action);
    QCOMPARE(listed, 1);

    window.openExperiment(dir.path());
    window.waitForLoad();
    QApplication::processEvents();
    ChartStack *stack = window.workspace()->chartStacks().front();
    QVERIFY(!stack->demand());
    action->setChecked(true);
    QVERIFY(stack->demand());
    QCOMPARE(stack->demand()->experiment(), window.workspace()->loaded()->experiment.get());
    // A new demand variant in the dock redraws the overlay with it (computed off the thread).
    window.scorecardView()->demandBox()->setCurrentIndex(1);
    window.scorecardView()->waitForComputed();
    QCOMPARE(stack->demand()->variant(), hpa::core::DemandVariant::HpaReachable);
    action->setChecked(false);
    QVERIFY(!stack->demand());

    // Remembered through the typed settings wrapper.
    AppSettings settings(AppSettings::Storage::InMemory);
    QVERIFY(!settings.demandOverlayVisible());
    hpa::ui::ExperimentWorkspace workspace;
    hpa::ui::ScorecardView scorecard;
    hpa::ui::EventBrowser events;
    hpa::app::ScorecardController controller(&workspace, &scorecard, &events, &settings);
    controller.demandAction()->setChecked(true);
    QVERIFY(settings.demandOverlayVisible());
    hpa::app::ScorecardController again(&workspace, &scorecard, &events, &settings);
    QVERIFY(again.demandAction()->isChecked());
}

void TestDemandOverlay::overlaidComparisonDrawsBothRunsDemand()
{
    // Issue 12: in overlay mode A and B share the replicas chart; each run's required
    // replicas are drawn, B's in B's colour with its areas hatched, and labelled.
    const ExperimentPtr a = underAndOverRun();
    auto bRun = std::make_shared<hpa::core::Experiment>(*underAndOverRun());
    bRun->name = "b";
    const ExperimentPtr b = bRun;
    hpa::ui::ExperimentWorkspace workspace;
    workspace.resize(1200, 1400);
    auto loaded = [](const ExperimentPtr &e) {
        auto out = std::make_shared<hpa::ui::LoadedExperiment>();
        out->experiment = e;
        return std::shared_ptr<const hpa::ui::LoadedExperiment>(out);
    };
    workspace.setExperiment(loaded(a));
    workspace.setCompareLayout(hpa::ui::ExperimentWorkspace::CompareLayout::Overlay);
    workspace.setComparison(loaded(b));
    workspace.show();
    QVERIFY(QTest::qWaitForWindowExposed(&workspace));
    const auto curveA = DemandCurve::build(a, {});
    const auto curveB = DemandCurve::build(b, {});
    workspace.setDemandCurves({curveA, curveB});
    ChartStack *stack = workspace.chartStacks().front();
    MetricChartView *view = nullptr;
    for (MetricChartView *v : stack->charts())
        if (v->metricChart()->spec().kind == ChartKind::Replicas)
            view = v;
    QVERIFY(view);
    const MetricChart *chart = view->metricChart();
    QCOMPARE(chart->demandLayer(0).curve(), curveA);
    QCOMPARE(chart->demandLayer(1).curve(), curveB);
    QVERIFY(!chart->demandLayer(1).bands().empty());
    // B's line in B's replica colour, A's in the text colour: told apart on screen.
    const ChartPalette &palette = chart->chartPalette();
    QCOMPARE(chart->demandLayer(1).linePen().color(), palette.seriesColor(0, true));
    QVERIFY(chart->demandLayer(0).linePen().color() != chart->demandLayer(1).linePen().color());
    QCOMPARE(chart->demandLayer(1).underBrush().style(), Qt::BDiagPattern);
    QCOMPARE(chart->demandLayer(0).underBrush().style(), Qt::SolidPattern);
    const QStringList names = legendNames(view);
    QVERIFY2(names.contains(QStringLiteral("A: required replicas, HPA-ideal")),
             qPrintable(names.join(QLatin1Char('|'))));
    QVERIFY2(names.contains(QStringLiteral("B: required replicas, HPA-ideal (its areas hatched)")),
             qPrintable(names.join(QLatin1Char('|'))));
    QVERIFY(names.contains(QStringLiteral("A: under-provisioned")));
    // The readout names both runs' values.
    QVERIFY(chart->demandLayer(1).readoutLine(150).startsWith(QStringLiteral("B: required")));

    // Side by side: each column draws its own run's demand, unlabelled beside its own title.
    workspace.setCompareLayout(hpa::ui::ExperimentWorkspace::CompareLayout::SideBySide);
    QApplication::processEvents();
    const auto stacks = workspace.chartStacks();
    QCOMPARE(stacks.size(), 2);
    for (int s = 0; s < 2; ++s) {
        for (MetricChartView *v : stacks[s]->charts()) {
            if (v->metricChart()->spec().kind != ChartKind::Replicas)
                continue;
            QCOMPARE(v->metricChart()->demandLayer(0).curve(), s == 0 ? curveA : curveB);
            QVERIFY(!v->metricChart()->demandLayer(1).curve());
        }
    }
    workspace.setDemandCurves({});
    for (ChartStack *st : workspace.chartStacks())
        for (MetricChartView *v : st->charts())
            QVERIFY(!v->metricChart()->demandLayer(0).curve() &&
                    !v->metricChart()->demandLayer(1).curve());
}

QTEST_MAIN(TestDemandOverlay)
#include "tst_demand_overlay.moc"
