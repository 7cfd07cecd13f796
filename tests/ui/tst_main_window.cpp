#include "app/gui/library_controller.h"
#include "app/gui/main_window.h"
#include "ui/charts/chart_cursor.h"
#include "ui/charts/chart_stack.h"
#include "ui/charts/metric_chart.h"
#include "ui/charts/metric_chart_view.h"
#include "ui/charts/time_window.h"
#include "ui/comparison_view.h"
#include "ui/event_browser.h"
#include "ui/experiment_workspace.h"
#include "ui/library_table_model.h"
#include "ui/library_view.h"
#include "ui/library_window.h"
#include "ui/statistics_view.h"

#include <QAbstractItemModel>
#include <QChart>
#include <QDir>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using hpa::app::MainWindow;

namespace {

QString sharedExample(const char *name)
{
    return QDir(QStringLiteral(HPA_SHARED_DIR "/examples")).filePath(QLatin1String(name));
}

QString bundledExample()
{
    const QDir dir(QStringLiteral(HPA_SOURCE_DIR "/resources/examples"));
    const QStringList entries = dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    return entries.isEmpty() ? QString() : dir.filePath(entries.front());
}

QPair<double, double> xRange(hpa::ui::MetricChartView *view)
{
    return qMakePair(view->metricChart()->rangeFrom(), view->metricChart()->rangeTo());
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void opensExperiments_data()
    {
        QTest::addColumn<QString>("dir");
        QTest::addColumn<int>("events");
        QTest::newRow("bundled") << bundledExample() << -1;
        QTest::newRow("high-load (shared)") << sharedExample("high-load-hpa-20251124-155733") << 14;
        QTest::newRow("legacy (shared)") << sharedExample("hpa-experiment-20251120-140312") << 6;
    }
    void opensExperiments()
    {
        QFETCH(QString, dir);
        QFETCH(int, events);
        if (!QFileInfo(dir).isDir())
            QSKIP(qPrintable(
                QStringLiteral("%1 is absent (../shared/examples not available)").arg(dir)));
        MainWindow w;
        w.setModalErrors(false);
        w.resize(1400, 900);
        w.show();
        w.openExperiment(dir);
        w.waitForLoad();
        QVERIFY2(w.lastError().isEmpty(), qPrintable(w.lastError()));
        QVERIFY(w.workspace()->hasExperiment());
        // The run's display name (metadata's experiment_name, else the folder name), as in
        // exports.
        QVERIFY(w.windowTitle().contains(
            QString::fromStdString(w.workspace()->loaded()->experiment->displayName())));
        QVERIFY(w.statisticsView()->hasSummary());
        // The comparison page exists only while comparing; it must not float over the header.
        auto *comparison = w.findChild<hpa::ui::ComparisonView *>();
        QVERIFY(comparison);
        QVERIFY(!comparison->isVisible());
        // Charts that do not fit scroll; they are never squeezed on top of each other.
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTest::qWait(50); // let the layouts settle
        const auto charts = w.workspace()->chartStacks().front()->visibleCharts();
        for (int i = 1; i < charts.size(); ++i) {
            QVERIFY2(charts[i - 1]->geometry().bottom() < charts[i]->geometry().top(),
                     qPrintable(QStringLiteral("chart %1 ends at %2, chart %3 starts at %4")
                                    .arg(i - 1)
                                    .arg(charts[i - 1]->geometry().bottom())
                                    .arg(i)
                                    .arg(charts[i]->geometry().top())));
        }
        // The browser also lists the monitor's start-up reading (greyed, not an event).
        const int monitorStart = w.workspace()->loaded()->experiment->monitorStart ? 1 : 0;
        const int expected =
            (events >= 0 ? events
                         : static_cast<int>(w.workspace()->loaded()->experiment->events.size())) +
            monitorStart;
        QVERIFY(expected > 0);
        QCOMPARE(w.eventBrowser()->view()->model()->rowCount(), expected);
    }

    void zoomOnOneChartMovesEveryChart()
    {
        const QString dir = bundledExample();
        MainWindow w;
        w.setModalErrors(false);
        w.resize(1400, 1000);
        w.show();
        w.openExperiment(dir);
        w.waitForLoad();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto *stack = w.workspace()->chartStacks().front();
        const auto charts = stack->visibleCharts();
        QVERIFY(charts.size() >= 6);
        hpa::ui::TimeWindow *window = w.workspace()->timeWindow();
        const double fullTo = window->to();

        // Rubber-band zoom on the second chart with the mouse.
        auto *view = charts[1];
        const QRectF plot = view->plotRect();
        const QPoint a(int(plot.left() + plot.width() * 0.25), int(plot.center().y()));
        const QPoint b(int(plot.left() + plot.width() * 0.5), int(plot.center().y()));
        QTest::mousePress(view->viewport(), Qt::LeftButton, {}, a);
        QTest::mouseMove(view->viewport(), b);
        QTest::mouseRelease(view->viewport(), Qt::LeftButton, {}, b);
        QVERIFY(window->isZoomed());
        QVERIFY(window->to() < fullTo);
        for (auto *chart : charts) {
            const auto [min, max] = xRange(chart);
            QCOMPARE(min, window->from());
            QCOMPARE(max, window->to());
        }
        window->back();
        for (auto *chart : charts)
            QCOMPARE(xRange(chart).second, fullTo);
    }

    void selectingAnEventShowsItOnEveryChart()
    {
        MainWindow w;
        w.setModalErrors(false);
        w.resize(1400, 900);
        w.show();
        w.openExperiment(bundledExample());
        w.waitForLoad();
        hpa::ui::TimeWindow *window = w.workspace()->timeWindow();
        window->zoomTo(0, 60); // the first minute only: later events are out of view
        QTableView *table = w.eventBrowser()->view();
        const int row = table->model()->rowCount() - 1;
        QVERIFY(row > 0);
        table->setCurrentIndex(table->model()->index(row, 0));
        const auto highlight = w.workspace()->cursor()->highlight();
        QVERIFY(highlight.has_value());
        QVERIFY2(window->from() <= *highlight && *highlight <= window->to(),
                 qPrintable(QStringLiteral("%1 not in [%2, %3]")
                                .arg(*highlight)
                                .arg(window->from())
                                .arg(window->to())));
    }

    void notCollectedSeriesSaysSo()
    {
        const QString dir = sharedExample("high-load-hpa-20251124-155733");
        if (!QFileInfo(dir).isDir())
            QSKIP("../shared/examples is absent");
        MainWindow w;
        w.setModalErrors(false);
        w.show();
        w.openExperiment(dir);
        w.waitForLoad();
        int messages = 0;
        for (auto *chart : w.workspace()->chartStacks().front()->visibleCharts()) {
            if (chart->showsNotCollectedMessage()) {
                ++messages;
                QVERIFY(chart->notCollectedMessage().contains(QStringLiteral("not collected")));
            }
        }
        QVERIFY(messages >= 1);
    }

    void parentFolderOpensTheLibrary()
    {
        const QString dir = QStringLiteral(HPA_SHARED_DIR "/examples");
        if (!QFileInfo(dir).isDir())
            QSKIP("../shared/examples is absent");
        QTemporaryDir cache;
        qputenv("XDG_CACHE_HOME", cache.path().toUtf8());
        MainWindow w;
        w.setModalErrors(false);
        w.openExperiment(dir);
        w.waitForLoad();
        QVERIFY2(w.lastError().isEmpty(), qPrintable(w.lastError()));
        // No run is opened: the library lists all four (two WVA runs one level deeper).
        QVERIFY(!w.workspace()->hasExperiment());
        hpa::ui::LibraryWindow *library = w.libraryController()->window();
        QVERIFY(library && library->isVisible());
        QCOMPARE(library->view()->model()->rowCount(), 4);
        // Double-click in the library opens that run in the main window.
        emit library->view()->openRun(
            QString::fromStdString(library->view()->model()->run(0).path));
        w.waitForLoad();
        QVERIFY(w.workspace()->hasExperiment());
        qunsetenv("XDG_CACHE_HOME");
    }

    void comparisonLinksBothRuns_data()
    {
        QTest::addColumn<bool>("sideBySide");
        QTest::newRow("overlay") << false;
        QTest::newRow("side by side") << true;
    }
    void comparisonLinksBothRuns()
    {
        QFETCH(bool, sideBySide);
        const QString b = sharedExample("high-load-hpa-20251124-155733");
        if (!QFileInfo(b).isDir())
            QSKIP("../shared/examples is absent");
        MainWindow w;
        w.setModalErrors(false);
        w.resize(1500, 1000);
        w.show();
        w.openExperiment(bundledExample());
        w.compareWith(b);
        w.waitForLoad();
        auto *workspace = w.workspace();
        QVERIFY(workspace->isComparing());
        workspace->setCompareLayout(sideBySide
                                        ? hpa::ui::ExperimentWorkspace::CompareLayout::SideBySide
                                        : hpa::ui::ExperimentWorkspace::CompareLayout::Overlay);
        QCOMPARE(workspace->sources().size(), 2);
        QCOMPARE(workspace->chartStacks().size(), sideBySide ? 2 : 1);
        QVERIFY(w.windowTitle().contains(QStringLiteral(" vs ")));
        // Events of both runs are in the browser, with the A/B column.
        const auto listed = [](const hpa::core::Experiment &e) {
            return e.events.size() + (e.monitorStart ? 1 : 0); // with the monitor start row
        };
        const int expected = static_cast<int>(listed(*workspace->loaded()->experiment) +
                                              listed(*workspace->comparisonLoaded()->experiment));
        QCOMPARE(w.eventBrowser()->view()->model()->rowCount(), expected);

        hpa::ui::TimeWindow *window = workspace->timeWindow();
        window->zoomTo(60, 240);
        for (auto *stack : workspace->chartStacks()) {
            for (auto *chart : stack->visibleCharts()) {
                const auto [min, max] = xRange(chart);
                QCOMPARE(min, 60.0);
                QCOMPARE(max, 240.0);
            }
        }
        // The cursor set over A's chart shows on every chart of B as well.
        workspace->cursor()->setPosition(120.0);
        QCOMPARE(*workspace->cursor()->position(), 120.0);
        // Selecting one of B's events (source 1) brings it into view on the shared window.
        const auto &bEvents = workspace->comparisonLoaded()->experiment->events;
        QVERIFY(!bEvents.empty());
        workspace->showEvent(1, static_cast<int>(bEvents.size()) - 1);
        const double x = workspace->sources()[1].toX(bEvents.back().time);
        QVERIFY(window->from() <= x && x <= window->to());
    }

    void folderWithoutMetricsShowsError()
    {
        QTemporaryDir empty;
        MainWindow w;
        w.setModalErrors(false);
        w.openExperiment(empty.path());
        w.waitForLoad();
        QVERIFY(!w.workspace()->hasExperiment());
        QVERIFY(w.lastError().contains(QStringLiteral("metrics.csv")));
        QVERIFY(w.lastError().contains(empty.path()));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
