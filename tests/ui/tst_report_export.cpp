// File > Export Report…: one action, in the File menu and on the toolbar, enabled once a run is
// shown; it writes the HTML (figure inline) or the PDF of the run or the comparison shown.
#include "app/gui/main_window.h"
#include "app/gui/report_controller.h"
#include "test_files.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QMenu>
#include <QMenuBar>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>

using namespace hpa;

namespace {

const QString kExample =
    QStringLiteral(HPA_SOURCE_DIR "/resources/examples/demo-hpa-20251201-100000");

} // namespace

class TestReportExport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void oneActionInMenuAndToolbar()
    {
        app::MainWindow w(ui::AppSettings::Storage::InMemory);
        QAction *action = w.reportController()->exportReportAction();
        const auto actions = w.findChildren<QAction *>(QStringLiteral("ExportReportAction"));
        QCOMPARE(actions.size(), 1);
        QCOMPARE(actions.front(), action);
        QMenu *file = w.menuBar()->actions().front()->menu();
        QVERIFY(file);
        QVERIFY(file->actions().contains(action));
        const auto bars = w.findChildren<QToolBar *>(QStringLiteral("MainToolBar"));
        QCOMPARE(bars.size(), 1);
        QVERIFY(bars.front()->actions().contains(action));
        QVERIFY(!action->isEnabled()); // nothing shown yet
        QVERIFY(!w.reportController()->exportReport(QDir::tempPath() + "/never.html"));
        w.openExperiment(kExample);
        w.waitForLoad();
        QTRY_VERIFY(action->isEnabled());
    }

    void writesHtmlAndPdfOfWhatIsShown()
    {
        QTemporaryDir tmp;
        app::MainWindow w(ui::AppSettings::Storage::InMemory);
        w.resize(1400, 1000);
        w.show();
        w.openExperiment(kExample);
        w.waitForLoad();
        QTest::qWait(100);
        app::ReportController *report = w.reportController();
        report->setModalErrors(false);

        const QString html = tmp.filePath(QStringLiteral("r.html"));
        QVERIFY2(report->exportReport(html), qPrintable(report->lastError()));
        QCOMPARE(report->lastWritten(), html);
        const QByteArray page = hpa::test::readBytes(html);
        QVERIFY(page.startsWith("<!DOCTYPE html>"));
        QVERIFY(page.contains("<title>HPA Lens report: demo-hpa-20251201-100000</title>"));
        QCOMPARE(page.count("<svg"), 1);
        QVERIFY(page.contains("<h2>Autoscaling scorecard</h2>"));

        const QString pdf = tmp.filePath(QStringLiteral("r.pdf"));
        QVERIFY2(report->exportReport(pdf), qPrintable(report->lastError()));
        QVERIFY(hpa::test::readBytes(pdf).startsWith("%PDF-"));

        // Not a report format: refused with the reason, nothing written.
        const QString png = tmp.filePath(QStringLiteral("r.png"));
        QVERIFY(!report->exportReport(png));
        QVERIFY(report->lastError().contains(QStringLiteral(".html or .pdf")));
        QVERIFY(!QFile::exists(png));

        // Comparing: both runs and the comparison.
        w.compareWith(kExample);
        w.waitForLoad();
        QTest::qWait(100);
        QVERIFY2(report->exportReport(html), qPrintable(report->lastError()));
        const QByteArray compared = hpa::test::readBytes(html);
        QVERIFY(compared.contains("<h2>Comparison (B relative to A)</h2>"));
        QVERIFY(compared.contains("A and B are the same run"));
    }
};

QTEST_MAIN(TestReportExport)
#include "tst_report_export.moc"
