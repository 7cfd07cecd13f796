#include "app/gui/main_window.h"
#include "core/analysis/experiment_analyzer.h"
#include "core/load/experiment_loader.h"
#include "ui/charts/chart_cursor.h"
#include "ui/charts/chart_stack.h"
#include "ui/charts/metric_chart.h"
#include "ui/charts/metric_chart_view.h"
#include "ui/experiment_workspace.h"
#include "ui/job_table_model.h"
#include "ui/jobs_view.h"

#include "bench_log_writer.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using hpa::ui::JobsView;
using hpa::ui::JobTableModel;

namespace {

const QString kWva =
    QStringLiteral(HPA_SHARED_DIR "/examples/wva/model-based-high-parallel-20251209-224705");

hpa::core::ExperimentSummary wvaSummary()
{
    return hpa::core::ExperimentAnalyzer::summarize(
        hpa::core::ExperimentLoader::load(kWva.toStdString()));
}

int columnTitled(const QAbstractItemModel *m, const QString &title)
{
    for (int c = 0; c < m->columnCount(); ++c)
        if (m->headerData(c, Qt::Horizontal).toString() == title)
            return c;
    return -1;
}

} // namespace

class TestJobsView : public QObject
{
    Q_OBJECT

private slots:
    void modelPassesTheTester();
    void sortsNumerically();
    void selectingShowsTheBlockAndSpan();
    void mainWindowShadesTheSpan();
    void benchOnlyFolderOpens();
    void placedJobsShowTheirCharts();
};

void TestJobsView::modelPassesTheTester()
{
    if (!QDir(kWva).exists())
        QSKIP("../shared/examples/wva is absent");
    JobTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setJobs(wvaSummary().jobs);
    QCOMPARE(model.rowCount(), 3);
    const int ttft = columnTitled(&model, QStringLiteral("TTFT P99"));
    QVERIFY(ttft >= 0);
    // high-20's P99 TTFT is 18768.45 ms: over the 1000 ms default SLO, shown in red.
    QCOMPARE(model.data(model.index(0, ttft)).toString(), QStringLiteral("18768.45"));
    QVERIFY(model.data(model.index(0, ttft), Qt::ForegroundRole).isValid());
    model.setJobs({});
    QCOMPARE(model.rowCount(), 0);
}

void TestJobsView::sortsNumerically()
{
    if (!QDir(kWva).exists())
        QSKIP("../shared/examples/wva is absent");
    JobsView view;
    view.setSummary(wvaSummary());
    QAbstractItemModelTester tester(view.table()->model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QAbstractItemModel *m = view.table()->model();
    const int rate = columnTitled(m, QStringLiteral("Rate (req/s)"));
    view.table()->sortByColumn(rate, Qt::DescendingOrder);
    // high-30 (30.0), high-20 (20.0), moderate-15 (15.0): from the logs' Namespace lines.
    QCOMPARE(m->data(m->index(0, rate)).toString(), QStringLiteral("30.0"));
    QCOMPARE(m->data(m->index(2, rate)).toString(), QStringLiteral("15.0"));
}

void TestJobsView::selectingShowsTheBlockAndSpan()
{
    if (!QDir(kWva).exists())
        QSKIP("../shared/examples/wva is absent");
    JobsView view;
    QSignalSpy spans(&view, &JobsView::jobSpanSelected);
    const auto summary = wvaSummary();
    view.setSummary(summary);
    view.table()->selectRow(1);
    QVERIFY(view.detailText().contains(QStringLiteral("Serving Benchmark Result")));
    QVERIFY(view.detailText().contains(QStringLiteral("Benchmark duration (s):")));
    QVERIFY(view.detailText().contains(QStringLiteral("log clock")));
    QVERIFY(!spans.isEmpty());
    const auto span = spans.last().at(0).value<std::optional<std::pair<double, double>>>();
    QVERIFY(span);
    QCOMPARE(span->first, *summary.jobs[1].job.placement.start);
    QCOMPARE(span->second, *summary.jobs[1].job.placement.end);
}

void TestJobsView::mainWindowShadesTheSpan()
{
    if (!QDir(kWva).exists())
        QSKIP("../shared/examples/wva is absent");
    hpa::app::MainWindow w;
    w.setModalErrors(false);
    w.openExperiment(kWva);
    w.waitForLoad();
    QVERIFY2(w.lastError().isEmpty(), qPrintable(w.lastError()));
    w.jobsView()->table()->selectRow(0);
    const auto span = w.workspace()->cursor()->highlightSpan();
    QVERIFY(span);
    // Chart x is experiment time minus the first sample: high-20 starts 23 s before it
    // (03:47:44 vs 03:48:07.506) and lasts its 910.11 s benchmark duration.
    QVERIFY2(std::abs(span->first + 23.506) < 1e-6, qPrintable(QString::number(span->first)));
    QVERIFY2(std::abs(span->second - span->first - 910.11) < 1e-6,
             qPrintable(QString::number(span->second - span->first)));
}

void TestJobsView::benchOnlyFolderOpens()
{
    QTemporaryDir tmp;
    QDir(tmp.path()).mkdir(QStringLiteral("job-logs"));
    hpa::test::BenchLogSpec spec;
    spec.frames = 50;
    const std::string log = hpa::test::benchLog(spec);
    QFile f(tmp.path() + QStringLiteral("/job-logs/a_a-xxxxx.log"));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(log.data(), static_cast<qint64>(log.size()));
    f.close();
    hpa::app::MainWindow w;
    w.setModalErrors(false);
    w.openExperiment(tmp.path());
    w.waitForLoad();
    QVERIFY2(w.lastError().isEmpty(), qPrintable(w.lastError()));
    QCOMPARE(w.jobsView()->model()->rowCount(), 1);
    QVERIFY(w.jobsView()->detailText().contains(QStringLiteral("no experiment clock")));
}

void TestJobsView::placedJobsShowTheirCharts()
{
    if (!QDir(kWva).exists())
        QSKIP("../shared/examples/wva is absent");
    hpa::app::MainWindow w;
    w.setModalErrors(false);
    w.openExperiment(kWva);
    w.waitForLoad();
    // The WVA metrics.csv has no active_jobs or TTFT column: the jobs chart (Gantt strip) and
    // the latency chart (client-side segments) are shown for the three placed jobs alone.
    QStringList kinds;
    for (const auto *view : w.workspace()->chartStacks().front()->visibleCharts())
        kinds << QString::number(static_cast<int>(view->metricChart()->spec().kind));
    QVERIFY2(kinds.contains(QString::number(static_cast<int>(hpa::ui::ChartKind::Jobs))),
             qPrintable(kinds.join(QLatin1Char(','))));
    QVERIFY2(kinds.contains(QString::number(static_cast<int>(hpa::ui::ChartKind::Latency))),
             qPrintable(kinds.join(QLatin1Char(','))));
}

QTEST_MAIN(TestJobsView)
#include "tst_jobs_view.moc"
