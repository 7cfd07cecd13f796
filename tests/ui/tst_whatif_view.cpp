// The What-if panel, the what-if curve on the replicas chart, File → Load HPA Manifest… and
// the Sweep view (issue 13), in the real window, offscreen, on the bundled example (always
// here) and the shared ones (skipped when absent).
#include "app/gui/main_window.h"
#include "app/gui/whatif_controller.h"
#include "core/analysis/pareto_front.h"
#include "ui/charts/chart_stack.h"
#include "ui/charts/metric_chart.h"
#include "ui/charts/metric_chart_view.h"
#include "ui/charts/sweep_plot.h"
#include "ui/charts/whatif_layer.h"
#include "ui/charts/whatif_overlay.h"
#include "ui/experiment_workspace.h"
#include "ui/scorecard_table_model.h"
#include "ui/sweep_view.h"
#include "ui/whatif_scorecard_model.h"
#include "ui/whatif_session.h"
#include "ui/whatif_view.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QMenuBar>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTest>
#include <QToolBar>

using hpa::app::MainWindow;
using namespace hpa;

namespace {

QString bundledExample()
{
    const QDir dir(QStringLiteral(HPA_SOURCE_DIR "/resources/examples"));
    const QStringList entries = dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    return entries.isEmpty() ? QString() : dir.filePath(entries.front());
}

QString sharedPath(const char *name)
{
    return QDir(QStringLiteral(HPA_SHARED_DIR "/examples")).filePath(QLatin1String(name));
}

/// Pixels of the what-if colour in `image` (the dashed line and its label).
int whatIfPixels(const QImage &image)
{
    const QColor c = ui::WhatIfLayer::color();
    int n = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor p = image.pixelColor(x, y);
            n += std::abs(p.red() - c.red()) < 30 && std::abs(p.green() - c.green()) < 30 &&
                 std::abs(p.blue() - c.blue()) < 30;
        }
    }
    return n;
}

ui::MetricChartView *replicasChart(MainWindow &w)
{
    for (ui::MetricChartView *v : w.workspace()->chartStacks().first()->charts()) {
        if (v->metricChart()->spec().kind == ui::ChartKind::Replicas)
            return v;
    }
    return nullptr;
}

struct Window
{
    MainWindow window{ui::AppSettings::Storage::InMemory};
    app::WhatIfController *w = window.whatIfController();

    explicit Window(const QString &dir)
    {
        window.setModalErrors(false);
        window.resize(1600, 1000);
        window.show();
        window.openExperiment(dir);
        window.waitForLoad();
        w->waitForIdle();
        QCoreApplication::processEvents();
    }
};

} // namespace

class TestWhatIfView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void scorecardModel();
    void panelShowsSpecAndSelfCheck();
    void editReplaysAndRedraws();
    void manifestActionCreatedOnce();
    void malformedManifestChangesNothing();
    void realManifestOnTheNewerRun();
    void sweepPlotsAndPicks();
};

void TestWhatIfView::scorecardModel()
{
    ui::WhatIfScorecardModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    core::Scorecard rec;
    rec.coveredS = 3600;
    rec.replicaSeconds = 7200;
    rec.hasReplicas = true;
    rec.ttft.collected = true;
    rec.ttft.attainmentPct = 90;
    core::Scorecard what = rec;
    what.replicaSeconds = 9000;
    model.setScorecards(rec, std::nullopt);
    ui::ScorecardTableModel reference;
    reference.setScorecard(rec);
    QCOMPARE(model.rowCount(), reference.rowCount()); // the Scorecard dock's rows, one list
    QCOMPARE(model.data(model.index(0, ui::WhatIfScorecardModel::WhatIfColumn), Qt::DisplayRole)
                 .toString(),
             QString());
    model.setScorecards(rec, what);
    // Replica-hours 2 -> 2.5: the delta with the KPI's digits (NumberFormat::fixed, as the
    // Scorecard dock writes them).
    QCOMPARE(model.data(model.index(0, ui::WhatIfScorecardModel::RecordingColumn), Qt::DisplayRole)
                 .toString(),
             QStringLiteral("2"));
    QCOMPARE(model.data(model.index(0, ui::WhatIfScorecardModel::WhatIfColumn), Qt::DisplayRole)
                 .toString(),
             QStringLiteral("2.5"));
    QCOMPARE(model.data(model.index(0, ui::WhatIfScorecardModel::DeltaColumn), Qt::DisplayRole)
                 .toString(),
             QStringLiteral("+0.5"));
    QVERIFY(
        model.headerData(ui::WhatIfScorecardModel::WhatIfColumn, Qt::Horizontal, Qt::DisplayRole)
            .toString()
            .contains(QStringLiteral("estimate")));
    // Latency is not replayed: the SLO rows say so instead of showing the recording's value.
    bool sawSlo = false;
    for (int r = 0; r < model.rowCount(); ++r) {
        const QString kpi = model.data(model.index(r, 0), Qt::DisplayRole).toString();
        if (!kpi.contains(QStringLiteral("SLO")))
            continue;
        sawSlo = true;
        QCOMPARE(model.data(model.index(r, ui::WhatIfScorecardModel::WhatIfColumn), Qt::DisplayRole)
                     .toString(),
                 QStringLiteral("not predicted"));
    }
    QVERIFY(sawSlo);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestWhatIfView::panelShowsSpecAndSelfCheck()
{
    const QString dir = sharedPath("hpa-experiment-20251120-140312");
    if (!QDir(dir).exists())
        QSKIP("../shared/examples is not here");
    Window t(dir);
    ui::WhatIfView *view = t.w->view();
    // The old layout's describe block: policies known, tolerance assumed and marked.
    QVERIFY2(view->specLabel()->text().contains(QStringLiteral("scaling.log")),
             qPrintable(view->specLabel()->text()));
    QVERIFY(view->fieldLabel("tolerance")->text().contains(QStringLiteral("assumed")));
    QVERIFY(view->fieldLabel("tolerance")->font().italic());
    QVERIFY(!view->fieldLabel("down-window")->text().contains(QStringLiteral("assumed")));
    QCOMPARE(qobject_cast<QComboBox *>(view->field("select-down"))->currentText(),
             QStringLiteral("Min"));
    QCOMPARE(qobject_cast<QSpinBox *>(view->field("up-pods"))->value(), 4);
    // The self-check line, with the same agreement as `replay` (> 90 %, tst_cli_replay).
    QVERIFY(view->selfCheckLabel()->text().contains(QStringLiteral("agreement")));
    const auto *prepared = t.w->session()->prepared();
    QVERIFY(prepared && prepared->selfCheck.agreement.value_or(0) > 0.9);
    // The spec as loaded is replayed at once: its scorecard is beside the recording's.
    QVERIFY(t.w->session()->current());
    QVERIFY(t.w->session()->current()->outcome.settings.empty());
    QVERIFY(view->statusLabel()->text().contains(QStringLiteral("estimate")));
    QVERIFY(!view->model()
                 ->data(view->model()->index(0, ui::WhatIfScorecardModel::WhatIfColumn),
                        Qt::DisplayRole)
                 .toString()
                 .isEmpty());
}

void TestWhatIfView::editReplaysAndRedraws()
{
    Window t(bundledExample());
    ui::WhatIfView *view = t.w->view();
    ui::MetricChartView *chart = replicasChart(t.window);
    QVERIFY(chart);
    // The loaded spec is replayed at once, but its curve is drawn only with the panel open.
    QVERIFY(t.w->session()->current());
    QVERIFY(!t.w->whatIfDock()->isVisible());
    QVERIFY(!t.w->overlay()->layer());
    QCOMPARE(whatIfPixels(chart->grab().toImage()), 0);
    t.w->whatIfDock()->show();
    QCoreApplication::processEvents();
    ui::WhatIfLayer *layer = t.w->overlay()->layer();
    QVERIFY(layer);
    QVERIFY2(layer->label().contains(QStringLiteral("What-if panel")), qPrintable(layer->label()));
    QCOMPARE(layer->parentItem(), chart->metricChart());
    QVERIFY(layer->label().contains(QStringLiteral("estimate")));
    QVERIFY(layer->polyline().size() >= 2);
    const int drawn = whatIfPixels(chart->grab().toImage());
    QVERIFY2(drawn > 50, qPrintable(QString::number(drawn)));
    const double loadedHours = t.w->session()->current()->outcome.scorecard.replicaHours();

    // An edit replays off the GUI thread and the curve follows: max 2 caps the line at 2.
    auto *max = qobject_cast<QSpinBox *>(view->field("max"));
    max->setValue(2);
    t.w->waitForIdle();
    QCoreApplication::processEvents();
    const auto r = t.w->session()->current();
    QCOMPARE(r->outcome.settings, (core::HpaWhatIfSettings{{"max", "2"}}));
    QCOMPARE(view->edits(), r->outcome.settings);
    QVERIFY(r->desired.maximum() <= 2);
    QCOMPARE(layer->curve().maximum(), r->desired.maximum());
    QVERIFY(r->outcome.scorecard.replicaHours() <= loadedHours);

    // The toggle hides the line without forgetting it.
    view->overlayBox()->setChecked(false);
    QCoreApplication::processEvents();
    QVERIFY(!t.w->overlay()->layer());
    QCOMPARE(whatIfPixels(chart->grab().toImage()), 0);
    view->overlayBox()->setChecked(true);
    QCoreApplication::processEvents();
    QVERIFY(whatIfPixels(chart->grab().toImage()) > 50);
    // Closing the panel takes the curve off the chart; opening it again brings it back.
    t.w->whatIfDock()->close();
    QCoreApplication::processEvents();
    QVERIFY(!t.w->overlay()->layer());
    QCOMPARE(whatIfPixels(chart->grab().toImage()), 0);
    t.w->whatIfDock()->show();
    QCoreApplication::processEvents();
    QVERIFY(t.w->overlay()->layer());
}

void TestWhatIfView::manifestActionCreatedOnce()
{
    MainWindow window(ui::AppSettings::Storage::InMemory);
    QAction *action = window.whatIfController()->loadManifestAction();
    int inMenus = 0, inToolbars = 0;
    for (QAction *menu : window.menuBar()->actions()) {
        if (menu->menu())
            inMenus += menu->menu()->actions().count(action);
    }
    for (QToolBar *bar : window.findChildren<QToolBar *>())
        inToolbars += bar->actions().count(action);
    QCOMPARE(inMenus, 1);
    QCOMPARE(inToolbars, 1);
    int named = 0;
    for (QAction *a : window.findChildren<QAction *>())
        named += a->text() == action->text();
    QCOMPARE(named, 1);
    QVERIFY(!action->isEnabled()); // nothing to replay without an experiment
}

void TestWhatIfView::malformedManifestChangesNothing()
{
    Window t(bundledExample());
    const auto *before = t.w->session()->prepared();
    const auto current = t.w->session()->current();
    QVERIFY(before && current);
    const std::string source(core::HpaSpec::sourceKey(before->spec.source));
    const QString specText = t.w->view()->specLabel()->text();
    const QString path = QStringLiteral(HPA_SOURCE_DIR "/tests/data/hpa/malformed.yaml");
    const QString problem = t.w->loadManifest(path);
    // Named with the file and the line yaml-cpp stopped at.
    QVERIFY2(problem.startsWith(path + QStringLiteral(":1")), qPrintable(problem));
    QVERIFY(problem.contains(QStringLiteral("not valid YAML")));
    QCOMPARE(t.window.lastError(), problem);
    t.w->waitForIdle();
    QCOMPARE(t.w->session()->prepared(), before);
    QCOMPARE(t.w->session()->current(), current);
    QCOMPARE(t.w->view()->specLabel()->text(), specText);
    QVERIFY(t.w->session()->manifestPath().isEmpty());
    QCOMPARE(std::string(core::HpaSpec::sourceKey(t.w->session()->prepared()->spec.source)),
             source);
}

void TestWhatIfView::realManifestOnTheNewerRun()
{
    const QString dir = sharedPath("high-load-hpa-20251124-155733");
    const QString hpa = sharedPath("hpa-manifests/hpa-vllm-combined.yaml");
    if (!QDir(dir).exists() || !QFile::exists(hpa))
        QSKIP("../shared/examples is not here");
    Window t(dir);
    QVERIFY(t.w->loadManifest(hpa).isEmpty());
    t.w->waitForIdle();
    const auto *p = t.w->session()->prepared();
    QCOMPARE(p->spec.source, core::HpaSpecSource::Manifest);
    QVERIFY(t.w->view()->specLabel()->text().contains(QStringLiteral("hpa-vllm-combined.yaml")));
    // The waiting target comes from the recorded column (2), not the manifest's 20.
    QCOMPARE(qobject_cast<QDoubleSpinBox *>(t.w->view()->field("waiting-target"))->value(), 2.0);
    QVERIFY(t.w->whatIfDock()->isVisible());
    QVERIFY(t.w->overlay()->layer());
}

void TestWhatIfView::sweepPlotsAndPicks()
{
    Window t(bundledExample());
    ui::SweepView *sweep = t.w->sweepView();
    QVERIFY(t.w->showSweep({QStringLiteral("max=2,4,6,10"), QStringLiteral("down-window=0,120")})
                .isEmpty());
    t.w->waitForIdle();
    QCoreApplication::processEvents();
    QVERIFY(t.w->sweepDock()->isVisible());
    const auto result = t.w->session()->sweep();
    QVERIFY(result);
    QCOMPARE(result->outcomes.size(), std::size_t(8));
    ui::SweepPlot *plot = sweep->plot();
    QCOMPARE(plot->points().size(), 8);
    // The highlighted dots are exactly the Pareto front of (theta_U, replica-hours).
    std::vector<core::ParetoFront::Point> costs;
    for (const auto &o : result->outcomes)
        costs.push_back({*o.scorecard.underAccuracyPct, o.scorecard.replicaHours()});
    const std::vector<bool> front = core::ParetoFront::of(costs);
    int onFront = 0;
    for (int i = 0; i < 8; ++i) {
        QCOMPARE(plot->points()[i].pareto, bool(front[std::size_t(i)]));
        QCOMPARE(plot->points()[i].x, *result->outcomes[std::size_t(i)].scorecard.underAccuracyPct);
        onFront += front[std::size_t(i)];
    }
    QVERIFY(onFront >= 1);
    // τU instead of θU on x.
    sweep->setXAxis(ui::SweepView::XAxis::UnderTimeshare);
    QCOMPARE(plot->points()[0].x, *result->outcomes[0].scorecard.underTimesharePct);
    // The recording is marked (drawn in the plot); clicking a dot shows that what-if.
    QVERIFY(plot->position(-1) != QPointF());
    plot->resize(600, 400);
    const int pick = 5; // max=6, down-window=120
    QTest::mouseClick(plot, Qt::LeftButton, {}, plot->position(pick).toPoint());
    QCOMPARE(plot->selected(), plot->pointAt(plot->position(pick)));
    t.w->waitForIdle();
    QCoreApplication::processEvents();
    // The panel shows the picked combination: its edits make the same spec (a value equal to
    // the loaded one, as the demo's 120 s down window, is no edit).
    const auto picked = sweep->combination(plot->selected());
    const auto shown = t.w->session()->current()->outcome.settings;
    QCOMPARE(t.w->view()->edits(), shown);
    const auto applied = [&](const core::HpaWhatIfSettings &edits) {
        core::HpaSpec spec = t.w->session()->prepared()->spec.spec;
        double delay = 0;
        core::HpaWhatIfEdits::apply(edits, spec, delay);
        return spec;
    };
    QVERIFY(applied(shown) == applied(picked));
    QVERIFY(!shown.empty());
    QVERIFY(t.w->overlay()->layer());
    // A bad sweep names its problem and runs nothing.
    QVERIFY(!sweep->run({QStringLiteral("max=3:1:1")}).isEmpty());
}

QTEST_MAIN(TestWhatIfView)
#include "tst_whatif_view.moc"
