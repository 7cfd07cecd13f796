// File > Import from Prometheus… against a real Prometheus holding a demo run: the pickers
// fill from the server's label values, the preview shows what each query returns, the import
// runs off the GUI thread and the window opens the folder it wrote.
#include "app/gui/main_window.h"
#include "app/gui/prometheus_import_controller.h"
#include "app/gui/prometheus_import_dialog.h"
#include "app/gui/prometheus_preview_model.h"
#include "core/demo/demo_simulator.h"
#include "prometheus_demo_series.h"
#include "prometheus_server.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using hpa::app::PrometheusImportDialog;

class TestPrometheusImportDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const std::string demo = m_dir.filePath(QStringLiteral("demo")).toStdString();
        hpa::core::DemoSimulator::write(demo, {});
        m_series = hpa::test::PrometheusDemoSeries::fromDemoFolder(demo, {});
        const QString problem = m_server.start(m_series.openMetrics());
        if (!problem.isEmpty())
            QSKIP(qPrintable(QStringLiteral("no real Prometheus to import from: ") + problem));
    }

    void importsAndOpensTheRun()
    {
        hpa::app::MainWindow window(hpa::ui::AppSettings::Storage::InMemory);
        window.resize(1200, 800);
        auto *controller = window.importController();
        QVERIFY(controller->importAction()->text().contains(QStringLiteral("Prometheus")));
        controller->importAction()->trigger();
        PrometheusImportDialog *dialog = controller->dialog();
        QVERIFY(dialog);
        QAbstractItemModelTester tester(dialog->previewModel());
        dialog->setUrl(m_server.url());
        dialog->setRange(QDateTime::fromSecsSinceEpoch(qint64(m_series.times().front()), Qt::UTC),
                         QDateTime::fromSecsSinceEpoch(qint64(m_series.times().back()), Qt::UTC));
        dialog->setStep(5);
        dialog->connectToServer();
        QTRY_COMPARE_WITH_TIMEOUT(dialog->namespaces(),
                                  QStringList{QStringLiteral("hpa-lens-demo")}, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(dialog->hpas(), QStringList{QStringLiteral("vllm-hpa-combined")},
                                  20000);
        QTRY_COMPARE_WITH_TIMEOUT(dialog->deployments(), QStringList{QStringLiteral("vllm-decode")},
                                  20000);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->busy(), 20000);

        dialog->preview();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->busy() && dialog->previewModel()->rowCount() > 0, 30000);
        auto *model = dialog->previewModel();
        QCOMPARE(model->rowCount(), 13); // 11 columns and 2 metadata entries of vllm-ksm
        QCOMPARE(model->index(0, 0).data().toString(), QStringLiteral("replicas"));
        QVERIFY(model->index(0, hpa::app::PrometheusPreviewModel::Points)
                    .data()
                    .toString()
                    .contains(QStringLiteral(" of ")));
        if (const QByteArray png = qgetenv("HPA_IMPORT_DIALOG_PNG"); !png.isEmpty())
            dialog->grab().save(QString::fromLocal8Bit(png));

        const QString out = m_dir.filePath(QStringLiteral("sub/imported-run"));
        dialog->setOutputFolder(out);
        QSignalSpy imported(controller, &hpa::app::PrometheusImportController::imported);
        dialog->startImport();
        QVERIFY(dialog->busy()); // off the GUI thread: the dialog is still responsive
        QTRY_COMPARE_WITH_TIMEOUT(imported.count(), 1, 60000);
        QCOMPARE(imported.at(0).at(0).toString(), out);
        QVERIFY(QFileInfo::exists(out + QStringLiteral("/metrics.csv")));
        window.waitForLoad();
        QVERIFY(window.windowTitle().contains(QStringLiteral("imported-run")));
    }

    void anExistingFolderIsRefusedInTheDialog()
    {
        PrometheusImportDialog dialog;
        dialog.setUrl(m_server.url());
        dialog.setRange(QDateTime::fromSecsSinceEpoch(qint64(m_series.times().front()), Qt::UTC),
                        QDateTime::fromSecsSinceEpoch(qint64(m_series.times().back()), Qt::UTC));
        dialog.selectNamespace(QStringLiteral("hpa-lens-demo"));
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.busy(), 20000);
        dialog.selectHpa(QStringLiteral("vllm-hpa-combined"));
        dialog.setOutputFolder(m_dir.path());
        dialog.startImport();
        QVERIFY(!dialog.busy());
        QVERIFY2(dialog.status().contains(QStringLiteral("already exists")),
                 qPrintable(dialog.status()));
    }

    void cleanupTestCase() { m_server.stop(); }

private:
    QTemporaryDir m_dir;
    hpa::test::PrometheusDemoSeries m_series;
    hpa::test::PrometheusServer m_server;
};

QTEST_MAIN(TestPrometheusImportDialog)
#include "tst_prometheus_import_dialog.moc"
