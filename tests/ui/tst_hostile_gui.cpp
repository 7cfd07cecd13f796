#include "app/gui/main_window.h"
#include "test_files.h"
#include "ui/charts/chart_stack.h"
#include "ui/experiment_workspace.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <filesystem>
#include <sys/stat.h>

using hpa::test::writeFile;

using hpa::app::MainWindow;

namespace {

QString bundledExample()
{
    const QDir dir(QStringLiteral(HPA_SOURCE_DIR "/resources/examples"));
    return dir.filePath(dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot).value(0));
}

} // namespace

/// Every hostile folder either fails with a message naming the file and reason, or opens with
/// warnings; in both cases the window stays usable and opens a good folder afterwards.
class TestHostileGui : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void hostileFolder_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<bool>("opens");
        QTest::addColumn<QString>("expect");
        QTest::newRow("no metrics.csv") << "missing" << false << "no metrics.csv";
        QTest::newRow("metrics.csv is a FIFO") << "fifo" << false << "not a regular file";
        QTest::newRow("metrics.csv is a folder") << "dir" << false << "not a regular file";
        QTest::newRow("metrics.csv over the size limit") << "huge" << false << "MiB";
        QTest::newRow("empty metrics.csv") << "empty" << false << "empty";
        QTest::newRow("header only") << "header" << true << "no samples";
        QTest::newRow("binary garbage with NUL bytes") << "binary" << false << "timestamp";
        QTest::newRow("ragged rows and bad cells") << "ragged" << true << "fields";
        QTest::newRow("invalid metadata.json") << "badjson" << true << "metadata.json";
        QTest::newRow("invalid UTF-8 in logs") << "utf8" << true << "scaling-events.log";
    }
    void hostileFolder()
    {
        QFETCH(QString, kind);
        QFETCH(bool, opens);
        QFETCH(QString, expect);
        QTemporaryDir tmp;
        const QString dir = tmp.path();
        const QString metrics = QDir(dir).filePath(QStringLiteral("metrics.csv"));
        const QByteArray header = "timestamp,replicas,desired_replicas,num_requests_waiting,"
                                  "num_requests_waiting_target\n";
        const QByteArray good =
            header + "2025-11-24 15:57:38,1,1,0,2\n2025-11-24 15:57:59,2,2,5,2\n";
        if (kind == "fifo") {
            QCOMPARE(::mkfifo(metrics.toLocal8Bit().constData(), 0600), 0);
        } else if (kind == "dir") {
            QVERIFY(QDir(dir).mkdir(QStringLiteral("metrics.csv")));
        } else if (kind == "huge") {
            QVERIFY(writeFile(metrics, header));
            std::filesystem::resize_file(metrics.toStdString(), (std::uintmax_t{1} << 30) + 1);
        } else if (kind == "empty") {
            QVERIFY(writeFile(metrics, {}));
        } else if (kind == "header") {
            QVERIFY(writeFile(metrics, header));
        } else if (kind == "binary") {
            QVERIFY(writeFile(metrics, QByteArray("\x00\x01\xff\xfe garbage\n\x00\x00,,,\n", 20)));
        } else if (kind == "ragged") {
            QVERIFY(
                writeFile(metrics, good + "2025-11-24 15:58:20,3\n2025-11-24 15:58:41,x,3,?,2\n"));
        } else if (kind == "badjson") {
            QVERIFY(writeFile(metrics, good));
            QVERIFY(
                writeFile(QDir(dir).filePath(QStringLiteral("metadata.json")), "{\"a\": [1, 2,\n"));
        } else if (kind == "utf8") {
            QVERIFY(writeFile(metrics, good));
            QVERIFY(writeFile(QDir(dir).filePath(QStringLiteral("scaling-events.log")),
                              "[2025-11-24 15:57:40] \xff\xfe SCALE SIDEWAYS\n"));
        }

        MainWindow w;
        w.setModalErrors(false);
        w.resize(1200, 800);
        w.show();
        w.openExperiment(dir);
        w.waitForLoad();
        QCOMPARE(w.workspace()->hasExperiment(), opens);
        if (opens) {
            QString all;
            for (const auto &warning : w.workspace()->loaded()->experiment->warnings)
                all += QString::fromStdString(warning.file + ":" + std::to_string(warning.line) +
                                              ": " + warning.message) +
                       QLatin1Char('\n');
            QVERIFY2(all.contains(expect, Qt::CaseInsensitive), qPrintable(all));
            // Charts exist and cope with what there is (even no samples at all).
            QVERIFY(!w.workspace()->chartStacks().isEmpty());
        } else {
            QVERIFY2(w.lastError().contains(expect, Qt::CaseInsensitive),
                     qPrintable(w.lastError()));
        }
        // The window is still usable: a good folder opens afterwards.
        w.openExperiment(bundledExample());
        w.waitForLoad();
        QVERIFY2(w.lastError().isEmpty(), qPrintable(w.lastError()));
        QVERIFY(w.workspace()->hasExperiment());
        QVERIFY(w.workspace()->loaded()->summary.samples > 0);
    }
};

QTEST_MAIN(TestHostileGui)
#include "tst_hostile_gui.moc"
