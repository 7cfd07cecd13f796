#include "core/load/experiment_loader.h"
#include "core/load/scaling_event_loader.h"
#include "core/model/metric_keys.h"
#include "core/model/timestamp.h"
#include "event_test_data.h"
#include "ui/event_browser.h"
#include "ui/event_filter_proxy.h"
#include "ui/event_table_model.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QComboBox>
#include <QDir>
#include <QFont>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

#include <cmath>
#include <limits>

using hpa::core::EventKind;
using hpa::ui::ChartSource;
using hpa::ui::EventBrowser;
using hpa::ui::EventFilterProxy;
using hpa::ui::EventTableModel;
using Field = EventTableModel::Field;
using namespace event_test;

class TstEventTableModel : public QObject
{
    Q_OBJECT

private slots:
    void modelPassesTester();
    void singleSourceHasNoRunColumn();
    void displayedValues_data();
    void displayedValues();
    void rolesOfMergedRows();
    void sortsNumericallyWithMissingFirst();
    void examples_data();
    void examples();
    void loadedTextAndFile_data();
    void loadedTextAndFile();
    void valuesTheHpaActedOn_data();
    void valuesTheHpaActedOn();
    void grownRunEqualsReload_data();
    void grownRunEqualsReload();
};

void TstEventTableModel::modelPassesTester()
{
    EventTableModel model;
    EventFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester modelTester(&model,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(&proxy,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSources(twoSources());
    proxy.setKindFilter(EventKind::ScaleUp);
    proxy.setSearchText("b");
    proxy.setSearchText(QString());
    proxy.sort(model.columnOf(Field::Waiting), Qt::DescendingOrder);
    proxy.setKindFilter(std::nullopt);
    model.setSources({twoSources().first()});
    model.setSources({});
    QCOMPARE(model.rowCount(), 0);
}

void TstEventTableModel::singleSourceHasNoRunColumn()
{
    EventTableModel model;
    model.setSources({twoSources().first()});
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.columnCount(), 6);
    QCOMPARE(model.columnOf(Field::Run), -1);
    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("Time"));
    QCOMPARE(model.index(0, model.columnOf(Field::Elapsed)).data().toString(),
             QStringLiteral("00:12"));

    model.setSources(twoSources());
    QCOMPARE(model.columnCount(), 7);
    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("Run"));
}

void TstEventTableModel::displayedValues_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("field");
    QTest::addColumn<QString>("expected");

    const auto add = [](const char *name, int row, Field field, const char *text) {
        QTest::newRow(name) << row << int(field) << QString::fromUtf8(text);
    };
    add("A0 run", 0, Field::Run, "A");
    add("A0 time as written (naive)", 0, Field::Time, "2025-11-24 16:00:12");
    add("A0 elapsed", 0, Field::Elapsed, "00:12");
    add("A0 kind", 0, Field::Kind, "Scale up");
    add("A0 change", 0, Field::Change, "1 → 3");
    // These lines carry no values: the last sample at or before the event, marked ≈.
    add("A0 waiting of the sample before", 0, Field::Waiting, "5 ≈");
    add("A0 kv rounded to 1 decimal", 0, Field::KvCache, "20.3 ≈");
    add("B0 run", 1, Field::Run, "B");
    add("B0 time as written (UTC)", 1, Field::Time, "2025-11-20T14:00:15Z");
    add("B0 elapsed from its own origin", 1, Field::Elapsed, "00:15");
    add("B0 waiting", 1, Field::Waiting, "3 ≈");
    add("B0 kv", 1, Field::KvCache, "60.0 ≈");
    add("A1 kind", 2, Field::Kind, "Replicas changed");
    // At 19 s the nearest sample (20 s, no waiting value) is after the event: the one of
    // 10 s is what the HPA could have seen.
    add("A1 waiting before, not the nearer later one", 2, Field::Waiting, "5 ≈");
    add("A1 kv", 2, Field::KvCache, "20.3 ≈");
    add("A2 kind", 3, Field::Kind, "Scale down");
    add("A2 change", 3, Field::Change, "3 → 2");
    add("A2 elapsed", 3, Field::Elapsed, "00:31");
    add("A2 waiting", 3, Field::Waiting, "7 ≈");
}

void TstEventTableModel::displayedValues()
{
    QFETCH(int, row);
    QFETCH(int, field);
    QFETCH(QString, expected);
    EventTableModel model;
    model.setSources(twoSources());
    const int column = model.columnOf(static_cast<Field>(field));
    QVERIFY(column >= 0);
    QCOMPARE(model.index(row, column).data().toString(), expected);
}

void TstEventTableModel::rolesOfMergedRows()
{
    EventTableModel model;
    model.setSources(twoSources());
    QCOMPARE(model.rowCount(), 4);
    // (source, event, x) in x order: A0 at 12, B0 at 15, A1 at 19, A2 at 31.
    const int sources[] = {0, 1, 0, 0};
    const int events[] = {0, 0, 1, 2};
    const double xs[] = {12, 15, 19, 31};
    for (int r = 0; r < 4; ++r) {
        const QModelIndex index = model.index(r, 2);
        QCOMPARE(index.data(EventTableModel::SourceIndexRole).toInt(), sources[r]);
        QCOMPARE(index.data(EventTableModel::EventIndexRole).toInt(), events[r]);
        QCOMPARE(index.data(EventTableModel::XRole).toDouble(), xs[r]);
        QCOMPARE(model.rowOf(sources[r], events[r]), r);
    }
    QCOMPARE(model.index(3, 0).data(EventTableModel::KindRole).toInt(), int(EventKind::ScaleDown));
    QCOMPARE(model.index(1, 0).data(EventTableModel::TextRole).toString(),
             QStringLiteral("SCALE UP TRIGGERED: 2 -> 4"));
    const QColor up =
        model.index(0, model.columnOf(Field::Kind)).data(Qt::DecorationRole).value<QColor>();
    const QColor down =
        model.index(3, model.columnOf(Field::Kind)).data(Qt::DecorationRole).value<QColor>();
    QVERIFY(up.isValid());
    QVERIFY(up.green() > up.red());
    QVERIFY(down.red() > down.blue());
    QCOMPARE(model.rowOf(1, 5), -1);
}

void TstEventTableModel::sortsNumericallyWithMissingFirst()
{
    EventTableModel model;
    model.setSources(twoSources());
    EventFilterProxy proxy;
    proxy.setSourceModel(&model);
    const int waiting = model.columnOf(Field::Waiting);
    proxy.sort(waiting, Qt::AscendingOrder);
    QStringList order;
    for (int r = 0; r < proxy.rowCount(); ++r)
        order << proxy.index(r, waiting).data().toString();
    // Every event here has a sample before it (the sample-before rule); numeric order.
    QCOMPARE(order, (QStringList{"3 ≈", "5 ≈", "5 ≈", "7 ≈"}));
}

void TstEventTableModel::examples_data()
{
    QTest::addColumn<QString>("folder");
    QTest::addColumn<int>("events");
    QTest::addColumn<int>("scaleUps");
    QTest::addColumn<int>("row");
    QTest::addColumn<QStringList>("cells"); // Time, Elapsed, Kind, From → To, Waiting, KV %
    // Newer layout: the initial "0 -> 1" is the monitor's first look, not an event: 14 remain.
    // 16:02:07: the log line says what the HPA acted on, "(waiting: 355, cache: 0.997)" (the
    // sample nearest to it read 197).
    QTest::newRow("high-load")
        << examplePath("high-load-hpa-20251124-155733") << 14 << 4 << 0
        << QStringList{"2025-11-24 16:02:07", "04:29", "Scale up", "5 → 9", "355", "99.7"};
    // Older layout: desired 1 -> 2 at 14:05:42, a sample at the same second (550 milli).
    QTest::newRow("legacy")
        << examplePath("hpa-experiment-20251120-140312") << 6 << 2 << 0
        << QStringList{"2025-11-20T14:05:42Z", "02:30", "Scale up", "1 → 2", "0", "55.0"};
}

void TstEventTableModel::examples()
{
    QFETCH(QString, folder);
    QFETCH(int, events);
    QFETCH(int, scaleUps);
    QFETCH(int, row);
    QFETCH(QStringList, cells);
    if (!QDir(folder).exists())
        QSKIP(qPrintable(QStringLiteral("example folder %1 is absent").arg(folder)));
    auto experiment = std::make_shared<const hpa::core::Experiment>(
        hpa::core::ExperimentLoader::load(folder.toStdString()));
    EventTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSources({sourceOf(experiment, experiment->metrics.time().front())});
    // One more row for the monitor's start-up reading, listed apart from the events.
    QCOMPARE(model.rowCount(), events + (experiment->monitorStart ? 1 : 0));
    // The monitor start comes first (it is the earliest line): the events follow it.
    const int shift = experiment->monitorStart ? 1 : 0;
    QStringList got;
    for (int c = 0; c < model.columnCount(); ++c)
        got << model.index(row + shift, c).data().toString();
    QCOMPARE(got, cells);

    EventFilterProxy proxy;
    proxy.setSourceModel(&model);
    proxy.setKindFilter(EventKind::ScaleUp);
    QCOMPARE(proxy.rowCount(), scaleUps);
}

void TstEventTableModel::loadedTextAndFile_data()
{
    QTest::addColumn<bool>("keepText");
    QTest::newRow("text kept") << true;
    QTest::newRow("text not kept") << false;
}

void TstEventTableModel::loadedTextAndFile()
{
    QFETCH(bool, keepText);
    // Both logs of one folder: scaling.log blocks and scaling-events.log lines, merged.
    auto experiment = std::make_shared<hpa::core::Experiment>();
    hpa::core::ScalingEventLoader::Result events =
        hpa::core::ScalingEventLoader::load(HPA_TEST_DATA_DIR "/event_texts/both-logs", keepText);
    experiment->events = std::move(events.events);
    experiment->eventTexts = std::move(events.eventTexts);
    const double origin = parseTime("2025-11-20T14:00:00Z");
    EventTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSources({sourceOf(experiment, origin)});
    QCOMPARE(model.rowCount(), 6);

    // Rows 2 and 3 share 14:05:42: the scaling.log block (read first), then the log line.
    QCOMPARE(model.index(2, 0).data(Qt::ToolTipRole).toString(), QStringLiteral("scaling.log:5"));
    QCOMPARE(model.index(3, 0).data(Qt::ToolTipRole).toString(),
             QStringLiteral("scaling-events.log:2"));
    QCOMPARE(model.index(0, 0).data(Qt::ToolTipRole).toString(),
             QStringLiteral("scaling-events.log:4"));
    const QString block = model.index(2, 0).data(EventTableModel::TextRole).toString();
    const QString line = model.index(3, 0).data(EventTableModel::TextRole).toString();
    EventFilterProxy proxy;
    proxy.setSourceModel(&model);
    proxy.setSearchText(QStringLiteral("Active jobs"));
    if (keepText) {
        QVERIFY(block.startsWith(QStringLiteral("========================================\n"
                                                "SCALING EVENT at 2025-11-20T14:05:42Z\n")));
        QVERIFY(block.endsWith(QStringLiteral("hpa/x       New size: 2")));
        QCOMPARE(block.count(QLatin1Char('\n')), 12); // lines 4..16
        QCOMPARE(line, QStringLiteral("[2025-11-20 14:05:42] REPLICAS CHANGED: 1 -> 2"));
        QCOMPARE(proxy.rowCount(), 2); // only the blocks say it
    } else {
        QCOMPARE(block, QString());
        QCOMPARE(line, QString());
        QCOMPARE(proxy.rowCount(), 0);
    }
}

/// Every cell of every role the views read, row by row.
QStringList cells(const EventTableModel &model)
{
    QStringList out;
    for (int r = 0; r < model.rowCount(); ++r) {
        for (int c = 0; c < model.columnCount(); ++c) {
            const QModelIndex i = model.index(r, c);
            for (int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole),
                             int(EventTableModel::SourceIndexRole)})
                out << model.data(i, role).toString();
        }
    }
    return out;
}

// Issue 17: a followed run's new rows and events extend the table in place (the selection and
// scroll stay); what it then holds is what a reload of the same run holds, or it says it
// cannot (then the browser resets it).
void TstEventTableModel::grownRunEqualsReload_data()
{
    QTest::addColumn<QVector<SampleSpec>>("moreSamples");
    QTest::addColumn<QVector<EventSpec>>("moreEvents");
    QTest::addColumn<bool>("extended");
    QTest::addColumn<int>("inserted");
    // The run so far: samples at 0-20 s, events at 12 s and (after the last sample, no values
    // in its line) 25 s.
    QTest::newRow("rows only: the last event reads the new sample")
        << QVector<SampleSpec>{{24, 7, 55}, {30, 9, 60}} << QVector<EventSpec>{} << true << 0;
    QTest::newRow("rows and events after every row")
        << QVector<SampleSpec>{{30, 9, 60}}
        << QVector<EventSpec>{{31, EventKind::ScaleDown, 3, 2, "SCALE DOWN TRIGGERED: 3 -> 2"},
                              {33, EventKind::ReplicasChanged, 3, 2, "REPLICAS CHANGED: 3 -> 2"}}
        << true << 2;
    QTest::newRow("an event earlier than a row: reset")
        << QVector<SampleSpec>{{30, 9, 60}}
        << QVector<EventSpec>{{5, EventKind::ScaleDown, 3, 2, "SCALE DOWN TRIGGERED: 3 -> 2"}}
        << false << 0;
}

void TstEventTableModel::grownRunEqualsReload()
{
    QFETCH(QVector<SampleSpec>, moreSamples);
    QFETCH(QVector<EventSpec>, moreEvents);
    QFETCH(bool, extended);
    QFETCH(int, inserted);
    const double base = parseTime("2025-12-01T10:00:00Z");
    QVector<SampleSpec> samples{{0, 1, 10}, {5, 2, 20}, {10, 40, 30}, {20, 5, 50}};
    QVector<EventSpec> events{{12, EventKind::ScaleUp, 1, 3, "SCALE UP TRIGGERED: 1 -> 3"},
                              {25, EventKind::ReplicasChanged, 1, 3, "REPLICAS CHANGED: 1 -> 3"}};
    ChartSource before;
    before.experiment = makeExperiment(base, false, samples, events);
    before.origin = base;
    EventTableModel model;
    QAbstractItemModelTester tester(&model);
    model.setSources({before});
    const QStringList was = cells(model);

    ChartSource after = before;
    after.experiment = makeExperiment(base, false, samples + moreSamples, events + moreEvents);
    after.unchangedRows = std::size_t(samples.size());
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    int added = -1;
    QCOMPARE(model.extendSources({after}, &added), extended);
    QCOMPARE(resets.count(), 0);
    if (!extended) {
        QCOMPARE(cells(model), was); // untouched
        return;
    }
    QCOMPARE(added, inserted);
    EventTableModel reloaded;
    reloaded.setSources({after});
    QCOMPARE(cells(model), cells(reloaded));
    // Another run read anew is never taken for a grown one.
    ChartSource other = after;
    other.unchangedRows = 0;
    other.experiment = makeExperiment(base, false, samples + moreSamples, events + moreEvents);
    QVERIFY(!model.extendSources({other}));
}

QTEST_MAIN(TstEventTableModel)
void TstEventTableModel::valuesTheHpaActedOn_data()
{
    QTest::addColumn<int>("line"); // of scaling-events.log
    QTest::addColumn<QString>("waiting");
    QTest::addColumn<QString>("kv");
    QTest::addColumn<bool>("fromLog");
    // The line's own values: `waiting: 355, cache: 0.997` (the nearest sample says 197).
    QTest::newRow("scale up 5->9") << 3 << "355"
                                   << "99.7" << true;
    // `waiting: 0, cache: 0.19` (the nearest sample says 58 / 11.1).
    QTest::newRow("scale down 10->9") << 8 << "0"
                                      << "19.0" << true;
    // `waiting: 60250` is the leaked 60250m, read as the table reads it.
    QTest::newRow("leaked milli") << 10 << "60.25"
                                  << "12.4" << true;
    // REPLICAS CHANGED 1 -> 5 at 16:02:07 has no values: the sample of 16:01:51 before it
    // (355 / 99.7), not the later one of 16:02:12 (197), marked as such.
    QTest::newRow("replicas changed") << 4 << "355 ≈"
                                      << "99.7 ≈" << false;
}

void TstEventTableModel::valuesTheHpaActedOn()
{
    const QString dir = examplePath("high-load-hpa-20251124-155733");
    if (!QDir(dir).exists())
        QSKIP("shared example high-load-hpa-20251124-155733 is not available");
    QFETCH(int, line);
    QFETCH(QString, waiting);
    QFETCH(QString, kv);
    QFETCH(bool, fromLog);
    auto e = std::make_shared<hpa::core::Experiment>(
        hpa::core::ExperimentLoader::load(dir.toStdString()));
    EventTableModel model;
    model.setSources({sourceOf(e, e->metrics.time().front())});
    int row = -1;
    for (int r = 0; r < model.rowCount(); ++r) {
        if (model.index(r, 0).data(Qt::ToolTipRole).toString() ==
            QStringLiteral("scaling-events.log:%1").arg(line))
            row = r;
    }
    QVERIFY(row >= 0);
    const int w = model.columnOf(Field::Waiting);
    const int k = model.columnOf(Field::KvCache);
    QCOMPARE(model.index(row, w).data().toString(), waiting);
    QCOMPARE(model.index(row, k).data().toString(), kv);
    QCOMPARE(model.index(row, w).data(EventTableModel::FromLogRole).toBool(), fromLog);
    QCOMPARE(model.index(row, k).data(EventTableModel::FromLogRole).toBool(), fromLog);
    // A sample's value is in italics as well as marked.
    QCOMPARE(model.index(row, w).data(Qt::FontRole).value<QFont>().italic(), !fromLog);
    QVERIFY(model.headerData(w, Qt::Horizontal, Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("last sample before the event")));
}

#include "tst_event_table_model.moc"
