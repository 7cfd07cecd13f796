// Issue 11, points 9, 10 and 13: side by side on one value range, no stale comparison after
// another experiment is opened, a readable run B in the overlay.

#include "chart_stack_fixture.h"

#include "app/gui/library_controller.h"
#include "app/gui/main_window.h"
#include "core/analysis/experiment_analyzer.h"
#include "ui/charts/chart_overlay.h"
#include "ui/charts/chart_palette.h"
#include "ui/comparison_table_model.h"
#include "ui/comparison_view.h"
#include "ui/experiment_workspace.h"
#include "ui/library_table_model.h"
#include "ui/library_view.h"
#include "ui/library_window.h"
#include "ui/load_controller.h"
#include "ui/loaded_experiment.h"

#include <QLabel>
#include <QPainter>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace chart_test;

namespace {

std::shared_ptr<const LoadedExperiment> loaded(const ExperimentPtr &experiment)
{
    auto out = std::make_shared<LoadedExperiment>();
    out->experiment = experiment;
    out->summary = hpa::core::ExperimentAnalyzer::summarize(*experiment);
    return out;
}

/// The small run with every waiting value multiplied: B's queue peaks 50 times higher.
ExperimentPtr scaledWaiting(const ExperimentPtr &base, double factor)
{
    auto copy = std::make_shared<hpa::core::Experiment>(*base);
    for (hpa::core::MetricColumn &column : copy->metrics.columns()) {
        if (column.key == keys::Waiting) {
            for (double &v : column.values)
                v *= factor;
        }
    }
    copy->path += "-scaled";
    return copy;
}

MetricChartView *chartOf(ChartStack *stack, ChartKind kind)
{
    for (MetricChartView *view : stack->charts()) {
        if (view->metricChart()->spec().kind == kind)
            return view;
    }
    return nullptr;
}

QTabWidget *tabsOf(ExperimentWorkspace *w)
{
    return w->findChild<QTabWidget *>();
}

bool hasTab(ExperimentWorkspace *w, const QString &title)
{
    QTabWidget *tabs = tabsOf(w);
    for (int i = 0; i < tabs->count(); ++i) {
        if (tabs->tabText(i) == title)
            return true;
    }
    return false;
}

} // namespace

class TestCompareViews : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        // The library's catalog goes to a folder of the test, not the user's cache.
        qputenv("XDG_CACHE_HOME", m_cache.path().toUtf8());
    }
    void sideBySideSharesTheValueRange();
    void sideBySideRowsAndScalesMatchOnTheSharedExamples();
    void openingANewExperimentEndsTheComparison();
    void mainWindowEndsTheComparisonOnOpen();
    void comparingARunWithItselfSaysSo();
    void runBIsDrawnAsStrongAsA();
    void targetShadeSpansTheWholeRange();
    void markersOfRunBCanBeHidden();

private:
    QTemporaryDir m_cache;
};

void TestCompareViews::sideBySideSharesTheValueRange()
{
    QTemporaryDir dir;
    const ExperimentPtr a = writeSmallExperiment(dir);
    QVERIFY(a);
    const ExperimentPtr b = scaledWaiting(a, 50);
    ExperimentWorkspace w;
    w.resize(1400, 1600);
    w.show();
    w.setExperiment(loaded(a));
    w.setCompareLayout(ExperimentWorkspace::CompareLayout::SideBySide);
    w.setComparison(loaded(b));
    QCOMPARE(w.chartStacks().size(), 2);
    MetricChartView *left = chartOf(w.chartStacks()[0], ChartKind::Waiting);
    MetricChartView *right = chartOf(w.chartStacks()[1], ChartKind::Waiting);
    QVERIFY(left && right);
    const auto leftAxis = left->metricChart()->axes().leftAxis().scale;
    const auto rightAxis = right->metricChart()->axes().leftAxis().scale;
    // A's waiting peaks at 6, B's at 300: both read on B's scale.
    QVERIFY2(leftAxis.max >= 300, qPrintable(QString::number(leftAxis.max)));
    QCOMPARE(leftAxis.max, rightAxis.max);
    QCOMPARE(leftAxis.min, rightAxis.min);
    // Zooming keeps them together.
    w.timeWindow()->zoomTo(w.timeWindow()->fullFrom(), w.timeWindow()->fullFrom() + 100);
    QCOMPARE(left->metricChart()->axes().leftAxis().scale.max,
             right->metricChart()->axes().leftAxis().scale.max);
    w.timeWindow()->reset();

    // The View toggle turns it off: each run on its own scale again.
    w.setSharedValueRanges(false);
    QVERIFY(left->metricChart()->axes().leftAxis().scale.max < 50);
    QVERIFY(right->metricChart()->axes().leftAxis().scale.max >= 300);
    w.setSharedValueRanges(true);
    QCOMPARE(left->metricChart()->axes().leftAxis().scale.max,
             right->metricChart()->axes().leftAxis().scale.max);

    // The overlay has one chart per kind; leaving side by side unlinks the charts.
    w.setCompareLayout(ExperimentWorkspace::CompareLayout::Overlay);
    QCOMPARE(w.chartStacks().size(), 1);
    QVERIFY(!chartOf(w.chartStacks()[0], ChartKind::Waiting)->metricChart()->valueRangeLink());
}

void TestCompareViews::sideBySideRowsAndScalesMatchOnTheSharedExamples()
{
    // The case that misled as rendered: A (newer layout) has latency and request-rate charts,
    // B (older layout) has not, so B's charts were taller, rounded the shared extent with more
    // ticks, and replicas read 0-15 on the left beside 0-12 on the right.
    const QString high = sharedExample("high-load-hpa-20251124-155733");
    const QString legacy = sharedExample("hpa-experiment-20251120-140312");
    if (!QFileInfo(high).isDir() || !QFileInfo(legacy).isDir())
        QSKIP("../shared/examples not available");
    ExperimentWorkspace w;
    w.resize(1200, 1000);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.setExperiment(std::make_shared<const LoadedExperiment>(LoadController::loadNow(high)));
    w.setCompareLayout(ExperimentWorkspace::CompareLayout::SideBySide);
    w.setComparison(std::make_shared<const LoadedExperiment>(LoadController::loadNow(legacy)));
    QCoreApplication::processEvents();
    const QVector<MetricChartView *> left = w.chartStacks()[0]->visibleCharts();
    const QVector<MetricChartView *> right = w.chartStacks()[1]->visibleCharts();
    QCOMPARE(left.size(), right.size());
    bool sawAbsent = false;
    for (qsizetype i = 0; i < left.size(); ++i) {
        const MetricChart *a = left[i]->metricChart();
        const MetricChart *b = right[i]->metricChart();
        QCOMPARE(a->spec().kind, b->spec().kind);
        if (!b->hasData()) {
            // Shown for alignment, saying why it is empty.
            QVERIFY2(b->notCollectedMessage().contains(QStringLiteral("B: no series")),
                     qPrintable(b->notCollectedMessage()));
            sawAbsent = true;
        }
        if (a->isNotCollected() || b->isNotCollected())
            continue;
        const AxisScale sa = a->axes().leftAxis().scale, sb = b->axes().leftAxis().scale;
        QVERIFY2(sa.min == sb.min && sa.max == sb.max && sa.tickCount == sb.tickCount,
                 qPrintable(QStringLiteral("%1: A %2..%3 (%4 ticks), B %5..%6 (%7 ticks)")
                                .arg(a->title())
                                .arg(sa.min)
                                .arg(sa.max)
                                .arg(sa.tickCount)
                                .arg(sb.min)
                                .arg(sb.max)
                                .arg(sb.tickCount)));
    }
    QVERIFY(sawAbsent);
    // The plots of a row have the same height, so equal scales read alike.
    QCOMPARE(left.front()->metricChart()->plotArea().height(),
             right.front()->metricChart()->plotArea().height());
}

void TestCompareViews::openingANewExperimentEndsTheComparison()
{
    QTemporaryDir dir;
    const ExperimentPtr a = writeSmallExperiment(dir);
    QVERIFY(a);
    const ExperimentPtr b = scaledWaiting(a, 2);
    const ExperimentPtr c = scaledWaiting(a, 3);
    ExperimentWorkspace w;
    QSignalSpy ended(&w, &ExperimentWorkspace::comparisonEnded);
    w.setExperiment(loaded(a));
    w.setComparison(loaded(b));
    QVERIFY(hasTab(&w, QStringLiteral("Comparison")));
    QCOMPARE(w.comparisonView()->model()->rowCount() > 0, true);

    w.setExperiment(loaded(c));
    QCOMPARE(ended.count(), 1);
    QVERIFY(!w.isComparing());
    QVERIFY(!hasTab(&w, QStringLiteral("Comparison")));
    QCOMPARE(w.comparisonView()->model()->rowCount(), 0);
    QCOMPARE(w.sources().size(), 1);
    // Opening without a comparison running says nothing.
    w.setExperiment(loaded(a));
    QCOMPARE(ended.count(), 1);
}

void TestCompareViews::mainWindowEndsTheComparisonOnOpen()
{
    const QString high = sharedExample("high-load-hpa-20251124-155733");
    const QString legacy = sharedExample("hpa-experiment-20251120-140312");
    if (!QFileInfo(high).isDir() || !QFileInfo(legacy).isDir())
        QSKIP("../shared/examples not available");
    hpa::app::MainWindow w;
    w.setModalErrors(false);
    w.resize(1400, 900);
    w.show();
    w.openExperiment(high);
    w.waitForLoad();
    w.compareWith(legacy);
    w.waitForLoad();
    QTRY_VERIFY(w.workspace()->isComparing());
    QVERIFY(w.windowTitle().contains(QStringLiteral(" vs ")));
    // A folder holding a copy of the legacy run opens the library; the run opened from it
    // replaces A and ends the comparison.
    QTemporaryDir parent;
    const QString copy = parent.filePath(QStringLiteral("copy-of-legacy"));
    QVERIFY(QDir().mkpath(copy));
    for (const QString &name : QDir(legacy).entryList(QDir::Files))
        QVERIFY(QFile::copy(QDir(legacy).filePath(name), QDir(copy).filePath(name)));
    w.openExperiment(parent.path());
    w.waitForLoad();
    QVERIFY(w.libraryController()->window());
    QCOMPARE(w.libraryController()->window()->view()->model()->rowCount(), 1);
    emit w.libraryController()->window()->view()->openRun(
        w.libraryController()->window()->view()->model()->run(0).path.c_str());
    w.waitForLoad();
    QTRY_VERIFY(!w.workspace()->isComparing());
    QVERIFY(!hasTab(w.workspace(), QStringLiteral("Comparison")));
    QVERIFY(!w.windowTitle().contains(QStringLiteral(" vs ")));
    QCOMPARE(w.workspace()->sources().size(), 1);
    QCOMPARE(QString::fromStdString(w.workspace()->loaded()->summary.name),
             QStringLiteral("copy-of-legacy"));
}

void TestCompareViews::comparingARunWithItselfSaysSo()
{
    QTemporaryDir dir;
    const ExperimentPtr a = writeSmallExperiment(dir);
    QVERIFY(a);
    ExperimentWorkspace w;
    w.setExperiment(loaded(a));
    w.setComparison(loaded(a));
    const QLabel *title = nullptr;
    for (const QLabel *label : w.comparisonView()->findChildren<QLabel *>()) {
        if (label->text().contains(QStringLiteral("<b>A</b>")))
            title = label;
    }
    QVERIFY(title);
    QVERIFY2(title->text().contains(QStringLiteral("same run")), qPrintable(title->text()));
    w.setComparison(loaded(scaledWaiting(a, 2)));
    QVERIFY(!title->text().contains(QStringLiteral("same run")));
}

void TestCompareViews::runBIsDrawnAsStrongAsA()
{
    for (auto mode :
         {ChartPalette::Mode::Light, ChartPalette::Mode::Dark, ChartPalette::Mode::Paper}) {
        const ChartPalette p = ChartPalette::make(mode);
        for (int role = 0; role < 3; ++role) {
            const QPen a = p.seriesPen(role, false, false);
            const QPen b = p.seriesPen(role, false, true);
            QCOMPARE(b.widthF(), a.widthF());
            QVERIFY(b.style() != a.style());
            QVERIFY(b.style() != Qt::DotLine);
            // A different hue, not a pale tint of A's.
            const int hueDistance = std::abs(a.color().hslHue() - b.color().hslHue());
            QVERIFY2(std::min(hueDistance, 360 - hueDistance) >= 40,
                     qPrintable(QStringLiteral("role %1: hues %2 and %3")
                                    .arg(role)
                                    .arg(a.color().hslHue())
                                    .arg(b.color().hslHue())));
            QVERIFY(b.color().alpha() == 255);
            // Not faded: as far from the background as A's line is, near enough.
            const int contrastA = std::abs(a.color().lightness() - p.background.lightness());
            const int contrastB = std::abs(b.color().lightness() - p.background.lightness());
            QVERIFY2(contrastB * 10 >= contrastA * 7,
                     qPrintable(QStringLiteral("%1 vs %2").arg(contrastB).arg(contrastA)));
        }
    }
}

void TestCompareViews::targetShadeSpansTheWholeRange()
{
    QTemporaryDir dir;
    const ExperimentPtr a = writeSmallExperiment(dir);
    QVERIFY(a);
    // B runs on twice as long as A (same clock, shifted by A's length).
    auto longer = std::make_shared<hpa::core::Experiment>(*a);
    hpa::core::MetricsTable table;
    const auto &src = a->metrics;
    for (const hpa::core::MetricColumn &column : src.columns())
        table.addColumn(column.header, column.key);
    const double span = src.time().back() - src.time().front();
    for (int copy = 0; copy < 2; ++copy) {
        for (std::size_t i = 0; i < src.rowCount(); ++i) {
            std::vector<double> row;
            for (const hpa::core::MetricColumn &column : src.columns())
                row.push_back(column.values[i]);
            table.appendRow(src.time()[i] + copy * (span + 5), static_cast<int>(i + 2), row);
        }
    }
    longer->metrics = std::move(table);
    Fixture f({sourceOf(a, QStringLiteral("A")), sourceOf(longer, QStringLiteral("B"), true)});
    MetricChartView *waiting = f.chart(ChartKind::Waiting);
    QVERIFY(waiting);
    const QList<QPointF> &shade = waiting->metricChart()->targetShade();
    QVERIFY(shade.size() >= 2);
    QCOMPARE(shade.front().x(), f.window.from());
    QCOMPARE(shade.back().x(), f.window.to());
    QVERIFY(f.window.to() > span * 1.5); // B's extent, not A's
}

void TestCompareViews::markersOfRunBCanBeHidden()
{
    QTemporaryDir dirA;
    const ExperimentPtr a = writeSmallExperiment(dirA);
    QVERIFY(a);
    // B's events 30 s later than A's, so every marker has its own column.
    auto b = std::make_shared<hpa::core::Experiment>(*a);
    for (auto &e : b->events)
        e.time += 30;
    const QVector<ChartSource> sources = {sourceOf(a, QStringLiteral("A")),
                                          sourceOf(b, QStringLiteral("B"), true)};
    EventMarkers markers;
    markers.setSources(sources);
    const auto paint = [&](bool secondaryVisible) {
        QImage image(800, 200, QImage::Format_ARGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        OverlayState state;
        state.plot = QRectF(0, 0, 800, 200);
        state.from = 0;
        state.to = 800;
        state.markers = &markers;
        state.secondaryMarkers = secondaryVisible;
        ChartOverlay::paint(&painter, state, ChartPalette::make(ChartPalette::Mode::Light));
        painter.end();
        // Columns inked over most of the height below the flags (dotted and dashed too).
        int columns = 0;
        for (int x = 0; x < image.width(); ++x) {
            int inked = 0;
            for (int y = 20; y < image.height(); ++y)
                inked += image.pixel(x, y) != qRgb(255, 255, 255);
            columns += inked >= 20;
        }
        return columns;
    };
    const int both = paint(true);
    const int onlyA = paint(false);
    QVERIFY2(onlyA > 0 && both > onlyA,
             qPrintable(QStringLiteral("%1 columns with B, %2 without").arg(both).arg(onlyA)));
    QCOMPARE(both, 2 * onlyA);
}

QTEST_MAIN(TestCompareViews)

#include "tst_compare_views.moc"
