// View → WVA Variant (issue 19): a WVA run with several variants lists them all, the loaded
// one checked; choosing another reloads the folder with it (as --variant does); a reload keeps
// it, another folder starts from the loader's default; HPA runs leave the menu disabled.
#include "app/gui/main_window.h"
#include "app/gui/variant_menu.h"
#include "ui/experiment_workspace.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QMenu>
#include <QMenuBar>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using hpa::app::MainWindow;

namespace {

QString line(const QString &ts, const QString &msg)
{
    return QStringLiteral("{\"level\":\"INFO\",\"ts\":\"%1\",\"msg\":\"%2\"}\n").arg(ts, msg);
}

/// A controller cycle of variant `v` at 10:MM:00Z (as tst_wva_run_loader writes them).
QString cycle(const QString &v, int m, int replicas, const QString &decision)
{
    const QString t = QStringLiteral("2025-12-10T10:%1:00.000Z").arg(m, 2, 10, QLatin1Char('0'));
    QString s = line(t, QStringLiteral("Operating in MODEL-ONLY mode"));
    s += line(t, QStringLiteral("Queue metric: pod=%1-p, queueLength=%2").arg(v).arg(3 * m));
    s += line(t, QStringLiteral("KV cache metric: pod=%1-p, usage=0.400 (40.0%)").arg(v));
    s += line(t, QStringLiteral("Metrics collected for VA: variant=%1, replicas=%2, ttft=20.00ms, "
                                "itl=10.00ms")
                     .arg(v)
                     .arg(replicas));
    s += line(t, QStringLiteral("Processing decision: variant=%1, action=%2").arg(v, decision));
    return s;
}

/// "big" has three cycles (the loader's default), "small" one with a scale-up.
bool writeTwoVariants(const QString &dir)
{
    QString log;
    for (int m = 0; m < 3; ++m)
        log += cycle(QStringLiteral("big"), m, 2, QStringLiteral("no-change, current=2→target=2"));
    log += cycle(QStringLiteral("small"), 3, 1, QStringLiteral("scale-up, current=1→target=2"));
    QFile f(QDir(dir).filePath(QStringLiteral("wva-controller-logs.jsonl")));
    return f.open(QIODevice::WriteOnly) && f.write(log.toUtf8()) > 0;
}

QStringList entries(const hpa::app::VariantMenu *menu)
{
    QStringList out;
    for (QAction *a : menu->menu()->actions())
        out << a->data().toString() + (a->isChecked() ? QStringLiteral("*") : QString());
    return out;
}

std::string loadedVariant(MainWindow &w)
{
    return w.workspace()->loaded()->experiment->autoscaler.variant;
}

} // namespace

class TestVariantMenu : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void listsAndSwitchesVariants();
    void hpaRunLeavesItDisabled();
};

void TestVariantMenu::listsAndSwitchesVariants()
{
    QTemporaryDir dir, other;
    QVERIFY(writeTwoVariants(dir.path()) && writeTwoVariants(other.path()));
    MainWindow w(hpa::ui::AppSettings::Storage::InMemory);
    w.setModalErrors(false);
    hpa::app::VariantMenu *menu = w.variantMenu();
    // In the View menu, once.
    int listed = 0;
    for (QAction *top : w.menuBar()->actions())
        if (top->menu())
            listed += top->menu()->actions().count(menu->menu()->menuAction());
    QCOMPARE(listed, 1);
    QVERIFY(!menu->menu()->isEnabled());

    w.openExperiment(dir.path());
    w.waitForLoad();
    QVERIFY2(w.lastError().isEmpty(), qPrintable(w.lastError()));
    QCOMPARE(loadedVariant(w), std::string("big"));
    QVERIFY(menu->menu()->isEnabled());
    QCOMPARE(entries(menu), (QStringList{QStringLiteral("big*"), QStringLiteral("small")}));
    QVERIFY(menu->menu()->actions().at(1)->toolTip().contains(QStringLiteral("1 scale-up")));

    // Choosing reloads with it.
    QVERIFY(menu->choose(QStringLiteral("small")));
    w.waitForLoad();
    QCOMPARE(loadedVariant(w), std::string("small"));
    QCOMPARE(w.workspace()->loaded()->experiment->metrics.rowCount(), std::size_t(1));
    QCOMPARE(entries(menu), (QStringList{QStringLiteral("big"), QStringLiteral("small*")}));
    // File → Reload keeps the choice.
    w.openExperiment(dir.path());
    w.waitForLoad();
    QCOMPARE(loadedVariant(w), std::string("small"));
    // Another folder starts from the loader's default: not remembered per run.
    w.openExperiment(other.path());
    w.waitForLoad();
    QCOMPARE(loadedVariant(w), std::string("big"));
    // --variant on the command line.
    w.openExperiment(dir.path(), "small");
    w.waitForLoad();
    QCOMPARE(loadedVariant(w), std::string("small"));
    QVERIFY(!menu->choose(QStringLiteral("nope")));
}

void TestVariantMenu::hpaRunLeavesItDisabled()
{
    MainWindow w(hpa::ui::AppSettings::Storage::InMemory);
    w.setModalErrors(false);
    const QDir examples(QStringLiteral(HPA_SOURCE_DIR "/resources/examples"));
    const QStringList runs = examples.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    QVERIFY(!runs.isEmpty());
    w.openExperiment(examples.filePath(runs.front()));
    w.waitForLoad();
    QVERIFY(w.workspace()->hasExperiment());
    QVERIFY(!w.variantMenu()->menu()->isEnabled());
    QVERIFY(w.variantMenu()->variant().empty());
}

QTEST_MAIN(TestVariantMenu)
#include "tst_variant_menu.moc"
