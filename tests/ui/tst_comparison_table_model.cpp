// ComparisonTableModel under QAbstractItemModelTester: the compare view's table keeps the model
// contract through empty, filled and reset states, and shows each row's numbers as the core
// comparison has them.
#include "core/analysis/comparison.h"
#include "core/analysis/experiment_analyzer.h"
#include "core/analysis/run_comparison.h"
#include "core/load/experiment_loader.h"
#include "ui/comparison_table_model.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QDir>
#include <QTest>

using hpa::core::ExperimentComparison;
using hpa::core::ExperimentLoader;
using hpa::core::Verdict;
using hpa::ui::ComparisonTableModel;

class TestComparisonTableModel : public QObject
{
    Q_OBJECT

private slots:
    void contract_data();
    void contract();
    void rowsMatchTheComparison();
    void nWayColumns_data();
    void nWayColumns();
    void notCollectedIsOneRow();
};

namespace {

ExperimentComparison compareFixtures(const char *a, const char *b)
{
    const std::string data = HPA_TEST_DATA_DIR "/experiments/";
    return ExperimentComparison::compare(ExperimentLoader::load(data + a),
                                         ExperimentLoader::load(data + b));
}

} // namespace

void TestComparisonTableModel::contract_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::newRow("legacy vs enhanced") << "legacy-small"
                                        << "enhanced-small";
    QTest::newRow("a run with itself") << "legacy-small"
                                       << "legacy-small";
    QTest::newRow("custom columns vs legacy") << "custom-columns"
                                              << "legacy-small";
}

void TestComparisonTableModel::contract()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    ComparisonTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), int(ComparisonTableModel::ColumnCount));

    const ExperimentComparison comparison = compareFixtures(qPrintable(a), qPrintable(b));
    model.setComparison(comparison);
    QCOMPARE(model.rowCount(), int(comparison.rows().size()));
    QVERIFY(model.rowCount() > 0);
    // Every cell answers every role the view asks for; the tester checks the types.
    for (int r = 0; r < model.rowCount(); ++r) {
        for (int c = 0; c < model.columnCount(); ++c) {
            const QModelIndex i = model.index(r, c);
            QVERIFY(!model.data(i).toString().isEmpty());
            QVERIFY(model.data(i, Qt::ToolTipRole).isValid());
        }
    }
    model.setComparison(std::nullopt);
    QCOMPARE(model.rowCount(), 0);
}

void TestComparisonTableModel::rowsMatchTheComparison()
{
    const ExperimentComparison comparison = compareFixtures("legacy-small", "legacy-small");
    ComparisonTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setComparison(comparison);
    for (int r = 0; r < model.rowCount(); ++r) {
        const hpa::core::ComparisonRow &row = comparison.rows()[std::size_t(r)];
        QCOMPARE(model.index(r, 0).data(ComparisonTableModel::KeyRole).toString(),
                 QString::fromStdString(row.key));
        QCOMPARE(model.index(r, 0).data(ComparisonTableModel::VerdictRole).toInt(),
                 int(row.verdict));
        // A run against itself: nothing changed, so no row is tinted better or worse, and a
        // missing value reads as a dash, never as 0.
        QVERIFY(row.verdict != Verdict::Better && row.verdict != Verdict::Worse);
        QVERIFY(!model.index(r, ComparisonTableModel::Delta).data(Qt::BackgroundRole).isValid());
        if (!row.a)
            QCOMPARE(model.index(r, ComparisonTableModel::ValueA).data().toString(),
                     QStringLiteral("—"));
        if (row.delta)
            QCOMPARE(*row.delta, 0.0);
    }
}

void TestComparisonTableModel::nWayColumns_data()
{
    QTest::addColumn<QStringList>("runs");
    QTest::addColumn<QStringList>("headers");
    QTest::newRow("two: the A/B table") << QStringList{"legacy-small", "enhanced-small"}
                                        << QStringList{"Statistic", "A", "B", "B − A", "Change"};
    QTest::newRow("three") << QStringList{"legacy-small", "enhanced-small", "custom-columns"}
                           << QStringList{"Statistic", "A", "B",     "B − A",
                                          "B change",  "C", "C − A", "C change"};
    QTest::newRow("four, a run twice")
        << QStringList{"enhanced-small", "legacy-small", "enhanced-small", "custom-columns"}
        << QStringList{"Statistic", "A",        "B", "B − A", "B change", "C",
                       "C − A",     "C change", "D", "D − A", "D change"};
}

void TestComparisonTableModel::nWayColumns()
{
    QFETCH(QStringList, runs);
    QFETCH(QStringList, headers);
    std::vector<hpa::core::ExperimentSummary> summaries;
    for (const QString &run : runs)
        summaries.push_back(hpa::core::ExperimentAnalyzer::summarize(
            ExperimentLoader::load(HPA_TEST_DATA_DIR "/experiments/" + run.toStdString())));
    const hpa::core::RunComparison comparison(summaries);
    ComparisonTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setComparison(comparison);
    QCOMPARE(model.columnCount(), int(headers.size()));
    for (int c = 0; c < headers.size(); ++c)
        QCOMPARE(model.headerData(c, Qt::Horizontal).toString(), headers[c]);
    QCOMPARE(model.rowCount(), int(comparison.rows().size()));
    for (int r = 0; r < model.rowCount(); ++r) {
        const hpa::core::RunComparisonRow &row = comparison.rows()[std::size_t(r)];
        for (int run = 1; run < runs.size(); ++run) {
            const hpa::core::RunComparisonCell &cell = row.cells[std::size_t(run)];
            // The delta's tint is the run's own verdict against A.
            const QModelIndex delta = model.index(r, ComparisonTableModel::deltaColumn(run));
            QCOMPARE(delta.data(Qt::BackgroundRole).value<QColor>(),
                     ComparisonTableModel::verdictColor(cell.verdict));
            QCOMPARE(delta.data(ComparisonTableModel::RunRole).toInt(), run);
            QCOMPARE(delta.data(ComparisonTableModel::VerdictRole).toInt(), int(cell.verdict));
            if (!cell.value)
                QCOMPARE(model.index(r, ComparisonTableModel::valueColumn(run)).data().toString(),
                         QStringLiteral("—"));
        }
    }
    model.setComparison(std::nullopt);
    QCOMPARE(model.columnCount(), int(ComparisonTableModel::ColumnCount));
}

/// Issue 11, point 7: a series one run did not collect is one row saying so ("not collected
/// in B"), not a row of dashes per statistic.
void TestComparisonTableModel::notCollectedIsOneRow()
{
    const QString shared = QStringLiteral(HPA_SHARED_DIR "/examples");
    const std::string legacy = (shared + "/hpa-experiment-20251120-140312").toStdString();
    const std::string high = (shared + "/high-load-hpa-20251124-155733").toStdString();
    if (!QDir(shared).exists())
        QSKIP("shared example experiments not found under " HPA_SHARED_DIR "/examples");
    const ExperimentComparison comparison =
        ExperimentComparison::compare(ExperimentLoader::load(legacy), ExperimentLoader::load(high));
    ComparisonTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setComparison(comparison);
    for (const QString &series :
         {QStringLiteral("series.ttft_ms"), QStringLiteral("series.active_jobs")}) {
        int rows = 0;
        for (int r = 0; r < model.rowCount(); ++r) {
            const QString key = model.index(r, 0).data(ComparisonTableModel::KeyRole).toString();
            if (key != series && !key.startsWith(series + QLatin1Char('.')))
                continue;
            ++rows;
            QCOMPARE(key, series);
            QVERIFY2(
                model.index(r, 0).data().toString().contains(QStringLiteral("not collected in B")),
                qPrintable(model.index(r, 0).data().toString()));
            // Nothing to grade: no tint, and no number standing in for the missing one.
            QVERIFY(
                !model.index(r, ComparisonTableModel::Delta).data(Qt::BackgroundRole).isValid());
            QCOMPARE(model.index(r, ComparisonTableModel::ValueB).data().toString(),
                     QStringLiteral("—"));
        }
        QVERIFY2(rows == 1, qPrintable(series));
    }
}

QTEST_MAIN(TestComparisonTableModel)
#include "tst_comparison_table_model.moc"
