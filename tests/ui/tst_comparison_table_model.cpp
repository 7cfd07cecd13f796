// ComparisonTableModel under QAbstractItemModelTester: the compare view's table keeps the model
// contract through empty, filled and reset states, and shows each row's numbers as the core
// comparison has them.
#include "core/analysis/comparison.h"
#include "core/load/experiment_loader.h"
#include "ui/comparison_table_model.h"

#include <QAbstractItemModelTester>
#include <QColor>
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

QTEST_MAIN(TestComparisonTableModel)
#include "tst_comparison_table_model.moc"
