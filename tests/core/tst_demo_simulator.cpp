#include "core/demo/demo_simulator.h"
#include "test_files.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <stdexcept>

using hpa::test::readBytes;

using hpa::core::DemoSimulator;

namespace {

const char *const kHeader = "timestamp,replicas,desired_replicas,num_requests_waiting,"
                            "num_requests_waiting_target,kv_cache_usage_perc,"
                            "kv_cache_usage_target,ttft_ms,itl_ms,request_rate_per_min,"
                            "active_jobs";

struct Row
{
    QString stamp;
    int replicas = 0;
    int desired = 0;
    QString waitingText;
    double waiting = 0.0;
    double waitingTarget = 0.0;
    QString kvText;
    double kv = 0.0;
    double kvTarget = 0.0;
    double ttft = 0.0;
    double itl = 0.0;
    double rate = 0.0;
    int jobs = 0;
};

QStringList readLines(const QString &path)
{
    return QString::fromUtf8(readBytes(path)).split('\n', Qt::SkipEmptyParts);
}

QList<Row> readRows(const QString &dir)
{
    QList<Row> rows;
    const QStringList lines = readLines(dir + "/metrics.csv");
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QStringList c = lines[i].split(',');
        if (c.size() != 11)
            return {};
        Row r;
        r.stamp = c[0];
        r.replicas = c[1].toInt();
        r.desired = c[2].toInt();
        r.waitingText = c[3];
        r.waiting = c[3].toDouble();
        r.waitingTarget = c[4].toDouble();
        r.kvText = c[5];
        r.kv = c[5].toDouble();
        r.kvTarget = c[6].toDouble();
        r.ttft = c[7].toDouble();
        r.itl = c[8].toDouble();
        r.rate = c[9].toDouble();
        r.jobs = c[10].toInt();
        rows.append(r);
    }
    return rows;
}

DemoSimulator::Options options(std::size_t samples, double interval = 5.0,
                               std::uint64_t seed = 20251201)
{
    DemoSimulator::Options o;
    o.samples = samples;
    o.intervalSeconds = interval;
    o.seed = seed;
    return o;
}

} // namespace

class TestDemoSimulator : public QObject
{
    Q_OBJECT

private slots:
    void writesEveryFile();
    void headerIsExact();
    void rowCount_data();
    void rowCount();
    void sameOptionsGiveIdenticalFiles();
    void otherSeedGivesOtherData();
    void timestamps_data();
    void timestamps();
    void valuesStayInRange();
    void latenciesPresentUnderLoad();
    void desiredChangesFollowHpaRules();
    void eventsLogIsWellFormed();
    void eventsMatchMetrics();
    void metadataDescribesRun();
    void refusesExistingExperiment();
    void overwriteReplacesExperiment();
    void rejectsBadOptions_data();
    void rejectsBadOptions();
    void rejectsFileAsDirectory();
    void generatesHundredThousandRows();
};

void TestDemoSimulator::writesEveryFile()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString dir = tmp.filePath("nested/demo"); // missing parents are created
    DemoSimulator::write(dir.toStdString(), options(0));
    for (const char *name : {"metrics.csv", "scaling-events.log", "metadata.json",
                             "experiment-config.yaml", "README.md"})
        QVERIFY2(!readBytes(dir + "/" + name).isEmpty(), name);
    const QString yaml = QString::fromUtf8(readBytes(dir + "/experiment-config.yaml"));
    QCOMPARE(yaml.count(QStringLiteral("  - name: \"phase-")), 4);
    QVERIFY(yaml.contains(QStringLiteral("start_delay: 240")));
    QVERIFY(
        readBytes(dir + "/README.md").startsWith("# Experiment: hpa-lens-demo-20251201-100000"));
}

void TestDemoSimulator::headerIsExact()
{
    QTemporaryDir tmp;
    DemoSimulator::write(tmp.path().toStdString(), options(10));
    QCOMPARE(readLines(tmp.filePath("metrics.csv")).value(0), QString::fromLatin1(kHeader));
}

void TestDemoSimulator::rowCount_data()
{
    QTest::addColumn<int>("samples");
    QTest::addColumn<double>("interval");
    QTest::addColumn<int>("expectedRows");
    QTest::newRow("default length") << 0 << 5.0 << 300;
    QTest::newRow("one sample") << 1 << 5.0 << 1;
    QTest::newRow("short") << 37 << 5.0 << 37;
    QTest::newRow("several cycles") << 2000 << 5.0 << 2000;
    QTest::newRow("irregular interval") << 500 << 21.0 << 500;
    QTest::newRow("sub-second interval") << 400 << 0.5 << 400;
}

void TestDemoSimulator::rowCount()
{
    QFETCH(int, samples);
    QFETCH(double, interval);
    QFETCH(int, expectedRows);
    QTemporaryDir tmp;
    DemoSimulator::write(tmp.path().toStdString(),
                         options(static_cast<std::size_t>(samples), interval));
    const QStringList lines = readLines(tmp.filePath("metrics.csv"));
    QCOMPARE(lines.size(), expectedRows + 1);
    QCOMPARE(readRows(tmp.path()).size(), expectedRows); // every row has 11 cells
}

void TestDemoSimulator::sameOptionsGiveIdenticalFiles()
{
    QTemporaryDir a, b;
    DemoSimulator::write(a.path().toStdString(), options(1200));
    DemoSimulator::write(b.path().toStdString(), options(1200));
    for (const char *name : {"metrics.csv", "scaling-events.log", "metadata.json",
                             "experiment-config.yaml", "README.md"}) {
        const QByteArray first = readBytes(a.filePath(name));
        QVERIFY2(!first.isEmpty(), name);
        QVERIFY2(first == readBytes(b.filePath(name)), name);
    }
}

void TestDemoSimulator::otherSeedGivesOtherData()
{
    QTemporaryDir a, b;
    DemoSimulator::write(a.path().toStdString(), options(300, 5.0, 1));
    DemoSimulator::write(b.path().toStdString(), options(300, 5.0, 2));
    QVERIFY(readBytes(a.filePath("metrics.csv")) != readBytes(b.filePath("metrics.csv")));
    // The seed changes the noise, not the experiment's shape.
    QCOMPARE(readLines(a.filePath("metrics.csv")).size(),
             readLines(b.filePath("metrics.csv")).size());
}

void TestDemoSimulator::timestamps_data()
{
    QTest::addColumn<QString>("start");
    QTest::addColumn<double>("interval");
    QTest::addColumn<int>("samples");
    QTest::addColumn<int>("row");
    QTest::addColumn<QString>("expected");
    QTest::newRow("first") << "2025-12-01 10:00:00" << 5.0 << 300 << 0 << "2025-12-01 10:00:00";
    QTest::newRow("second") << "2025-12-01 10:00:00" << 5.0 << 300 << 1 << "2025-12-01 10:00:05";
    QTest::newRow("last") << "2025-12-01 10:00:00" << 5.0 << 300 << 299 << "2025-12-01 10:24:55";
    QTest::newRow("leap day") << "2024-02-28 23:59:58" << 1.0 << 5 << 2 << "2024-02-29 00:00:00";
    QTest::newRow("new year") << "2025-12-31 23:59:50" << 5.0 << 5 << 2 << "2026-01-01 00:00:00";
    QTest::newRow("T separator") << "2025-06-30T23:59:59" << 1.0 << 3 << 1 << "2025-07-01 00:00:00";
    QTest::newRow("fractional interval floors")
        << "2025-12-01 10:00:00" << 2.5 << 10 << 3 << "2025-12-01 10:00:07";
}

void TestDemoSimulator::timestamps()
{
    QFETCH(QString, start);
    QFETCH(double, interval);
    QFETCH(int, samples);
    QFETCH(int, row);
    QFETCH(QString, expected);
    DemoSimulator::Options o = options(static_cast<std::size_t>(samples), interval);
    o.startTime = start.toStdString();
    QTemporaryDir tmp;
    DemoSimulator::write(tmp.path().toStdString(), o);
    const QList<Row> rows = readRows(tmp.path());
    QCOMPARE(rows.size(), samples);
    QCOMPARE(rows[row].stamp, expected);
}

void TestDemoSimulator::valuesStayInRange()
{
    QTemporaryDir tmp;
    DemoSimulator::write(tmp.path().toStdString(), options(3000));
    const QList<Row> rows = readRows(tmp.path());
    QCOMPARE(rows.size(), 3000);
    int minReplicas = 100, maxReplicas = 0, fractionalWaiting = 0;
    for (const Row &r : rows) {
        QVERIFY2(r.replicas >= 1 && r.replicas <= 10, qPrintable(r.stamp));
        QVERIFY2(r.desired >= 1 && r.desired <= 10, qPrintable(r.stamp));
        QVERIFY2(r.kv >= 0.0 && r.kv <= 1.0, qPrintable(r.stamp));
        QVERIFY2(r.waiting >= 0.0, qPrintable(r.stamp));
        QCOMPARE(r.waitingTarget, 10.0);
        QCOMPARE(r.kvTarget, 0.8);
        QVERIFY2(r.jobs >= 0 && r.jobs <= 4, qPrintable(r.stamp));
        if (r.ttft > 0.0) {
            QVERIFY2(r.ttft >= 80.0, qPrintable(r.stamp));
            QVERIFY2(r.itl >= 14.0 && r.itl <= 42.0, qPrintable(r.stamp));
        }
        if (r.waiting != std::floor(r.waiting))
            ++fractionalWaiting;
        minReplicas = std::min(minReplicas, r.replicas);
        maxReplicas = std::max(maxReplicas, r.replicas);
    }
    // The scenario exercises the whole replica range and per-pod averages with decimals.
    QCOMPARE(minReplicas, 1);
    QCOMPARE(maxReplicas, 10);
    QVERIFY(fractionalWaiting > 0);
}

void TestDemoSimulator::latenciesPresentUnderLoad()
{
    QTemporaryDir tmp;
    DemoSimulator::write(tmp.path().toStdString(), options(0));
    const QList<Row> rows = readRows(tmp.path());
    int loaded = 0;
    for (qsizetype i = 1; i < rows.size(); ++i) {
        if (rows[i].jobs == 0 || rows[i - 1].jobs == 0)
            continue;
        ++loaded;
        QVERIFY2(rows[i].ttft > 0.0, qPrintable(rows[i].stamp));
        QVERIFY2(rows[i].itl > 0.0, qPrintable(rows[i].stamp));
        QVERIFY2(rows[i].rate > 0.0, qPrintable(rows[i].stamp));
    }
    QVERIFY(loaded > 100);
    // Before the first Job starts (minute one) nothing is served: "not collected" zeros.
    QCOMPARE(rows[0].ttft, 0.0);
    QCOMPARE(rows[0].rate, 0.0);
    QCOMPARE(rows.last().ttft, 0.0); // the scenario ends with five idle minutes
}

void TestDemoSimulator::desiredChangesFollowHpaRules()
{
    // At 5 s per sample the HPA syncs on every third row (0, 15, 30 s ...), on exactly the values
    // in that row: desired = ceil(ready * value / target) for the larger ratio, a metric within
    // 10 % proposing no change; up by at most max(2x, +4) per sync; down by one pod per sync,
    // and only when every recommendation of the last 120 s (8 syncs) was lower.
    QTemporaryDir tmp;
    DemoSimulator::write(tmp.path().toStdString(), options(3000));
    const QList<Row> rows = readRows(tmp.path());
    QCOMPARE(rows.size(), 3000);
    QCOMPARE(rows[0].desired, 1);

    QList<int> recommendations; // one per sync row
    int ups = 0, downs = 0, limitedUps = 0, heldDowns = 0;
    for (qsizetype i = 1; i < rows.size(); ++i) {
        const int prev = rows[i - 1].desired;
        const int cur = rows[i].desired;
        if (i % 3 != 0) {
            QVERIFY2(cur == prev, qPrintable(rows[i].stamp));
            continue;
        }
        const Row &r = rows[i];
        const auto proposal = [&](double value, double target) {
            const double ratio = value / target;
            return std::abs(ratio - 1.0) <= 0.1 ? double(prev) : std::ceil(r.replicas * ratio);
        };
        const double best = std::max(proposal(r.waiting, 10.0), proposal(r.kv, 0.8));
        const int rec = static_cast<int>(std::clamp(best, 1.0, 10.0));
        recommendations.append(rec);
        const qsizetype window = std::min<qsizetype>(8, recommendations.size());
        const int windowMax =
            *std::max_element(recommendations.end() - window, recommendations.end());

        int expected = prev;
        if (rec > prev) {
            expected = std::min(rec, std::max(2 * prev, prev + 4));
            ++ups;
            if (rec > expected)
                ++limitedUps;
        } else if (windowMax < prev) {
            expected = prev - 1;
            ++downs;
        } else if (rec < prev) {
            ++heldDowns;
        }
        QVERIFY2(cur == expected,
                 qPrintable(QStringLiteral("%1: %2 -> %3, expected %4 (waiting %5, kv %6, "
                                           "ready %7)")
                                .arg(r.stamp)
                                .arg(prev)
                                .arg(cur)
                                .arg(expected)
                                .arg(r.waiting)
                                .arg(r.kv)
                                .arg(r.replicas)));
    }
    // Every branch of the rules must have been exercised for the checks above to mean much.
    QVERIFY(ups > 0);
    QVERIFY(downs > 0);
    QVERIFY(limitedUps > 0);
    QVERIFY(heldDowns > 0);
}

void TestDemoSimulator::eventsLogIsWellFormed()
{
    QTemporaryDir tmp;
    DemoSimulator::write(tmp.path().toStdString(), options(0));
    const QStringList lines = readLines(tmp.filePath("scaling-events.log"));
    QVERIFY(lines.size() >= 4);
    static const QRegularExpression line(
        QStringLiteral(R"(^\[(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)\] )"
                       R"((Monitor started - collecting metrics every 5s|Monitor stopped|)"
                       R"(SCALE (UP|DOWN) TRIGGERED: \d+ -> \d+ \(waiting: \d+(\.\d{1,3})?, )"
                       R"(cache: (0|1|0\.\d{1,3})\)|REPLICAS CHANGED: \d+ -> \d+)$)"));
    QString previousStamp;
    for (const QString &text : lines) {
        const QRegularExpressionMatch m = line.match(text);
        QVERIFY2(m.hasMatch(), qPrintable(text));
        QVERIFY2(m.captured(1) >= previousStamp, qPrintable(text));
        previousStamp = m.captured(1);
    }
    QCOMPARE(lines.first(),
             QStringLiteral("[2025-12-01 10:00:00] Monitor started - collecting metrics every 5s"));
    QCOMPARE(lines[1], QStringLiteral("[2025-12-01 10:00:00] REPLICAS CHANGED: 0 -> 1"));
    QCOMPARE(lines.last(), QStringLiteral("[2025-12-01 10:25:00] Monitor stopped"));
    QCOMPARE(lines.filter(QStringLiteral("Monitor ")).size(), 2);
}

void TestDemoSimulator::eventsMatchMetrics()
{
    QTemporaryDir tmp;
    DemoSimulator::write(tmp.path().toStdString(), options(1500, 5.0, 7));
    const QList<Row> rows = readRows(tmp.path());
    QStringList expected;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const Row &r = rows[i];
        const int prevDesired = i == 0 ? r.desired : rows[i - 1].desired;
        const int prevReplicas = i == 0 ? 0 : rows[i - 1].replicas;
        if (r.desired != prevDesired)
            expected << QStringLiteral("[%1] SCALE %2 TRIGGERED: %3 -> %4 (waiting: %5, cache: %6)")
                            .arg(r.stamp, r.desired > prevDesired ? QStringLiteral("UP")
                                                                  : QStringLiteral("DOWN"))
                            .arg(r.replicas)
                            .arg(r.desired)
                            .arg(r.waitingText, r.kvText);
        if (r.replicas != prevReplicas)
            expected << QStringLiteral("[%1] REPLICAS CHANGED: %2 -> %3")
                            .arg(r.stamp)
                            .arg(prevReplicas)
                            .arg(r.replicas);
    }
    QStringList actual = readLines(tmp.filePath("scaling-events.log"));
    QVERIFY(actual.size() > 2);
    actual.removeFirst();
    actual.removeLast();
    QVERIFY(expected.size() > 20);
    QCOMPARE(actual, expected);
}

void TestDemoSimulator::metadataDescribesRun()
{
    QTemporaryDir tmp;
    DemoSimulator::write(tmp.path().toStdString(), options(0));
    QJsonParseError error;
    const QJsonDocument doc =
        QJsonDocument::fromJson(readBytes(tmp.filePath("metadata.json")), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonObject o = doc.object();
    QCOMPARE(o.value("experiment_name").toString(),
             QStringLiteral("hpa-lens-demo-20251201-100000"));
    QCOMPARE(o.value("start_time").toString(), QStringLiteral("2025-12-01 10:00:00"));
    QCOMPARE(o.value("end_time").toString(), QStringLiteral("2025-12-01 10:25:00"));
    QCOMPARE(o.value("sample_interval_seconds").toInt(), 5);
    QCOMPARE(o.value("job_count").toInt(), 4);
    QCOMPARE(o.value("scale_down_stabilization_seconds").toInt(), 120);
    for (const char *key :
         {"description", "namespace", "hpa_name", "deployment_name", "model_name"})
        QVERIFY2(!o.value(key).toString().isEmpty(), key);
}

void TestDemoSimulator::refusesExistingExperiment()
{
    QTemporaryDir tmp;
    DemoSimulator::write(tmp.path().toStdString(), options(20, 5.0, 1));
    const QByteArray before = readBytes(tmp.filePath("metrics.csv"));
    QString message;
    try {
        DemoSimulator::write(tmp.path().toStdString(), options(20, 5.0, 2));
    } catch (const std::runtime_error &e) {
        message = QString::fromUtf8(e.what());
    }
    QVERIFY2(message.contains(QStringLiteral("metrics.csv")), qPrintable(message));
    QCOMPARE(readBytes(tmp.filePath("metrics.csv")), before);
}

void TestDemoSimulator::overwriteReplacesExperiment()
{
    QTemporaryDir tmp;
    DemoSimulator::write(tmp.path().toStdString(), options(20, 5.0, 1));
    const QByteArray before = readBytes(tmp.filePath("metrics.csv"));
    DemoSimulator::write(tmp.path().toStdString(), options(300, 5.0, 2), true);
    const QByteArray after = readBytes(tmp.filePath("metrics.csv"));
    QVERIFY(after != before);
    QCOMPARE(after.count('\n'), 301);
}

void TestDemoSimulator::rejectsBadOptions_data()
{
    QTest::addColumn<QString>("start");
    QTest::addColumn<double>("interval");
    QTest::newRow("month 13") << "2025-13-01 10:00:00" << 5.0;
    QTest::newRow("30 February") << "2025-02-30 10:00:00" << 5.0;
    QTest::newRow("hour 24") << "2025-12-01 24:00:00" << 5.0;
    QTest::newRow("not a time") << "yesterday" << 5.0;
    QTest::newRow("zone suffix") << "2025-12-01 10:00:00Z" << 5.0;
    QTest::newRow("zero interval") << "2025-12-01 10:00:00" << 0.0;
    QTest::newRow("negative interval") << "2025-12-01 10:00:00" << -5.0;
    QTest::newRow("NaN interval") << "2025-12-01 10:00:00" << std::nan("");
}

void TestDemoSimulator::rejectsBadOptions()
{
    QFETCH(QString, start);
    QFETCH(double, interval);
    DemoSimulator::Options o = options(10, interval);
    o.startTime = start.toStdString();
    QTemporaryDir tmp;
    const QString dir = tmp.filePath("out");
    QVERIFY_THROWS_EXCEPTION(std::runtime_error, DemoSimulator::write(dir.toStdString(), o));
    QVERIFY(!QFile::exists(dir + "/metrics.csv"));
}

void TestDemoSimulator::rejectsFileAsDirectory()
{
    QTemporaryDir tmp;
    const QString path = tmp.filePath("plain-file");
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("x");
    f.close();
    QVERIFY_THROWS_EXCEPTION(std::runtime_error,
                             DemoSimulator::write(path.toStdString(), options(10)));
    QCOMPARE(readBytes(path), QByteArray("x"));
}

void TestDemoSimulator::generatesHundredThousandRows()
{
    QTemporaryDir tmp;
    QElapsedTimer timer;
    timer.start();
    DemoSimulator::write(tmp.path().toStdString(), options(100000));
    qInfo("100000 rows written in %lld ms", static_cast<long long>(timer.elapsed()));
    const QByteArray csv = readBytes(tmp.filePath("metrics.csv"));
    QCOMPARE(csv.count('\n'), 100001);
    // 99999 * 5 s = 5 days 18:53:15 after the start.
    const qsizetype lastLine = csv.lastIndexOf('\n', csv.size() - 2) + 1;
    QCOMPARE(csv.mid(lastLine, 19), QByteArray("2025-12-07 04:53:15"));
}

QTEST_GUILESS_MAIN(TestDemoSimulator)
#include "tst_demo_simulator.moc"
