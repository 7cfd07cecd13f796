// The library window: virtual table model (checked by QAbstractItemModelTester), sort and
// filter, columns remembered, tags saved to the catalog, rows arriving from the background
// scan, and the scatter with its Pareto front, hover, click and export.
#include "../core/library_tree.h"

#include "core/library/run_catalog.h"
#include "core/library/run_columns.h"
#include "ui/app_settings.h"
#include "ui/charts/run_scatter_chart.h"
#include "ui/library_filter_proxy.h"
#include "ui/library_scan_controller.h"
#include "ui/library_scatter_panel.h"
#include "ui/library_table_model.h"
#include "ui/library_view.h"
#include "ui/library_window.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QDateEdit>
#include <QHeaderView>
#include <QImageReader>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <limits>

using namespace hpa::ui;
using hpa::core::RunColumns;
using hpa::core::RunRow;

namespace {

RunRow run(int i, std::optional<double> hours, std::optional<double> theta,
           std::optional<double> start = std::nullopt)
{
    RunRow r;
    r.path = "/lib/run-" + std::to_string(i);
    r.name = "run-" + std::to_string(i);
    r.replicaHours = hours;
    r.thetaUPct = theta;
    r.startSeconds = start;
    return r;
}

QStringList column(const QAbstractItemModel &m, int col)
{
    QStringList out;
    for (int r = 0; r < m.rowCount(); ++r)
        out << m.index(r, col).data().toString();
    return out;
}

} // namespace

class TestLibraryView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        qputenv("XDG_CACHE_HOME", m_cache.path().toUtf8());
    }
    void modelPassesTheTester();
    void unknownIsSaidNotZero();
    void sortKeepsUnknownLastBothWays();
    void filterByTextAndDate();
    void tenThousandRowsSortAndFilter();
    void columnsAreRemembered();
    void scanFillsTheTableAndTagsAreSaved();
    void cancelStopsTheScan();
    void twoSelectedRunsCompare();
    void twoToEightSelectedRunsCompare_data();
    void twoToEightSelectedRunsCompare();
    void dateSpan_data();
    void dateSpan();
    void dateFilterCoversEveryRunByDefault();
    void scatterParetoHoverClick();
    void scatterFollowsTheFilterAndExports();

private:
    QTemporaryDir m_cache;
};

void TestLibraryView::modelPassesTheTester()
{
    LibraryTableModel model;
    LibraryFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester t1(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester t2(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.sort(RunColumns::ReplicaHours);
    model.addRows({run(1, 2.0, 5.0), run(2, std::nullopt, 1.0)});
    model.addRows({run(3, 1.0, std::nullopt), run(1, 4.0, 5.0)}); // run-1 updated in place
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(*model.run(model.rowOf("/lib/run-1")).replicaHours, 4.0);
    proxy.setFilterWords("run-3");
    QCOMPARE(proxy.rowCount(), 1);
    QVERIFY(model.setData(model.index(0, RunColumns::Tags), "fast"));
    model.clear();
    QCOMPARE(proxy.rowCount(), 0);
}

void TestLibraryView::unknownIsSaidNotZero()
{
    LibraryTableModel model;
    model.addRows({run(1, std::nullopt, 12.34)});
    QCOMPARE(model.index(0, RunColumns::ReplicaHours).data().toString(), QString("—"));
    QVERIFY(model.index(0, RunColumns::ReplicaHours)
                .data(Qt::ToolTipRole)
                .toString()
                .contains("Not known"));
    QCOMPARE(model.index(0, RunColumns::ThetaU).data().toString(), QString("12.3"));
    QVERIFY(!model.index(0, RunColumns::ReplicaHours).data(LibraryTableModel::SortRole).isValid());
}

void TestLibraryView::sortKeepsUnknownLastBothWays()
{
    LibraryTableModel model;
    LibraryFilterProxy proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(LibraryTableModel::SortRole);
    model.addRows({run(1, 2.0, 0), run(2, std::nullopt, 0), run(3, 1.0, 0), run(4, 3.0, 0)});
    proxy.sort(RunColumns::ReplicaHours, Qt::AscendingOrder);
    QCOMPARE(column(proxy, RunColumns::Name), (QStringList{"run-3", "run-1", "run-4", "run-2"}));
    proxy.sort(RunColumns::ReplicaHours, Qt::DescendingOrder);
    QCOMPARE(column(proxy, RunColumns::Name), (QStringList{"run-4", "run-1", "run-3", "run-2"}));
}

void TestLibraryView::filterByTextAndDate()
{
    LibraryTableModel model;
    LibraryFilterProxy proxy;
    proxy.setSourceModel(&model);
    // 2025-01-01, 2025-02-01 and no start.
    RunRow tagged = run(3, 1, 1);
    tagged.tags = "baseline";
    model.addRows({run(1, 1, 1, 1735689600), run(2, 1, 1, 1738368000), tagged});
    proxy.setFilterWords("BASELINE");
    QCOMPARE(column(proxy, RunColumns::Name), QStringList{"run-3"});
    proxy.setFilterWords("");
    proxy.setDateRange(1738000000, std::nullopt);
    QCOMPARE(column(proxy, RunColumns::Name), QStringList{"run-2"});
    proxy.setDateRange(std::nullopt, 1738000000);
    QCOMPARE(column(proxy, RunColumns::Name), QStringList{"run-1"});
    proxy.setDateRange(std::nullopt, std::nullopt);
    QCOMPARE(proxy.rowCount(), 3);
}

void TestLibraryView::tenThousandRowsSortAndFilter()
{
    LibraryTableModel model;
    LibraryFilterProxy proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(LibraryTableModel::SortRole);
    std::vector<RunRow> rows;
    for (int i = 0; i < 10000; ++i)
        rows.push_back(
            run(i, (i * 7919) % 10007 / 10.0, i % 3 ? std::optional(i % 100 * 1.0) : std::nullopt));
    model.addRows(rows);
    QCOMPARE(model.rowCount(), 10000);
    proxy.sort(RunColumns::ReplicaHours, Qt::AscendingOrder);
    double last = -1;
    for (int r = 0; r < proxy.rowCount(); ++r) {
        const double v =
            proxy.index(r, RunColumns::ReplicaHours).data(LibraryTableModel::SortRole).toDouble();
        QVERIFY(v >= last);
        last = v;
    }
    proxy.setFilterWords("run-99");
    QCOMPARE(proxy.rowCount(), 111); // run-99, run-990..999, run-9900..9999
    // The view shows it without a widget per row.
    QTableView view;
    view.setModel(&proxy);
    view.resize(800, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QCOMPARE(view.findChildren<QWidget *>().size() < 50, true);
}

void TestLibraryView::columnsAreRemembered()
{
    AppSettings settings(AppSettings::Storage::InMemory);
    QTemporaryDir tmp;
    LibraryScanController scanner(tmp.filePath("c.sqlite"));
    {
        LibraryView view(&scanner, &settings);
        QVERIFY(!view.table()->isColumnHidden(RunColumns::ThetaU));
        QVERIFY(view.table()->isColumnHidden(RunColumns::Path));
        view.table()->setColumnHidden(RunColumns::ThetaU, true);
        view.table()->setColumnHidden(RunColumns::Path, false);
        view.table()->setColumnWidth(RunColumns::Samples, 77);
        view.saveState();
    }
    LibraryView again(&scanner, &settings);
    QVERIFY(again.table()->isColumnHidden(RunColumns::ThetaU));
    QVERIFY(!again.table()->isColumnHidden(RunColumns::Path));
    QCOMPARE(again.table()->columnWidth(RunColumns::Samples), 77);
}

void TestLibraryView::scanFillsTheTableAndTagsAreSaved()
{
    QTemporaryDir tmp;
    const auto paths = hpa::test::writeDemoTree(tmp.filePath("runs").toStdString(), 5);
    const QString catalog = tmp.filePath("cache/c.sqlite");
    AppSettings settings(AppSettings::Storage::InMemory);
    {
        LibraryWindow window(&settings, catalog);
        QSignalSpy batches(window.scanner(), &LibraryScanController::rowsReady);
        QSignalSpy finished(window.scanner(), &LibraryScanController::finished);
        window.openRoot(tmp.filePath("runs"));
        QVERIFY(finished.wait(60000));
        QVERIFY(batches.count() >= 1);
        LibraryTableModel *model = window.view()->model();
        QCOMPARE(model->rowCount(), 5);
        QCOMPARE(finished.front().at(3).toInt(), 5); // all read
        const int row = model->rowOf(QString::fromStdString(paths[1]));
        QVERIFY(model->setData(model->index(row, RunColumns::Tags), "winner"));
        QVERIFY(model->setData(model->index(row, RunColumns::Notes), "kv 70%"));
    }
    // A new window on the same catalog: rows from the catalog, tags there.
    LibraryWindow window(&settings, catalog);
    QSignalSpy finished(window.scanner(), &LibraryScanController::finished);
    window.openRoot(tmp.filePath("runs"));
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.front().at(2).toInt(), 5); // from the catalog
    LibraryTableModel *model = window.view()->model();
    const int row = model->rowOf(QString::fromStdString(paths[1]));
    QCOMPARE(model->index(row, RunColumns::Tags).data().toString(), QString("winner"));
    QCOMPARE(model->index(row, RunColumns::Notes).data().toString(), QString("kv 70%"));
    window.view()->filterEdit()->setText("winner");
    QCOMPARE(window.view()->proxy()->rowCount(), 1);
}

void TestLibraryView::cancelStopsTheScan()
{
    QTemporaryDir tmp;
    hpa::test::writeDemoTree(tmp.filePath("runs").toStdString(), 12, 400);
    LibraryScanController scanner(tmp.filePath("c.sqlite"));
    QSignalSpy finished(&scanner, &LibraryScanController::finished);
    scanner.scan(tmp.filePath("runs"));
    scanner.cancel();
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.front().at(0).toBool(), true);
    QVERIFY(!scanner.isRunning());
}

void TestLibraryView::twoSelectedRunsCompare()
{
    AppSettings settings(AppSettings::Storage::InMemory);
    QTemporaryDir tmp;
    LibraryScanController scanner(tmp.filePath("c.sqlite"));
    LibraryView view(&scanner, &settings);
    view.model()->addRows({run(1, 1, 1), run(2, 2, 2), run(3, 3, 3)});
    QSignalSpy compare(&view, &LibraryView::compareRuns);
    QVERIFY(!view.compareButton()->isEnabled());
    view.table()->selectRow(0);
    view.table()->selectionModel()->select(view.proxy()->index(2, 0),
                                           QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QVERIFY(view.compareButton()->isEnabled());
    view.compareButton()->click();
    QCOMPARE(compare.count(), 1);
    QCOMPARE(compare.front().at(0).toStringList().value(0),
             view.proxy()->index(0, 0).data(LibraryTableModel::PathRole).toString());
}

void TestLibraryView::twoToEightSelectedRunsCompare_data()
{
    QTest::addColumn<int>("selected");
    QTest::addColumn<bool>("enabled");
    QTest::addColumn<QString>("text");
    QTest::newRow("1") << 1 << false << "Compare";
    QTest::newRow("2") << 2 << true << "Compare";
    QTest::newRow("3") << 3 << true << "Compare 3 Runs";
    QTest::newRow("8") << 8 << true << "Compare 8 Runs";
    QTest::newRow("9: one colour per run, eight colours") << 9 << false << "Compare";
}

void TestLibraryView::twoToEightSelectedRunsCompare()
{
    QFETCH(int, selected);
    QFETCH(bool, enabled);
    QFETCH(QString, text);
    AppSettings settings(AppSettings::Storage::InMemory);
    QTemporaryDir tmp;
    LibraryScanController scanner(tmp.filePath("c.sqlite"));
    LibraryView view(&scanner, &settings);
    std::vector<RunRow> rows;
    for (int i = 0; i < 10; ++i)
        rows.push_back(run(i, i, i));
    view.model()->addRows(rows);
    QSignalSpy compare(&view, &LibraryView::compareRuns);
    for (int r = 0; r < selected; ++r)
        view.table()->selectionModel()->select(
            view.proxy()->index(r, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QCOMPARE(view.compareButton()->isEnabled(), enabled);
    QCOMPARE(view.compareButton()->text(), text);
    view.compareButton()->click();
    QCOMPARE(compare.count(), enabled ? 1 : 0);
    if (enabled)
        QCOMPARE(compare.front().at(0).toStringList(), view.selectedPaths());
}

void TestLibraryView::dateSpan_data()
{
    QTest::addColumn<QList<double>>("starts"); // NaN: no start
    QTest::addColumn<QDate>("first");
    QTest::addColumn<QDate>("last");
    const double none = std::numeric_limits<double>::quiet_NaN();
    // 1735689600 = 2025-01-01T00:00:00Z, 1738368000 = 2025-02-01T00:00:00Z.
    QTest::newRow("none") << QList<double>{} << QDate() << QDate();
    QTest::newRow("no start known") << QList<double>{none} << QDate() << QDate();
    QTest::newRow("one day") << QList<double>{1735689600 + 3600} << QDate(2025, 1, 1)
                             << QDate(2025, 1, 1);
    QTest::newRow("two days, unsorted, one unknown")
        << QList<double>{1738368000 + 86399, none, 1735689600} << QDate(2025, 1, 1)
        << QDate(2025, 2, 1);
}

void TestLibraryView::dateSpan()
{
    QFETCH(QList<double>, starts);
    QFETCH(QDate, first);
    QFETCH(QDate, last);
    LibraryTableModel model;
    std::vector<RunRow> rows;
    for (int i = 0; i < starts.size(); ++i)
        rows.push_back(
            run(i, 1, 1, std::isnan(starts[i]) ? std::nullopt : std::optional(starts[i])));
    model.addRows(rows);
    const auto span = LibraryView::startDateSpan(model);
    QCOMPARE(span.has_value(), first.isValid());
    if (span) {
        QCOMPARE(span->first, first);
        QCOMPARE(span->second, last);
    }
}

void TestLibraryView::dateFilterCoversEveryRunByDefault()
{
    AppSettings settings(AppSettings::Storage::InMemory);
    QTemporaryDir tmp;
    LibraryScanController scanner(tmp.filePath("c.sqlite"));
    LibraryView view(&scanner, &settings);
    // Runs of two days long ago: ticking From and To must keep both (it hid every run of a
    // day other than today).
    view.model()->addRows({run(1, 1, 1, 1735689600), run(2, 1, 1, 1738368000 + 7200)});
    view.fromCheck()->setChecked(true);
    view.toCheck()->setChecked(true);
    QCOMPARE(view.fromDate()->date(), QDate(2025, 1, 1));
    QCOMPARE(view.toDate()->date(), QDate(2025, 2, 1));
    QCOMPARE(view.proxy()->rowCount(), 2);
    // A run arriving later widens the span...
    view.model()->addRows({run(3, 1, 1, 1740787200)}); // 2025-03-01
    QCOMPARE(view.toDate()->date(), QDate(2025, 3, 1));
    QCOMPARE(view.proxy()->rowCount(), 3);
    // ...until the user picks a day, which then stays.
    view.fromDate()->setDate(QDate(2025, 1, 15));
    QCOMPARE(view.proxy()->rowCount(), 2);
    view.model()->addRows({run(4, 1, 1, 1735689600 - 86400)}); // 2024-12-31
    QCOMPARE(view.fromDate()->date(), QDate(2025, 1, 15));
    QCOMPARE(view.proxy()->rowCount(), 2);
}

void TestLibraryView::scatterParetoHoverClick()
{
    RunScatterChart chart;
    chart.resize(800, 500);
    // Cost vs θU: runs 0, 1 and 3 trade off; 2 is beaten by 1.
    chart.setData({{1, 9, "a", "/a"}, {2, 5, "b", "/b"}, {3, 6, "c", "/c"}, {4, 1, "d", "/d"}},
                  "Replica-hours (h)", "θU (%)", true, true, 2);
    QCOMPARE(chart.front(), (QVector<int>{0, 1, 3}));
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    const QPointF p = chart.position(2);
    QCOMPARE(chart.pointAt(p + QPointF(3, 2)), 2);
    QCOMPARE(chart.pointAt(QPointF(2, 2)), -1);
    QSignalSpy hovered(&chart, &RunScatterChart::runHovered);
    QSignalSpy clicked(&chart, &RunScatterChart::runClicked);
    QTest::mouseMove(&chart, p.toPoint());
    QTRY_COMPARE(hovered.count(), 1);
    QCOMPARE(hovered.front().at(0).toString(), QString("c"));
    QTest::mouseClick(&chart, Qt::LeftButton, {}, p.toPoint());
    QCOMPARE(clicked.count(), 1);
    QCOMPARE(clicked.front().at(0).toString(), QString("/c"));
}

void TestLibraryView::scatterFollowsTheFilterAndExports()
{
    AppSettings settings(AppSettings::Storage::InMemory);
    LibraryTableModel model;
    LibraryFilterProxy proxy;
    proxy.setSourceModel(&model);
    LibraryScatterPanel panel(&proxy, &settings);
    model.addRows({run(1, 1, 9), run(2, 2, 5), run(3, std::nullopt, 3), run(4, 4, 1)});
    panel.refresh();
    QCOMPARE(panel.chart()->points().size(), 3); // run-3 has no replica-hours: not placed at 0
    proxy.setFilterWords("run-4");
    panel.refresh();
    QCOMPARE(panel.chart()->points().size(), 1);
    QVERIFY(panel.setAxes("replicas_mean", "slo_ttft_attainment_pct"));
    QCOMPARE(settings.libraryScatterAxes().size(), 0); // set from code: not the user's choice
    proxy.setFilterWords("");
    QVERIFY(panel.setAxes("replica_hours", "theta_u_pct"));
    QTemporaryDir tmp;
    QString error;
    for (const char *suffix : {"png", "svg", "pdf"}) {
        const QString path = tmp.filePath(QString("s.") + suffix);
        QVERIFY2(panel.chart()->exportTo(path, QSize(1200, 800), &error), qPrintable(error));
        QVERIFY(QFileInfo(path).size() > 500);
    }
    QCOMPARE(QImageReader(tmp.filePath("s.png")).size(), QSize(1200, 800));
    QVERIFY(!panel.chart()->exportTo(tmp.filePath("s.bmp"), QSize(100, 100), &error));
    QVERIFY(error.contains("png"));
}

QTEST_MAIN(TestLibraryView)
#include "tst_library_view.moc"
