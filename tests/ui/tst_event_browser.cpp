// The events dock: its filter proxy (kind and text) and the browser widget around the table
// (counts, selection both ways, empty state, the monitor's first reading).

#include "core/load/experiment_loader.h"
#include "event_test_data.h"
#include "ui/event_browser.h"
#include "ui/event_filter_proxy.h"
#include "ui/event_table_model.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using hpa::core::EventKind;
using hpa::ui::ChartSource;
using hpa::ui::EventBrowser;
using hpa::ui::EventFilterProxy;
using hpa::ui::EventTableModel;
using Field = EventTableModel::Field;
using namespace event_test;

class TstEventBrowser : public QObject
{
    Q_OBJECT

private slots:
    void filterByKind_data();
    void filterByKind();
    void filterByText_data();
    void filterByText();
    void browserCountsAndFilters();
    void browserSelectEventClearsFilters();
    void browserEmitsOnUserSelection();
    void browserEmptyState();
    void monitorStartListedApart();
};

void TstEventBrowser::filterByKind_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("rows");
    QTest::newRow("all") << -1 << 4;
    QTest::newRow("scale up") << int(EventKind::ScaleUp) << 2;
    QTest::newRow("scale down") << int(EventKind::ScaleDown) << 1;
    QTest::newRow("replicas changed") << int(EventKind::ReplicasChanged) << 1;
}

void TstEventBrowser::filterByKind()
{
    QFETCH(int, kind);
    QFETCH(int, rows);
    EventTableModel model;
    model.setSources(twoSources());
    EventFilterProxy proxy;
    proxy.setSourceModel(&model);
    proxy.setKindFilter(kind < 0 ? std::nullopt : std::optional(static_cast<EventKind>(kind)));
    QCOMPARE(proxy.rowCount(), rows);
    for (int r = 0; r < proxy.rowCount(); ++r) {
        if (kind >= 0)
            QCOMPARE(proxy.index(r, 0).data(EventTableModel::KindRole).toInt(), kind);
    }
}

void TstEventBrowser::filterByText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QList<int>>("xs");
    QTest::newRow("only in the full text, any case") << "triggered" << QList<int>{12, 15, 31};
    QTest::newRow("kind column") << "SCALE DOWN" << QList<int>{31};
    QTest::newRow("time column") << "16:00:19" << QList<int>{19};
    QTest::newRow("change column") << "2 → 4" << QList<int>{15};
    QTest::newRow("sample mark") << "≈" << QList<int>{12, 15, 19, 31};
    QTest::newRow("nothing") << "zzz" << QList<int>{};
}

void TstEventBrowser::filterByText()
{
    QFETCH(QString, text);
    QFETCH(QList<int>, xs);
    EventTableModel model;
    model.setSources(twoSources());
    EventFilterProxy proxy;
    proxy.setSourceModel(&model);
    proxy.setSearchText(text);
    QList<int> got;
    for (int r = 0; r < proxy.rowCount(); ++r)
        got << int(proxy.index(r, 0).data(EventTableModel::XRole).toDouble());
    QCOMPARE(got, xs);
    QVERIFY(proxy.isFiltering());
}

void TstEventBrowser::browserCountsAndFilters()
{
    EventBrowser browser;
    browser.setSources(twoSources());
    QCOMPARE(browser.countLabel()->text(), QStringLiteral("4 events"));
    browser.kindCombo()->setCurrentIndex(browser.kindCombo()->findText("Scale up"));
    QCOMPARE(browser.view()->model()->rowCount(), 2);
    QCOMPARE(browser.countLabel()->text(), QStringLiteral("4 events, 2 shown"));
    browser.searchEdit()->setText("2 -> 4");
    QCOMPARE(browser.view()->model()->rowCount(), 1);
    QCOMPARE(browser.countLabel()->text(), QStringLiteral("4 events, 1 shown"));
}

void TstEventBrowser::browserSelectEventClearsFilters()
{
    EventBrowser browser;
    browser.resize(500, 500);
    browser.show();
    QVERIFY(QTest::qWaitForWindowExposed(&browser));
    browser.setSources(twoSources());
    QSignalSpy spy(&browser, &EventBrowser::eventSelected);
    browser.kindCombo()->setCurrentIndex(browser.kindCombo()->findText("Scale up"));
    browser.searchEdit()->setText("triggered");

    browser.selectEvent(0, 2); // scale down: hidden by the kind filter
    QCOMPARE(browser.kindCombo()->currentIndex(), 0);
    QVERIFY(browser.searchEdit()->text().isEmpty());
    const QModelIndex current = browser.view()->currentIndex();
    QCOMPARE(current.data(EventTableModel::SourceIndexRole).toInt(), 0);
    QCOMPARE(current.data(EventTableModel::EventIndexRole).toInt(), 2);
    QVERIFY(browser.view()->selectionModel()->isRowSelected(current.row(), {}));
    QVERIFY(browser.detailsPane()->toPlainText().contains("SCALE DOWN TRIGGERED: 3 -> 2"));
    QCOMPARE(spy.count(), 0);

    browser.selectEvent(1, 0); // visible: filters stay as they are
    QCOMPARE(browser.view()->currentIndex().data(EventTableModel::SourceIndexRole).toInt(), 1);
    QVERIFY(browser.detailsPane()->toPlainText().contains("Run B"));
    QCOMPARE(spy.count(), 0);
}

void TstEventBrowser::browserEmitsOnUserSelection()
{
    EventBrowser browser;
    browser.resize(600, 500);
    browser.show();
    QVERIFY(QTest::qWaitForWindowExposed(&browser));
    browser.setSources(twoSources());
    QSignalSpy spy(&browser, &EventBrowser::eventSelected);

    QTableView *view = browser.view();
    // Comparing, the clock-time column is hidden (two runs' clocks do not line up; Elapsed
    // does): Run, Time (hidden), Elapsed, ...
    QVERIFY(view->isColumnHidden(1));
    QVERIFY(!view->isColumnHidden(2));
    const QRect rect = view->visualRect(view->model()->index(1, 2));
    QVERIFY(rect.isValid());
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toInt(), 1);
    QCOMPARE(spy.at(0).at(1).toInt(), 0);
    QCOMPARE(spy.at(0).at(2).toDouble(), 15.0);

    view->setFocus();
    QTest::keyClick(view, Qt::Key_Down);
    QCOMPARE(spy.count(), 2);
    QCOMPARE(spy.at(1).at(0).toInt(), 0);
    QCOMPARE(spy.at(1).at(1).toInt(), 1);
    QCOMPARE(spy.at(1).at(2).toDouble(), 19.0);
    QVERIFY(browser.detailsPane()->toPlainText().contains("REPLICAS CHANGED: 1 -> 3"));

    // Round trip: what the browser emitted, fed back, selects the same row without echo.
    browser.selectEvent(spy.at(0).at(0).toInt(), spy.at(0).at(1).toInt());
    QCOMPARE(view->currentIndex().row(), 1);
    QCOMPARE(spy.count(), 2);
}

void TstEventBrowser::browserEmptyState()
{
    EventBrowser browser;
    browser.resize(400, 400);
    browser.show();
    QVERIFY(QTest::qWaitForWindowExposed(&browser));
    const double t0 = parseTime("2025-11-24 16:00:00");
    browser.setSources({sourceOf(makeExperiment(t0, true, {{0, 1, 1}}, {}), t0)});
    QLabel *empty = nullptr;
    for (QLabel *label : browser.findChildren<QLabel *>()) {
        if (label->text() == QStringLiteral("No scaling events in this experiment"))
            empty = label;
    }
    QVERIFY(empty);
    QVERIFY(empty->isVisible());
    QVERIFY(!browser.view()->isVisible());

    browser.setSources(twoSources());
    QVERIFY(!empty->isVisible());
    QVERIFY(browser.view()->isVisible());
}

void TstEventBrowser::monitorStartListedApart()
{
    const QString dir = examplePath("high-load-hpa-20251124-155733");
    if (!QDir(dir).exists())
        QSKIP("shared example high-load-hpa-20251124-155733 is not available");
    auto e = std::make_shared<hpa::core::Experiment>(
        hpa::core::ExperimentLoader::load(dir.toStdString()));
    // 15 event lines in the log; the first, `REPLICAS CHANGED: 0 -> 1`, is the monitor's
    // first look: not one of the 14 events any count uses.
    QCOMPARE(e->events.size(), std::size_t(14));
    QVERIFY(e->monitorStart);
    EventBrowser browser;
    QAbstractItemModelTester tester(browser.model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    browser.setSources({sourceOf(e, e->metrics.time().front())});
    const EventTableModel *model = browser.model();
    QCOMPARE(model->rowCount(), 15);
    const int kind = model->columnOf(Field::Kind);
    QCOMPARE(model->index(0, kind).data().toString(), QStringLiteral("Monitor start"));
    QVERIFY(model->index(0, 0).data(EventTableModel::MonitorStartRole).toBool());
    QCOMPARE(model->index(0, 0).data(EventTableModel::EventIndexRole).toInt(), -1);
    QCOMPARE(model->index(0, kind).data(Qt::ForegroundRole).value<QColor>(), QColor(Qt::gray));
    QCOMPARE(model->index(0, 0).data(Qt::ToolTipRole).toString(),
             QStringLiteral("scaling-events.log:2"));
    QVERIFY(!model->index(1, 0).data(EventTableModel::MonitorStartRole).toBool());
    QCOMPARE(browser.countLabel()->text(), QStringLiteral("15 events (1 monitor start)"));
    // Picking it shows its line but moves no chart: it has no marker.
    QSignalSpy picked(&browser, &EventBrowser::eventSelected);
    browser.view()->setCurrentIndex(browser.proxy()->mapFromSource(model->index(0, 0)));
    QCOMPARE(picked.count(), 0);
    QVERIFY(
        browser.detailsPane()->toPlainText().contains(QStringLiteral("REPLICAS CHANGED: 0 -> 1")));
}

QTEST_MAIN(TstEventBrowser)
#include "tst_event_browser.moc"
