// `hpa-lens compare A B C …` (issue 14, N-way comparison): 2 to 8 folders, text and --json
// with a column per run and deltas against A, and --screenshot of the N-way overlay, one
// colour per run.
#include "cli_process.h"

#include <QDir>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

using Json = nlohmann::json;
using hpa::test::runHpaLens;

namespace {

const QString kData = QStringLiteral(HPA_TEST_DATA_DIR "/experiments/");
const QStringList kThree{kData + "legacy-small", kData + "enhanced-small",
                         kData + "custom-columns"};

} // namespace

class TestCliCompareNWay : public QObject
{
    Q_OBJECT

private slots:
    void folderCount_data();
    void folderCount();
    void textHasAColumnPerRun();
    void jsonDeltasAgainstA();
    void screenshotOverlaysEveryRun();
};

void TestCliCompareNWay::folderCount_data()
{
    QTest::addColumn<int>("folders");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("1") << 1 << 2;
    QTest::newRow("2") << 2 << 0;
    QTest::newRow("3") << 3 << 0;
    QTest::newRow("8") << 8 << 0;
    QTest::newRow("9") << 9 << 2;
}

void TestCliCompareNWay::folderCount()
{
    QFETCH(int, folders);
    QFETCH(int, exitCode);
    QStringList args{"compare"};
    for (int i = 0; i < folders; ++i)
        args << kThree[i % 3];
    const auto r = runHpaLens(args << "--json", true);
    QCOMPARE(r.exitCode, exitCode);
    if (exitCode != 0) {
        QVERIFY2(r.err.contains("2 to 8 folders"), r.err.constData());
        return;
    }
    const Json j = Json::parse(r.out.toStdString());
    // Two runs keep the A/B document scripts read; more give one column per run.
    if (folders == 2) {
        QVERIFY(j.contains("a") && j.contains("b") && j.contains("delta"));
    } else {
        QCOMPARE(j["runs"].size(), std::size_t(folders));
        QCOMPARE(j["runs"][folders - 1]["label"].get<std::string>(),
                 std::string(1, char('A' + folders - 1)));
    }
}

void TestCliCompareNWay::textHasAColumnPerRun()
{
    const auto r = runHpaLens(QStringList{"compare"} + kThree, true);
    QCOMPARE(r.exitCode, 0);
    const QString out = QString::fromUtf8(r.out);
    QVERIFY(out.contains("EXPERIMENT COMPARISON (3 runs, each relative to A)"));
    for (const char *word : {"A: legacy-small", "B: enhanced-small", "C: custom-columns", "B-A",
                             "C-A", "Settings that differ"})
        QVERIFY2(out.contains(QLatin1String(word)), word);
}

void TestCliCompareNWay::jsonDeltasAgainstA()
{
    const auto r = runHpaLens(QStringList{"compare"} + kThree + QStringList{"--json"}, true);
    QCOMPARE(r.exitCode, 0);
    const Json j = Json::parse(r.out.toStdString());
    QCOMPARE(j["baseline"].get<std::string>(), std::string("A"));
    // Each delta is the run's value minus A's, where both are known.
    int checked = 0;
    for (const Json &s : j["statistics"]) {
        for (const char *run : {"B", "C"}) {
            const Json &a = s["values"]["A"], &v = s["values"][run], &d = s["delta"][run];
            if (a.is_number() && v.is_number()) {
                QVERIFY(d.is_number());
                QVERIFY(std::abs(d.get<double>() - (v.get<double>() - a.get<double>())) <=
                        1e-5 * std::max(1.0, std::abs(d.get<double>())));
                ++checked;
            } else {
                QVERIFY(d.is_null());
            }
        }
        QVERIFY(!s["delta"].contains("A"));
    }
    QVERIFY(checked > 20);
    // The runs' replica-hours as `hpa-lens compare A X` gives them, pair by pair.
    const auto pair = runHpaLens({"compare", kThree[0], kThree[2], "--json"}, true);
    const Json p = Json::parse(pair.out.toStdString());
    for (const Json &s : j["statistics"]) {
        if (s["key"] == "replica_hours")
            QCOMPARE(s["verdict"]["C"].get<std::string>(),
                     p["verdicts"]["replica_hours"]["verdict"].get<std::string>());
    }
}

void TestCliCompareNWay::screenshotOverlaysEveryRun()
{
    QTemporaryDir tmp;
    const QString png = tmp.filePath("nway.png");
    const auto r = runHpaLens(QStringList{"compare"} + kThree +
                              QStringList{"--screenshot", png, "--size", "1600x1000"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QImage image(png);
    QCOMPARE(image.size(), QSize(1600, 1000));
    // Each run's colour (the light palette's first three run colours) is on the charts.
    for (const QRgb colour :
         {qRgb(0x00, 0x72, 0xb2), qRgb(0xd5, 0x5e, 0x00), qRgb(0x00, 0x9e, 0x73)}) {
        int pixels = 0;
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x)
                pixels += (image.pixel(x, y) & 0xffffff) == (colour & 0xffffff);
        QVERIFY2(pixels > 20, qPrintable(QColor(colour).name() + " " + QString::number(pixels)));
    }
    // --json is for the text, not the picture.
    const auto both =
        runHpaLens(QStringList{"compare"} + kThree + QStringList{"--json", "--screenshot", png});
    QCOMPARE(both.exitCode, 2);
}

QTEST_GUILESS_MAIN(TestCliCompareNWay)
#include "tst_cli_compare_nway.moc"
