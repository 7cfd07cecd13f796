// `hpa-lens table ROOT`: every run under ROOT as text, JSON or CSV, sorted and filtered, from
// the catalog in $XDG_CACHE_HOME on the second call.
#include "cli_process.h"

#include "core/demo/demo_simulator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <filesystem>

namespace fs = std::filesystem;
using hpa::test::runHpaLens;

class TestCliTable : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void jsonHasOneObjectPerRun();
    void csvAndSort();
    void filterAndText();
    void secondRunComesFromTheCatalog();
    void sharedExamples();
    void badUsage();
    void scatterJson_data();
    void scatterJson();
    void scatterPicture_data();
    void scatterPicture();
    void scatterBadUsage_data();
    void scatterBadUsage();
    void scatterFailurePrintsOneLine_data();
    void scatterFailurePrintsOneLine();

private:
    QProcessEnvironment env() const
    {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert("XDG_CACHE_HOME", m_tmp->filePath("cache"));
        return e;
    }
    QJsonArray json(const QStringList &extra = {})
    {
        const auto r =
            runHpaLens(QStringList{"table", m_root, "--json"} + extra, true, 120000, env());
        if (r.exitCode != 0)
            qWarning() << r.err;
        return QJsonDocument::fromJson(r.out).array();
    }

    std::unique_ptr<QTemporaryDir> m_tmp;
    QString m_root;
};

void TestCliTable::init()
{
    m_tmp = std::make_unique<QTemporaryDir>();
    m_root = m_tmp->filePath("runs");
    // Three demo runs of different lengths at two depths, and the bundled example.
    const int samples[] = {60, 120, 90};
    for (int i = 0; i < 3; ++i) {
        hpa::core::DemoSimulator::Options o;
        o.samples = static_cast<std::size_t>(samples[i]);
        o.seed = static_cast<std::uint64_t>(7 + i);
        const QString dir = m_root + (i == 2 ? "/deep/er/" : "/") + "demo-" + QString::number(i);
        hpa::core::DemoSimulator::write(dir.toStdString(), o);
    }
    fs::create_directories((m_root + "/bundled").toStdString());
    fs::copy(HPA_SOURCE_DIR "/resources/examples/demo-hpa-20251201-100000",
             (m_root + "/bundled/demo-hpa-20251201-100000").toStdString(),
             fs::copy_options::recursive);
}

void TestCliTable::jsonHasOneObjectPerRun()
{
    const QJsonArray runs = json();
    QCOMPARE(runs.size(), 4);
    QStringList names;
    for (const auto &v : runs) {
        const QJsonObject o = v.toObject();
        names << o["name"].toString();
        for (const char *key : {"name",
                                "path",
                                "layout",
                                "start",
                                "duration_s",
                                "samples",
                                "warnings",
                                "replicas_max",
                                "replicas_mean",
                                "replica_hours",
                                "waiting_p90",
                                "kv_cache_mean_pct",
                                "theta_u_pct",
                                "tau_u_pct",
                                "reaction_median_s",
                                "slo_ttft_attainment_pct",
                                "slo_itl_attainment_pct",
                                "status",
                                "tags",
                                "notes"})
            QVERIFY2(o.contains(key), key);
        QVERIFY(QFileInfo(o["path"].toString()).isAbsolute());
        QCOMPARE(o["status"].toString(), QString("ok"));
    }
    names.sort();
    QCOMPARE(names, (QStringList{"demo-0", "demo-1", "demo-2", "demo-hpa-20251201-100000"}));
    // The bundled example's numbers are the ones `hpa-lens summary --json` prints.
    const auto summary =
        runHpaLens({"summary", m_root + "/bundled/demo-hpa-20251201-100000", "--json"}, true);
    const QJsonObject s = QJsonDocument::fromJson(summary.out).object();
    for (const auto &v : runs) {
        const QJsonObject o = v.toObject();
        if (o["name"] != "demo-hpa-20251201-100000")
            continue;
        QCOMPARE(o["samples"].toDouble(), s["samples"].toDouble());
        QCOMPARE(o["start"].toString(), s["start"].toString());
        QCOMPARE(o["replicas_max"].toDouble(), s["replicas"].toObject()["max"].toDouble());
        QCOMPARE(o["duration_s"].toDouble(), s["duration_s"].toDouble());
    }
}

void TestCliTable::csvAndSort()
{
    const auto r =
        runHpaLens({"table", m_root, "--csv", "--sort", "-samples"}, true, 120000, env());
    QCOMPARE(r.exitCode, 0);
    const QStringList lines = QString::fromUtf8(r.out).split('\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 5);
    QVERIFY(lines[0].startsWith("name,path,layout,start,start_s,duration_s,samples,"));
    // Descending by samples: 300 (bundled), 120, 90, 60.
    QVERIFY2(lines[1].startsWith("demo-hpa-20251201-100000,"), qPrintable(lines[1]));
    QVERIFY2(lines[2].startsWith("demo-1,"), qPrintable(lines[2]));
    QVERIFY2(lines[3].startsWith("demo-2,"), qPrintable(lines[3]));
    QVERIFY2(lines[4].startsWith("demo-0,"), qPrintable(lines[4]));
    const QJsonArray asc = json({"--sort", "samples"});
    QCOMPARE(asc.first().toObject()["samples"].toDouble(), 60.0);
    QCOMPARE(asc.last().toObject()["samples"].toDouble(), 300.0);
}

void TestCliTable::filterAndText()
{
    const QJsonArray deep = json({"--filter", "deep"});
    QCOMPARE(deep.size(), 1);
    QCOMPARE(deep.first().toObject()["name"].toString(), QString("demo-2"));
    const auto text = runHpaLens({"table", m_root}, true, 120000, env());
    QCOMPARE(text.exitCode, 0);
    const QString out = QString::fromUtf8(text.out);
    QVERIFY(out.contains("θU (%)"));
    QVERIFY(out.contains("4 run(s)."));
    for (const char *name : {"demo-0", "demo-1", "demo-2", "demo-hpa-20251201-100000"})
        QVERIFY2(out.contains(name), name);
}

void TestCliTable::secondRunComesFromTheCatalog()
{
    const QJsonArray first = json();
    QVERIFY(QFileInfo::exists(m_tmp->filePath("cache/hpa-lens/library.sqlite")));
    const QJsonArray second = json();
    QCOMPARE(second, first);
    // Nothing was written into the experiment folders.
    for (const auto &e : fs::recursive_directory_iterator(m_root.toStdString()))
        QVERIFY2(e.path().string().find("sqlite") == std::string::npos, e.path().c_str());
}

void TestCliTable::sharedExamples()
{
    const QString shared = HPA_SHARED_DIR "/examples";
    if (!QFileInfo(shared).isDir())
        QSKIP("../shared/examples is not there");
    const auto r = runHpaLens({"table", shared, "--json", "--no-catalog"}, true);
    QCOMPARE(r.exitCode, 0);
    const QJsonArray runs = QJsonDocument::fromJson(r.out).array();
    QCOMPARE(runs.size(), 4); // two monitor runs, two WVA runs
    for (const auto &v : runs)
        QCOMPARE(v.toObject()["status"].toString(), QString("ok"));
}

void TestCliTable::badUsage()
{
    QCOMPARE(runHpaLens({"table"}, true).exitCode, 2);
    QCOMPARE(runHpaLens({"table", m_root, "--json", "--csv"}, true).exitCode, 2);
    const auto badKey = runHpaLens({"table", m_root, "--sort", "nope"}, true);
    QCOMPARE(badKey.exitCode, 2);
    QVERIFY(badKey.err.contains("replica_hours"));
    const auto notDir = runHpaLens({"table", m_tmp->filePath("none")}, true, 120000, env());
    QCOMPARE(notDir.exitCode, 2);
    QVERIFY(notDir.err.contains("not a folder"));
}

void TestCliTable::scatterJson_data()
{
    QTest::addColumn<QStringList>("axes"); // the words after --scatter
    QTest::addColumn<QString>("x");
    QTest::addColumn<QString>("y");
    QTest::newRow("default: replica-hours vs thetaU") << QStringList{} << "replica_hours"
                                                      << "theta_u_pct";
    QTest::newRow("chosen") << QStringList{"duration_s,replicas_max"} << "duration_s"
                            << "replicas_max";
    QTest::newRow("with a filter")
        << QStringList{"replica_hours,tau_u_pct", "--filter", "deep"} << "replica_hours"
        << "tau_u_pct";
}

void TestCliTable::scatterJson()
{
    QFETCH(QStringList, axes);
    QFETCH(QString, x);
    QFETCH(QString, y);
    const auto r =
        runHpaLens(QStringList{"table", m_root, "--json", "--scatter"} + axes, true, 120000, env());
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(o["x"].toObject()["key"].toString(), x);
    QCOMPARE(o["y"].toObject()["key"].toString(), y);
    const QJsonArray points = o["points"].toArray();
    const int runs = axes.contains("--filter") ? 1 : 4; // only demo-2 is under deep/
    QCOMPARE(points.size() + o["unplaced"].toInt(), runs);
    // The front as the library draws it: no point on it is beaten by another on both axes,
    // every point off it is.
    const auto lower = [](const QJsonObject &axis) {
        return axis["better"].toString() != QStringLiteral("higher");
    };
    const bool lx = lower(o["x"].toObject()), ly = lower(o["y"].toObject());
    const auto beats = [&](const QJsonObject &p, const QJsonObject &q) {
        const double px = p["x"].toDouble(), py = p["y"].toDouble();
        const double qx = q["x"].toDouble(), qy = q["y"].toDouble();
        const bool geX = lx ? px <= qx : px >= qx, geY = ly ? py <= qy : py >= qy;
        return geX && geY && (px != qx || py != qy);
    };
    const bool hasFront = o["pareto_front"].toBool();
    int onFront = 0;
    for (const auto &pv : points) {
        const QJsonObject p = pv.toObject();
        QVERIFY(p.contains("name") && p.contains("path"));
        bool beaten = false;
        for (const auto &qv : points)
            beaten = beaten || beats(qv.toObject(), p);
        if (hasFront)
            QCOMPARE(p["pareto"].toBool(), !beaten);
        else
            QVERIFY(!p["pareto"].toBool());
        onFront += p["pareto"].toBool();
    }
    if (hasFront && !points.isEmpty())
        QVERIFY(onFront >= 1);
}

void TestCliTable::scatterPicture_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("magic");
    QTest::newRow("svg") << "scatter.svg" << QByteArray("<?xml");
    QTest::newRow("png") << "scatter.png" << QByteArray("\x89PNG");
    QTest::newRow("pdf") << "scatter.pdf" << QByteArray("%PDF");
}

void TestCliTable::scatterPicture()
{
    QFETCH(QString, file);
    QFETCH(QByteArray, magic);
    const QString path = m_tmp->filePath(file);
    QProcessEnvironment e = env();
    e.insert("QT_QPA_PLATFORM", "offscreen");
    const auto r = runHpaLens({"table", m_root, "--scatter", "-o", path, "--size", "800x500"},
                              false, 120000, e);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(r.out.contains("4 run(s) placed") || r.out.contains("run(s) placed"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    QVERIFY(bytes.startsWith(magic));
    // The axes are named as in the window's scatter.
    if (file.endsWith(".svg"))
        QVERIFY(bytes.contains("Replica-hours"));
}

void TestCliTable::scatterBadUsage_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown key") << QStringList{"--scatter", "nope,theta_u_pct", "--json"}
                                 << "--scatter expects";
    QTest::newRow("a text column")
        << QStringList{"--scatter", "name,theta_u_pct", "--json"} << "--scatter expects";
    QTest::newRow("neither --json nor -o") << QStringList{"--scatter"} << "--scatter needs";
    QTest::newRow("-o without --scatter") << QStringList{"-o", "x.svg"} << "--scatter";
    QTest::newRow("not a picture") << QStringList{"--scatter", "-o", "x.txt"} << ".png, .svg";
    QTest::newRow("--csv") << QStringList{"--scatter", "--csv"} << "not --csv";
}

void TestCliTable::scatterBadUsage()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const auto r = runHpaLens(QStringList{"table", m_root} + args, true, 120000, env());
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(message.toUtf8()), r.err.constData());
}

void TestCliTable::scatterFailurePrintsOneLine_data()
{
    QTest::addColumn<bool>("rootExists");
    QTest::addColumn<QString>("output"); // relative to the temporary folder
    QTest::addColumn<QString>("message");
    // The listing fails: TableCommand::listRows prints the line, the picture adds none.
    QTest::newRow("root not a folder") << false << "scatter.svg"
                                       << "not a folder";
    // The picture cannot be written: the chart's own error, once.
    QTest::newRow("output folder missing") << true << "no-such-folder/scatter.svg"
                                           << "no-such-folder";
}

void TestCliTable::scatterFailurePrintsOneLine()
{
    QFETCH(bool, rootExists);
    QFETCH(QString, output);
    QFETCH(QString, message);
    QProcessEnvironment e = env();
    e.insert("QT_QPA_PLATFORM", "offscreen");
    const QString root = rootExists ? m_root : m_tmp->filePath("no-such-root");
    const auto r =
        runHpaLens({"table", root, "--scatter", "-o", m_tmp->filePath(output)}, false, 120000, e);
    QCOMPARE(r.exitCode, 2);
    const QList<QByteArray> lines = r.err.trimmed().split('\n');
    QVERIFY2(lines.size() == 1, r.err.constData());
    QVERIFY2(lines.front().startsWith("hpa-lens: ") && lines.front().contains(message.toUtf8()),
             r.err.constData());
    QVERIFY(!QFile::exists(m_tmp->filePath(output)));
}

QTEST_GUILESS_MAIN(TestCliTable)
#include "tst_cli_table.moc"
