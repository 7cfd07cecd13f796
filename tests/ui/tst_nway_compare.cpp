// Issue 14, N-way comparison: 2 to 8 runs on the workspace's one code path. Three runs or more
// are overlaid on elapsed time, one palette colour per run, each chart's legend naming every
// run; alignment applies to every run; the Comparison tab has a column group per run; two
// runs keep the A/B look; the main window loads B, C, … in turn.
#include "chart_stack_fixture.h"

#include "app/gui/compare_controller.h"
#include "app/gui/main_window.h"
#include "core/analysis/alignment.h"
#include "core/analysis/experiment_analyzer.h"
#include "ui/charts/chart_legend.h"
#include "ui/charts/chart_palette.h"
#include "ui/comparison_table_model.h"
#include "ui/comparison_view.h"
#include "ui/experiment_workspace.h"
#include "ui/loaded_experiment.h"

#include <QAction>
#include <QMenu>
#include <QSortFilterProxyModel>
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

/// A copy of `base` under another name, its times shifted by `shift` seconds and its waiting
/// queue scaled: a run of another day with other numbers.
ExperimentPtr variant(const ExperimentPtr &base, int index, double shift, double factor)
{
    auto copy = std::make_shared<hpa::core::Experiment>(*base);
    for (hpa::core::MetricColumn &column : copy->metrics.columns()) {
        if (column.key == keys::Waiting)
            for (double &v : column.values)
                v *= factor;
    }
    for (double &t : copy->metrics.time())
        t += shift;
    for (auto &e : copy->events)
        e.time += shift;
    copy->path += "-v" + std::to_string(index);
    copy->name += "-v" + std::to_string(index);
    return copy;
}

MetricChartView *chartOf(ChartStack *stack, ChartKind kind)
{
    for (MetricChartView *view : stack->charts())
        if (view->metricChart()->spec().kind == kind)
            return view;
    return nullptr;
}

} // namespace

class TestNWayCompare : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        qputenv("XDG_CACHE_HOME", m_cache.path().toUtf8());
        m_a = writeSmallExperiment(m_dir);
        QVERIFY(m_a);
    }
    void runColoursAreDistinct_data();
    void runColoursAreDistinct();
    void overlayOneColourPerRun_data();
    void overlayOneColourPerRun();
    void alignmentAppliesToEveryRun();
    void twoRunsKeepTheABLook();
    void mainWindowComparesThreeRuns();

private:
    QTemporaryDir m_cache, m_dir;
    ExperimentPtr m_a;
};

void TestNWayCompare::runColoursAreDistinct_data()
{
    QTest::addColumn<int>("mode");
    QTest::newRow("light") << int(ChartPalette::Mode::Light);
    QTest::newRow("dark") << int(ChartPalette::Mode::Dark);
    QTest::newRow("paper") << int(ChartPalette::Mode::Paper);
}

void TestNWayCompare::runColoursAreDistinct()
{
    QFETCH(int, mode);
    const ChartPalette p = ChartPalette::make(static_cast<ChartPalette::Mode>(mode));
    QCOMPARE(p.runs.size(), qsizetype(ChartPalette::kRunColors));
    QCOMPARE(ChartPalette::kRunColors, int(hpa::core::RunComparison::kMaxRuns));
    const auto distance = [](const QColor &a, const QColor &b) {
        return std::abs(a.red() - b.red()) + std::abs(a.green() - b.green()) +
               std::abs(a.blue() - b.blue());
    };
    for (int i = 0; i < p.runs.size(); ++i) {
        // Readable on the background, never the target's red, never another run's hue.
        QVERIFY2(distance(p.runs[i], p.background) > 150, qPrintable(p.runs[i].name()));
        QVERIFY(distance(p.runs[i], p.target) > 60);
        for (int j = i + 1; j < p.runs.size(); ++j)
            QVERIFY2(distance(p.runs[i], p.runs[j]) > 90,
                     qPrintable(p.runs[i].name() + " ~ " + p.runs[j].name()));
    }
}

void TestNWayCompare::overlayOneColourPerRun_data()
{
    QTest::addColumn<int>("runs");
    QTest::newRow("3") << 3;
    QTest::newRow("4") << 4;
    QTest::newRow("8") << 8;
}

void TestNWayCompare::overlayOneColourPerRun()
{
    QFETCH(int, runs);
    ExperimentWorkspace w;
    w.resize(1400, 1600);
    w.show();
    w.setExperiment(loaded(m_a));
    // Side by side is a two-run layout: three runs or more are overlaid anyway.
    w.setCompareLayout(ExperimentWorkspace::CompareLayout::SideBySide);
    QVector<std::shared_ptr<const LoadedExperiment>> others;
    for (int i = 1; i < runs; ++i)
        others << loaded(variant(m_a, i, 86400.0 * i, 1 + i));
    w.setComparisonRuns(others);
    QVERIFY(w.isNWay());
    QCOMPARE(w.chartStacks().size(), 1);
    QCOMPARE(w.sources().size(), runs);
    for (int i = 0; i < runs; ++i) {
        QCOMPARE(w.sources()[i].runColor, i);
        QCOMPARE(w.sources()[i].label, QString(QChar(u'A' + i)));
    }
    MetricChartView *waiting = chartOf(w.chartStacks().front(), ChartKind::Waiting);
    QVERIFY(waiting);
    const MetricChart *chart = waiting->metricChart();
    const QColor target = chart->chartPalette().target;
    // Every run is named once in the legend, in its colour, by letter and name; runs sharing
    // their metadata name (as here) are named by folder, so no two read alike.
    const auto &entries = chart->chartLegend()->entries();
    QSet<QString> names;
    for (int i = 0; i < runs; ++i) {
        QCOMPARE(w.sources()[i].runName, QString::fromStdString(w.sources()[i].experiment->name));
        names << w.sources()[i].runName;
        const QString name =
            QString(QChar(u'A' + i)) + QStringLiteral(": ") + w.sources()[i].runName;
        const auto it = std::find_if(entries.begin(), entries.end(),
                                     [&](const ChartLegend::Entry &e) { return e.name == name; });
        QVERIFY2(it != entries.end(), qPrintable(name));
        QCOMPARE(it->pen.color(), chart->chartPalette().runColor(i));
    }
    QCOMPARE(names.size(), runs);
    // The waiting line of run i is drawn in run i's colour (the target in red, A's only).
    QSet<QRgb> lineColours;
    for (const hpa::ui::Curve &c : chart->curves())
        if (c.pen.color() != target)
            lineColours << c.pen.color().rgb();
    QCOMPARE(lineColours.size(), runs);
    for (int i = 0; i < runs; ++i)
        QVERIFY(lineColours.contains(chart->chartPalette().runColor(i).rgb()));
    // Series are told apart by dash: every chart drawing several keys them all in the legend
    // (in the muted colour), one drawing one needs none.
    for (MetricChartView *view : w.chartStacks().front()->charts()) {
        const MetricChart *c = view->metricChart();
        QSet<int> styles;
        for (const hpa::ui::Curve &curve : c->curves())
            if (curve.pen.color() != c->chartPalette().target)
                styles << int(curve.pen.style());
        int keyed = 0;
        for (const ChartLegend::Entry &e : c->chartLegend()->entries())
            keyed += e.pen.color() == c->chartPalette().mutedText;
        QCOMPARE(keyed, styles.size() > 1 ? int(styles.size()) : 0);
    }
    // The Comparison tab: a value, a delta and a change per run after A.
    QCOMPARE(w.comparisonView()->model()->columnCount(), 2 + 3 * (runs - 1));
    QCOMPARE(w.comparisonView()->proxy()->columnCount(), 2 + 3 * (runs - 1));
}

void TestNWayCompare::alignmentAppliesToEveryRun()
{
    ExperimentWorkspace w;
    w.setExperiment(loaded(m_a));
    w.setComparisonRuns({loaded(variant(m_a, 1, 3600, 2)), loaded(variant(m_a, 2, 7200, 3))});
    for (auto mode : {hpa::core::AlignMode::FirstSample, hpa::core::AlignMode::FirstScaleUp,
                      hpa::core::AlignMode::Offset}) {
        w.setAlignment(mode, 30);
        for (int i = 0; i < w.sources().size(); ++i) {
            const double offset = i > 0 && mode == hpa::core::AlignMode::Offset ? 30 : 0;
            QCOMPARE(w.sources()[i].origin,
                     hpa::core::Alignment::origin(*w.sources()[i].experiment, mode, offset));
        }
    }
    // On the first sample every run starts at x = 0 though they ran hours apart.
    w.setAlignment(hpa::core::AlignMode::FirstSample);
    for (const ChartSource &s : w.sources())
        QCOMPARE(s.toX(s.experiment->metrics.time().front()), 0.0);
}

void TestNWayCompare::twoRunsKeepTheABLook()
{
    ExperimentWorkspace w;
    w.setExperiment(loaded(m_a));
    w.setComparisonRuns({loaded(variant(m_a, 1, 0, 2)), loaded(variant(m_a, 2, 0, 3))});
    QVERIFY(w.isNWay());
    // Back to two: B in the comparison style, no run colours; then none.
    w.setComparison(loaded(variant(m_a, 1, 0, 2)));
    QVERIFY(w.isComparing() && !w.isNWay());
    QCOMPARE(w.sources().size(), 2);
    QCOMPARE(w.sources()[0].runColor, -1);
    QCOMPARE(w.sources()[1].runColor, -1);
    QVERIFY(w.sources()[1].secondary);
    QCOMPARE(w.comparisonView()->model()->columnCount(), int(ComparisonTableModel::ColumnCount));
    w.setComparisonRuns({});
    QVERIFY(!w.isComparing());
    QCOMPARE(w.sources().size(), 1);
}

void TestNWayCompare::mainWindowComparesThreeRuns()
{
    const QString a = QString::fromStdString(m_a->path);
    // Two more runs on disk: the bundled fixtures.
    const QString b = QStringLiteral(HPA_TEST_DATA_DIR "/experiments/legacy-small");
    const QString c = QStringLiteral(HPA_TEST_DATA_DIR "/experiments/enhanced-small");
    hpa::app::MainWindow window(AppSettings::Storage::InMemory);
    window.openExperiment(a);
    window.compareWith(QStringList{b, c});
    window.waitForLoad();
    QTRY_VERIFY(window.workspace()->isComparing());
    QCOMPARE(window.workspace()->comparisonRuns().size(), 2);
    QVERIFY(window.workspace()->isNWay());
    QCOMPARE(window.windowTitle().count(QStringLiteral(" vs ")), 2);
    // Side by side is for two runs; alignment is for all.
    QVERIFY(!window.compareController()->sideBySideAction()->isEnabled());
    QVERIFY(window.compareController()->alignMenu()->isEnabled());
    // The other runs' event markers would bury the lines: off, one click brings them back.
    QVERIFY(!window.compareController()->markersBAction()->isChecked());
    QVERIFY(window.compareController()->markersBAction()->isEnabled());
    // The Comparison tab: A, then B and C each with their difference from A.
    auto *tabs = window.workspace()->findChild<QTabWidget *>();
    QVERIFY(tabs);
    tabs->setCurrentWidget(window.workspace()->comparisonView());
    QCOMPARE(window.workspace()->comparisonView()->model()->columnCount(), 8);
    // HPA_TEST_SHOTS=DIR keeps a picture of it for a person to look at.
    if (const QString dir = qEnvironmentVariable("HPA_TEST_SHOTS"); !dir.isEmpty()) {
        window.resize(1600, 1000);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.grab().save(dir + QStringLiteral("/nway-comparison-tab.png")));
    }
    window.compareController()->closeComparison();
    QVERIFY(!window.workspace()->isComparing());
}

QTEST_MAIN(TestNWayCompare)
#include "tst_nway_compare.moc"
