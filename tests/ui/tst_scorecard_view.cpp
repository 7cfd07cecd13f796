#include "core/load/experiment_loader.h"
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

QTEST_MAIN(TestScorecardView)
#include "tst_scorecard_view.moc"
