#include "core/load/experiment_loader.h"
#include "core/report/scorecard_kpi_list.h"
#include "ui/scorecard_runner.h"
#include "ui/scorecard_table_model.h"
#include "ui/scorecard_view.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QSignalSpy>
#include <QTest>

using hpa::core::ScorecardSettings;
using hpa::ui::ScorecardTableModel;
using hpa::ui::ScorecardView;

namespace {

const QString kDemo = QStringLiteral(HPA_SOURCE_DIR "/resources/examples/demo-hpa-20251201-100000");

std::shared_ptr<const hpa::core::Experiment> demo()
{
    return std::make_shared<const hpa::core::Experiment>(
        hpa::core::ExperimentLoader::load(kDemo.toStdString()));
}

/// The row whose KPI label starts with `label`, or -1.
int rowOf(const ScorecardTableModel *m, const QString &label)
{
    for (int r = 0; r < m->rowCount(); ++r) {
        if (m->index(r, ScorecardTableModel::KpiColumn).data().toString().startsWith(label))
            return r;
    }
    return -1;
}

} // namespace

class TestScorecardView : public QObject
{
    Q_OBJECT

private slots:
    void showsTheKpisOfTheRun();
    void editingASettingRecomputesAndAnnouncesIt();
    void setSettingsDoesNotAnnounce();
    void clearEmptiesTheTable();
    void recomputesOffTheGuiThreadAndDropsStaleResults();
    void kpiTextsAreTheCoreList();
};

void TestScorecardView::showsTheKpisOfTheRun()
{
    ScorecardView view;
    QAbstractItemModelTester tester(view.model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    view.setExperiment(demo());
    view.waitForComputed();
    const ScorecardTableModel *m = view.model();
    const int theta = rowOf(m, QStringLiteral("θU"));
    QVERIFY(theta >= 0);
    // tests/tools/scorecard_reference.py: 7.499111006603201 %.
    QCOMPARE(m->index(theta, ScorecardTableModel::ValueColumn).data().toString(),
             QStringLiteral("7.5"));
    QCOMPARE(m->index(theta, ScorecardTableModel::UnitColumn).data().toString(),
             QStringLiteral("%"));
    QVERIFY(m->index(theta, 0).data(Qt::ToolTipRole).toString().contains("elasticity-kpis.md §2"));
    // Time KPIs carry the resolution (5 s sampling).
    const int reaction = rowOf(m, QStringLiteral("Median reaction"));
    QCOMPARE(m->index(reaction, ScorecardTableModel::ValueColumn).data().toString(),
             QStringLiteral("5 ± 5"));
}

void TestScorecardView::editingASettingRecomputesAndAnnouncesIt()
{
    ScorecardView view;
    view.setExperiment(demo());
    view.waitForComputed();
    QSignalSpy spy(&view, &ScorecardView::settingsChanged);
    const int ttft = rowOf(view.model(), QStringLiteral("TTFT SLO"));
    QCOMPARE(view.model()->valueText(ttft), QStringLiteral("81.25"));
    view.ttftBox()->setValue(100000);
    view.waitForComputed();
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).value<ScorecardSettings>().sloTtftMs, 100000.0);
    QCOMPARE(view.model()->valueText(ttft), QStringLiteral("100"));
    view.demandBox()->setCurrentIndex(1);
    view.waitForComputed();
    QCOMPARE(spy.count(), 2);
    QCOMPARE(view.settings().demand, hpa::core::DemandVariant::HpaReachable);
    QCOMPARE(view.model()->scorecard().settings.demand, hpa::core::DemandVariant::HpaReachable);
}

void TestScorecardView::setSettingsDoesNotAnnounce()
{
    ScorecardView view;
    QSignalSpy spy(&view, &ScorecardView::settingsChanged);
    ScorecardSettings s;
    s.onsetDelaySeconds = 120;
    view.setSettings(s);
    QCOMPARE(spy.count(), 0);
    QCOMPARE(view.onsetBox()->value(), 120.0);
}

void TestScorecardView::clearEmptiesTheTable()
{
    ScorecardView view;
    view.setExperiment(demo());
    view.waitForComputed();
    QVERIFY(view.model()->rowCount() > 10);
    view.clear();
    QCOMPARE(view.model()->rowCount(), 0);
}

void TestScorecardView::recomputesOffTheGuiThreadAndDropsStaleResults()
{
    ScorecardView view;
    view.setExperiment(demo());
    view.waitForComputed();
    const int ttft = rowOf(view.model(), QStringLiteral("TTFT SLO"));
    QSignalSpy computed(&view, &ScorecardView::computed);
    // Three edits in a row, as keyboard steps of a spin box: each starts a computation and
    // returns at once, the table still showing the old value meanwhile.
    view.ttftBox()->setValue(100000);
    view.ttftBox()->setValue(1);
    view.ttftBox()->setValue(200);
    QVERIFY(view.runner()->isRunning());
    QCOMPARE(view.model()->valueText(ttft), QStringLiteral("81.25"));
    QCOMPARE(computed.count(), 0);
    view.waitForComputed();
    // Only the newest is shown; the two superseded results were dropped.
    QCOMPARE(computed.count(), 1);
    QCOMPARE(view.runner()->droppedCount(), 2);
    QCOMPARE(view.model()->scorecard().settings.sloTtftMs, 200.0);
    QVERIFY(!view.runner()->isRunning());
}

void TestScorecardView::kpiTextsAreTheCoreList()
{
    // One rule in one place (issue 16): the table shows core::ScorecardKpiList's names, units,
    // definitions and sources, with the texts that name this scorecard's settings.
    hpa::core::Scorecard scorecard;
    scorecard.settings.reversalWindowSeconds = 45;
    scorecard.ttft.limitMs = 750;
    scorecard.itl.limitMs = 80;
    scorecard.hasReplicas = true;
    scorecard.reversals = 2;
    hpa::ui::ScorecardTableModel model;
    QAbstractItemModelTester tester(&model);
    model.setScorecard(scorecard);
    const auto kpis = hpa::core::ScorecardKpiList::list(scorecard);
    QCOMPARE(model.rowCount(), int(kpis.size()));
    using M = hpa::ui::ScorecardTableModel;
    for (int row = 0; row < model.rowCount(); ++row) {
        const auto &k = kpis[std::size_t(row)];
        const auto text = [&](int column, int role = Qt::DisplayRole) {
            return model.data(model.index(row, column), role).toString();
        };
        QCOMPARE(text(M::KpiColumn), QString::fromStdString(k.label));
        QCOMPARE(text(M::UnitColumn), QString::fromStdString(k.unit));
        QCOMPARE(text(M::DefinitionColumn), QString::fromStdString(k.definition));
        QVERIFY(text(M::KpiColumn, Qt::ToolTipRole).contains(QString::fromStdString(k.source)));
        QCOMPARE(model.valueText(row),
                 QString::fromStdString(hpa::core::ScorecardKpiList::valueText(k, scorecard)));
        QCOMPARE(model.decimals(row), k.decimals);
    }
    const QString all = [&] {
        QStringList d;
        for (int row = 0; row < model.rowCount(); ++row)
            d << model.data(model.index(row, M::DefinitionColumn), Qt::DisplayRole).toString();
        return d.join(QLatin1Char('\n'));
    }();
    QVERIFY2(all.contains(QStringLiteral("less than 45 s after it")), qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("at most 750 ms")), qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("at most 80 ms")), qPrintable(all));
}

QTEST_MAIN(TestScorecardView)
#include "tst_scorecard_view.moc"
