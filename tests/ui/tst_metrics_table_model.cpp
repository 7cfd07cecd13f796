#include "core/load/experiment_loader.h"
#include "core/model/metric_keys.h"
#include "core/model/timestamp.h"
#include "ui/data_view.h"
#include "ui/metrics_table_model.h"
#include "ui/warnings_dialog.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTest>

#include <limits>

using hpa::ui::MetricsTableModel;
namespace keys = hpa::core::keys;

namespace {

constexpr double NaN = std::numeric_limits<double>::quiet_NaN();

/// Four samples, 5 s apart from 16:00:00 (naive). Line 4 lost its waiting value; the warning
/// the parser would have written for it is in `warnings`.
std::shared_ptr<const hpa::core::Experiment> handMade()
{
    auto e = std::make_shared<hpa::core::Experiment>();
    hpa::core::MetricsTable &m = e->metrics;
    m.setNaiveTime(true);
    m.addColumn("replicas", std::string(keys::Replicas));
    m.addColumn("num_requests_waiting", std::string(keys::Waiting));
    m.addColumn("num_requests_waiting_target", std::string(keys::WaitingTarget));
    m.addColumn("gpu_util", "gpu_util");
    m.addColumn("kv_cache_pct", std::string(keys::KvCachePct));
    m.addColumn("kv_cache_target_pct", std::string(keys::KvCacheTargetPct));
    const double t0 = hpa::core::Timestamp::parse("2025-11-24 16:00:00")->seconds;
    m.appendRow(t0, 2, {1, 0, 2, 0.25, 10, 50});
    m.appendRow(t0 + 5, 3, {1, 3, 2, 0.5, 60, 50});
    m.appendRow(t0 + 10.5, 4, {2, NaN, 2, 0.75, 40, 50});
    m.appendRow(t0 + 15, 6, {2, 1.5, 2, NaN, 55.5, 50});
    e->warnings = {
        {"metrics.csv", 4, "empty value in column 'num_requests_waiting'; kept as missing"},
        {"metrics.csv", 4, "'x' in column 'other' is not a number; kept as missing"},
        {"metrics.csv", 5, "row has 3 fields but the header has 6; row skipped"},
        {"scaling.log", 6, "unrelated warning in another file"},
    };
    return e;
}

/// The first `rows` rows of `e` (a followed run as it was earlier), with the same warnings.
std::shared_ptr<const hpa::core::Experiment> firstRows(const hpa::core::Experiment &e,
                                                       std::size_t rows)
{
    auto out = std::make_shared<hpa::core::Experiment>(e);
    hpa::core::MetricsTable &m = out->metrics;
    std::vector<int> lines = m.sourceLineList();
    lines.resize(rows);
    m.time().resize(rows);
    for (hpa::core::MetricColumn &c : m.columns())
        c.values.resize(rows);
    m.setSourceLines(lines);
    return out;
}

double origin()
{
    return hpa::core::Timestamp::parse("2025-11-24 16:00:00")->seconds;
}

QString legacyPath()
{
    return QStringLiteral(HPA_SHARED_DIR "/examples/hpa-experiment-20251120-140312");
}

} // namespace

class TstMetricsTableModel : public QObject
{
    Q_OBJECT

private slots:
    void modelAndProxyPassTester();
    void headers();
    void cells_data();
    void cells();
    void missingCellIsMarkedWithItsWarning();
    void missingCellWithoutOwnWarningShowsTheLine();
    void exceededCellsAreTinted();
    void sortRoleIsNumeric();
    void legacyExample();
    void notCollectedCellsAreEmpty();
    void millionRowsAreInstant();
    void dataViewCountsRows();
    void appendedRowsEqualAFreshModel_data();
    void appendedRowsEqualAFreshModel();
    void warningsDialogFiltersAndCopies();
};

void TstMetricsTableModel::modelAndProxyPassTester()
{
    MetricsTableModel model;
    QSortFilterProxyModel proxy;
    proxy.setSortRole(MetricsTableModel::SortRole);
    proxy.setSourceModel(&model);
    QAbstractItemModelTester modelTester(&model,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(&proxy,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setExperiment(handMade(), origin());
    proxy.sort(3, Qt::DescendingOrder);
    proxy.sort(model.firstFlagColumn(), Qt::AscendingOrder);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), 0);
}

void TstMetricsTableModel::headers()
{
    MetricsTableModel model;
    model.setExperiment(handMade(), origin());
    // Time, Elapsed, six metric columns, three flags.
    QCOMPARE(model.columnCount(), 11);
    QStringList got;
    for (int c = 0; c < model.columnCount(); ++c)
        got << model.headerData(c, Qt::Horizontal).toString();
    QCOMPARE(got, (QStringList{"Time", "Elapsed (s)", "Replicas", "Waiting requests",
                               "Waiting requests target", "gpu_util", "KV cache usage (%)",
                               "KV cache target (%)", "Waiting > target", "KV cache > target",
                               "Any exceeded"}));
    QCOMPARE(model.columnOfKey(keys::Waiting), 3);
    QCOMPARE(model.columnOfKey("gpu_util"), 5);
    QCOMPARE(model.columnOfKey(keys::TtftMs), -1);
    QCOMPARE(model.firstFlagColumn(), 8);
    QVERIFY(model.headerData(5, Qt::Horizontal, Qt::ToolTipRole).toString().contains("gpu_util"));
}

void TstMetricsTableModel::cells_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("expected");
    QTest::newRow("time as written") << 1 << 0 << "2025-11-24 16:00:05";
    QTest::newRow("elapsed") << 1 << 1 << "5";
    QTest::newRow("fractional elapsed") << 2 << 1 << "10.5";
    QTest::newRow("replicas") << 2 << 2 << "2";
    QTest::newRow("decimal waiting") << 3 << 3 << "1.5";
    QTest::newRow("extra column") << 0 << 5 << "0.25";
    QTest::newRow("missing waiting") << 2 << 3 << "—";
    QTest::newRow("missing extra") << 3 << 5 << "—";
    QTest::newRow("kv pct") << 3 << 6 << "55.5";
    QTest::newRow("waiting exceeded: 3 > 2") << 1 << 8 << "Yes";
    QTest::newRow("waiting not exceeded: 0") << 0 << 8 << "";
    QTest::newRow("missing waiting never exceeds") << 2 << 8 << "";
    QTest::newRow("kv exceeded: 60 > 50") << 1 << 9 << "Yes";
    QTest::newRow("kv exceeded: 55.5 > 50") << 3 << 9 << "Yes";
    QTest::newRow("kv not exceeded: 40") << 2 << 9 << "";
    QTest::newRow("any: waiting alone") << 3 << 10 << "Yes";
    QTest::newRow("any: neither") << 0 << 10 << "";
    QTest::newRow("any: neither (missing)") << 2 << 10 << "";
}

void TstMetricsTableModel::cells()
{
    QFETCH(int, row);
    QFETCH(int, column);
    QFETCH(QString, expected);
    MetricsTableModel model;
    model.setExperiment(handMade(), origin());
    QCOMPARE(model.index(row, column).data().toString(), expected);
}

void TstMetricsTableModel::missingCellIsMarkedWithItsWarning()
{
    MetricsTableModel model;
    model.setExperiment(handMade(), origin());
    const QModelIndex missing = model.index(2, 3);
    QVERIFY(missing.data(MetricsTableModel::MissingRole).toBool());
    QVERIFY(missing.data(Qt::BackgroundRole).value<QColor>().isValid());
    const QString tip = missing.data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains("line 4"), qPrintable(tip));
    QVERIFY2(tip.contains("empty value in column 'num_requests_waiting'"), qPrintable(tip));
    // Only this column's warning, not the other one of the same line.
    QVERIFY2(!tip.contains("'other'"), qPrintable(tip));
    QCOMPARE(model.index(2, 0).data(MetricsTableModel::SourceLineRole).toInt(), 4);

    const QModelIndex present = model.index(2, 2);
    QVERIFY(!present.data(MetricsTableModel::MissingRole).toBool());
    QVERIFY(!present.data(Qt::BackgroundRole).isValid());
    QVERIFY(present.data(Qt::ToolTipRole).isNull());
}

void TstMetricsTableModel::missingCellWithoutOwnWarningShowsTheLine()
{
    MetricsTableModel model;
    model.setExperiment(handMade(), origin());
    // Row 3 is line 6: no warning there at all (the scaling.log one is another file's).
    const QString tip = model.index(3, 5).data(Qt::ToolTipRole).toString();
    QCOMPARE(tip, QStringLiteral("No value (metrics.csv line 6)"));
}

void TstMetricsTableModel::exceededCellsAreTinted()
{
    MetricsTableModel model;
    model.setExperiment(handMade(), origin());
    QVERIFY(model.index(1, 3).data(Qt::BackgroundRole).value<QColor>().isValid()); // 3 > 2
    QVERIFY(!model.index(0, 3).data(Qt::BackgroundRole).isValid());                // 0
    QVERIFY(model.index(1, 6).data(Qt::BackgroundRole).value<QColor>().isValid()); // 60 > 50
    QVERIFY(!model.index(2, 6).data(Qt::BackgroundRole).isValid());                // 40
    QVERIFY(model.index(1, 8).data(Qt::BackgroundRole).value<QColor>().isValid());
    QVERIFY(!model.index(0, 8).data(Qt::BackgroundRole).isValid());
    // An extra column is never "exceeded".
    QVERIFY(!model.index(1, 5).data(Qt::BackgroundRole).isValid());
}

void TstMetricsTableModel::sortRoleIsNumeric()
{
    MetricsTableModel model;
    model.setExperiment(handMade(), origin());
    QSortFilterProxyModel proxy;
    proxy.setSortRole(MetricsTableModel::SortRole);
    proxy.setSourceModel(&model);
    proxy.sort(3, Qt::AscendingOrder); // waiting: missing, 0, 1.5, 3
    QStringList order;
    for (int r = 0; r < proxy.rowCount(); ++r)
        order << proxy.index(r, 3).data().toString();
    QCOMPARE(order, (QStringList{"—", "0", "1.5", "3"}));
    proxy.sort(1, Qt::DescendingOrder);
    QCOMPARE(proxy.index(0, 1).data().toString(), QStringLiteral("15"));
}

/// Issue 11, point 7: the Data tab shows a column the monitor never filled (all 0) as empty
/// cells that say why, while the HPA's own zeros stay 0.
void TstMetricsTableModel::notCollectedCellsAreEmpty()
{
    const QString high = QStringLiteral(HPA_SHARED_DIR "/examples/high-load-hpa-20251124-155733");
    if (!QDir(high).exists())
        QSKIP("example folder high-load-hpa-20251124-155733 is absent");
    auto experiment = std::make_shared<const hpa::core::Experiment>(
        hpa::core::ExperimentLoader::load(high.toStdString()));
    MetricsTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setExperiment(experiment, experiment->metrics.time().front());
    QVERIFY(model.rowCount() > 0);
    for (const std::string_view key : {keys::TtftMs, keys::ActiveJobs}) {
        const int c = model.columnOfKey(key);
        QVERIFY2(c >= 0, key.data());
        for (int r = 0; r < model.rowCount(); ++r) {
            const QModelIndex i = model.index(r, c);
            QCOMPARE(i.data().toString(), QString());
            QVERIFY(i.data(MetricsTableModel::NotCollectedRole).toBool());
        }
        QVERIFY2(model.index(0, c).data(Qt::ToolTipRole).toString().contains("not collected"),
                 qPrintable(model.index(0, c).data(Qt::ToolTipRole).toString()));
    }
    // Waiting is the HPA's own metric: a 0 there is a real 0.
    const int waiting = model.columnOfKey(keys::Waiting);
    bool sawZero = false;
    for (int r = 0; r < model.rowCount() && !sawZero; ++r) {
        const QModelIndex i = model.index(r, waiting);
        QVERIFY(!i.data(MetricsTableModel::NotCollectedRole).toBool());
        sawZero = i.data().toString() == QStringLiteral("0");
    }
    QVERIFY(sawZero);
}

void TstMetricsTableModel::legacyExample()
{
    if (!QDir(legacyPath()).exists())
        QSKIP("example folder hpa-experiment-20251120-140312 is absent");
    auto experiment = std::make_shared<const hpa::core::Experiment>(
        hpa::core::ExperimentLoader::load(legacyPath().toStdString()));
    MetricsTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setExperiment(experiment, experiment->metrics.time().front());
    // Ten columns in the file minus timestamp and epoch, plus the two derived percentages.
    QCOMPARE(model.columnCount(), 2 + 10 + 3);
    // Line 24: 2025-11-20T14:05:42Z, kv_cache_usage_current 550 (milli) = 55 %.
    const int row = 22;
    QCOMPARE(model.index(row, 0).data(MetricsTableModel::SourceLineRole).toInt(), 24);
    QCOMPARE(model.index(row, 0).data().toString(), QStringLiteral("2025-11-20T14:05:42Z"));
    QCOMPARE(model.index(row, 1).data().toString(), QStringLiteral("150"));
    const int kvRaw = model.columnOfKey(keys::KvCacheRaw);
    const int kvPct = model.columnOfKey(keys::KvCachePct);
    QCOMPARE(model.index(row, kvRaw).data().toString(), QStringLiteral("550"));
    QCOMPARE(model.index(row, kvPct).data().toString(), QStringLiteral("55"));
    QCOMPARE(model.index(row, model.firstFlagColumn() + 1).data().toString(),
             QStringLiteral("Yes"));
}

void TstMetricsTableModel::millionRowsAreInstant()
{
    auto e = std::make_shared<hpa::core::Experiment>();
    hpa::core::MetricsTable &m = e->metrics;
    constexpr int kRows = 1'000'000;
    std::vector<double> time(kRows), waiting(kRows), target(kRows, 10.0);
    std::vector<int> lines(kRows);
    for (int i = 0; i < kRows; ++i) {
        time[std::size_t(i)] = 1'700'000'000.0 + i;
        lines[std::size_t(i)] = i + 2;
        waiting[std::size_t(i)] = i % 20;
    }
    m.time() = std::move(time);
    m.setSourceLines(lines);
    m.setColumn("num_requests_waiting", std::string(keys::Waiting), std::move(waiting));
    m.setColumn("num_requests_waiting_target", std::string(keys::WaitingTarget), std::move(target));
    std::shared_ptr<const hpa::core::Experiment> experiment = std::move(e);

    MetricsTableModel model;
    QElapsedTimer timer;
    timer.start();
    model.setExperiment(experiment, experiment->metrics.time().front());
    QCOMPARE(model.rowCount(), kRows);
    QCOMPARE(model.index(kRows - 1, 2).data().toString(), QStringLiteral("19"));
    QCOMPARE(model.index(kRows - 1, model.firstFlagColumn()).data().toString(),
             QStringLiteral("Yes"));
    QCOMPARE(model.index(kRows - 10, model.firstFlagColumn()).data().toString(), QString());
    // Generous bound (debug builds, shared machine); a per-row allocation would blow it.
    QVERIFY2(timer.elapsed() < 500, qPrintable(QString::number(timer.elapsed())));
}

void TstMetricsTableModel::dataViewCountsRows()
{
    hpa::ui::DataView view;
    QCOMPARE(view.countLabel()->text(), QStringLiteral("No experiment"));
    view.setExperiment(handMade(), origin());
    QCOMPARE(view.countLabel()->text(), QStringLiteral("4 samples × 11 columns"));
    QVERIFY(!view.proxy()->dynamicSortFilter());
    QCOMPARE(view.proxy()->rowCount(), 4);
    view.showTime(origin() + 11);
    QCOMPARE(view.view()->currentIndex().row(), 2);
    view.clear();
    QCOMPARE(view.proxy()->rowCount(), 0);
}

void TstMetricsTableModel::warningsDialogFiltersAndCopies()
{
    hpa::ui::WarningsDialog dialog;
    dialog.setWarnings(handMade()->warnings, QStringLiteral("hand-made"));
    QVERIFY(dialog.windowTitle().contains("hand-made"));
    QCOMPARE(dialog.proxy()->rowCount(), 4);
    dialog.filterEdit()->setText("SCALING");
    QCOMPARE(dialog.proxy()->rowCount(), 1);
    QCOMPARE(dialog.visibleText(),
             QStringLiteral("scaling.log:6: unrelated warning in another file"));
    dialog.filterEdit()->setText("missing");
    QCOMPARE(dialog.proxy()->rowCount(), 2);
    dialog.filterEdit()->clear();
    dialog.proxy()->sort(1, Qt::DescendingOrder); // line, numerically
    QCOMPARE(dialog.proxy()->index(0, 1).data().toString(), QStringLiteral("6"));
    QCOMPARE(dialog.proxy()->index(1, 1).data().toString(), QStringLiteral("5"));
}

void TstMetricsTableModel::appendedRowsEqualAFreshModel_data()
{
    QTest::addColumn<int>("shown");
    QTest::addColumn<int>("unchanged");
    QTest::addColumn<bool>("appended");
    QTest::newRow("one row, then three more") << 1 << 1 << true;
    QTest::newRow("two rows, then two more") << 2 << 2 << true;
    QTest::newRow("three rows, then the fourth") << 3 << 3 << true;
    QTest::newRow("nothing new") << 4 << 4 << true;
    QTest::newRow("earlier rows changed: shown anew") << 3 << 2 << false;
    QTest::newRow("read anew (unchanged 0)") << 2 << 0 << false;
}

/// A followed run that grew: the rows are inserted (no reset), and every cell then reads as
/// in a model given the whole run at once.
void TstMetricsTableModel::appendedRowsEqualAFreshModel()
{
    QFETCH(int, shown);
    QFETCH(int, unchanged);
    QFETCH(bool, appended);
    const auto whole = handMade();
    MetricsTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(MetricsTableModel::SortRole);
    QAbstractItemModelTester proxyTester(&proxy,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.sort(model.columnOfKey(keys::Waiting), Qt::DescendingOrder);
    model.setExperiment(firstRows(*whole, std::size_t(shown)), origin());
    int resets = 0;
    connect(&model, &QAbstractItemModel::modelReset, this, [&resets] { ++resets; });
    QCOMPARE(model.appendRows(whole, std::size_t(unchanged)), appended);
    if (!appended) {
        QCOMPARE(model.rowCount(), shown);
        return;
    }
    QCOMPARE(resets, 0);
    QCOMPARE(proxy.rowCount(), 4);
    MetricsTableModel fresh;
    fresh.setExperiment(whole, origin());
    QCOMPARE(model.rowCount(), fresh.rowCount());
    QCOMPARE(model.columnCount(), fresh.columnCount());
    for (int r = 0; r < fresh.rowCount(); ++r) {
        for (int c = 0; c < fresh.columnCount(); ++c) {
            for (int role :
                 {int(Qt::DisplayRole), int(Qt::ToolTipRole), int(Qt::BackgroundRole),
                  int(MetricsTableModel::SortRole), int(MetricsTableModel::MissingRole)}) {
                QCOMPARE(model.data(model.index(r, c), role), fresh.data(fresh.index(r, c), role));
            }
        }
    }
}

QTEST_MAIN(TstMetricsTableModel)
#include "tst_metrics_table_model.moc"
