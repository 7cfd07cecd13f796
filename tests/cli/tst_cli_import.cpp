// `hpa-lens import prometheus` against a real Prometheus holding a demo run: the folder it
// writes is one `hpa-lens summary` reads with the same statistics as the demo's own folder
// at the same step (issue #18's done-when), and the command's refusals.
#include "cli_process.h"
#include "prometheus_demo_series.h"
#include "prometheus_server.h"

#include <nlohmann/json.hpp>

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <fstream>
#include <string>

namespace {

using Json = nlohmann::ordered_json;
using hpa::test::runHpaLens;

/// The summary's statistics that do not depend on how latency and request rate are averaged.
const char *const kSameKeys[] = {"samples",       "duration_s",   "median_interval_s", "gaps",
                                 "kv_cache_unit", "waiting_unit", "replicas",          "events",
                                 "targets",       "violations"};
/// TTFT, ITL and request rate are 1-minute means from counters in Prometheus, a sample's
/// own value in the demo's folder: not the same quantity, so not compared here
/// (tst_prometheus_import checks them against rate() over the written counters).
const char *const kSameSeries[] = {"replicas", "desired_replicas", "waiting", "kv_cache_pct",
                                   "active_jobs"};

} // namespace

class TestCliImport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_demo = m_dir.filePath(QStringLiteral("demo"));
        const auto demo = runHpaLens({QStringLiteral("demo"), m_demo});
        QVERIFY2(demo.exitCode == 0, demo.err.constData());
        m_series = hpa::test::PrometheusDemoSeries::fromDemoFolder(m_demo.toStdString(), {});
        const QString problem = m_server.start(m_series.openMetrics());
        if (!problem.isEmpty())
            QSKIP(qPrintable(QStringLiteral("no real Prometheus to import from: ") + problem));
        // The shipped preset with a live window shorter than the 5 s step: a pod that is gone
        // at a sample is not averaged, as in the demo's own rows.
        QFile shipped(QStringLiteral(HPA_SOURCE_DIR "/resources/presets/vllm-ksm.json"));
        QVERIFY(shipped.open(QIODevice::ReadOnly));
        Json preset = Json::parse(shipped.readAll().toStdString());
        preset["live_window"] = "4s";
        m_preset = m_dir.filePath(QStringLiteral("step-live.json"));
        std::ofstream(m_preset.toStdString()) << preset.dump(2);
        m_token = m_dir.filePath(QStringLiteral("token"));
        std::ofstream(m_token.toStdString()) << "tok-never-written\n";
    }

    void summaryMatchesTheDemosOwnFolder()
    {
        const QString out = m_dir.filePath(QStringLiteral("imported"));
        const auto imported = runHpaLens(importArgs(out));
        QVERIFY2(imported.exitCode == 0, imported.err.constData());
        QVERIFY(imported.out.contains("Imported 300 samples"));
        const auto a = runHpaLens({QStringLiteral("summary"), m_demo, QStringLiteral("--json")});
        const auto b = runHpaLens({QStringLiteral("summary"), out, QStringLiteral("--json")});
        QVERIFY2(a.exitCode == 0 && b.exitCode == 0, (a.err + b.err).constData());
        const Json demo = Json::parse(a.out.toStdString());
        const Json import = Json::parse(b.out.toStdString());
        for (const char *key : kSameKeys)
            QVERIFY2(demo.at(key) == import.at(key),
                     qPrintable(QStringLiteral("%1: demo %2, imported %3")
                                    .arg(key, QString::fromStdString(demo.at(key).dump()),
                                         QString::fromStdString(import.at(key).dump()))));
        for (const char *key : kSameSeries)
            QVERIFY2(
                demo.at("series").at(key) == import.at("series").at(key),
                qPrintable(QStringLiteral("series %1: demo %2, imported %3")
                               .arg(key, QString::fromStdString(demo.at("series").at(key).dump()),
                                    QString::fromStdString(import.at("series").at(key).dump()))));
        QVERIFY(demo.at("events").at("scale_up").get<int>() > 0);
        // Not vacuous: the compared series hold real statistics.
        for (const char *key : {"waiting", "kv_cache_pct", "replicas"})
            QVERIFY(import.at("series").at(key).at("max").get<double>() > 0);
        qInfo().noquote() << runHpaLens({QStringLiteral("summary"), out}).out;
        // The import's own series: ready replicas, read and summed up.
        QVERIFY(import.at("series").contains("ready_replicas"));
        QCOMPARE(import.at("metadata").at("source").get<std::string>(), std::string("prometheus"));
        // min/max replicas from kube-state-metrics are the HPA limits the scorecard uses.
        QVERIFY(import.at("metadata").at("max_replicas") == Json(10));
        // The scorecard too, but its SLO attainment, which is judged on TTFT and ITL.
        for (const auto &[k, v] : demo.at("autoscaling").items())
            if (k != "slo")
                QVERIFY2(import.at("autoscaling").at(k) == v,
                         (k + ": demo " + v.dump() + ", imported " +
                          import.at("autoscaling").at(k).dump())
                             .c_str());
        // The token is sent, never written.
        QDirIterator files(out, QDir::Files);
        while (files.hasNext()) {
            QFile f(files.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY2(!f.readAll().contains("tok-never-written"), qPrintable(f.fileName()));
        }
    }

    void existingFolderIsRefused()
    {
        const auto again = runHpaLens(importArgs(m_demo));
        QCOMPARE(again.exitCode, 2);
        QVERIFY2(again.err.contains("already exists"), again.err.constData());
    }

    void serverDownIsOneLine()
    {
        QStringList args = importArgs(m_dir.filePath(QStringLiteral("never")));
        args[2] = QStringLiteral("http://127.0.0.1:%1").arg(hpa::test::freeLoopbackPort());
        const auto r = runHpaLens(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.startsWith("hpa-lens: cannot reach Prometheus at http://127.0.0.1:"),
                 r.err.constData());
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY(!QDir(m_dir.filePath(QStringLiteral("never"))).exists());
    }

    void timesNeedAZone()
    {
        QStringList args = importArgs(m_dir.filePath(QStringLiteral("never")));
        args[args.indexOf(QStringLiteral("--from")) + 1] = QStringLiteral("2025-12-01 10:00:00");
        const auto r = runHpaLens(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("is not ISO 8601 with Z or an offset"), r.err.constData());
    }

    void unixSecondsAndOffsetsAreTheSameRange()
    {
        const QString out = m_dir.filePath(QStringLiteral("unix"));
        QStringList args = importArgs(out);
        args[args.indexOf(QStringLiteral("--from")) + 1] =
            QString::number(qint64(m_series.times().front()));
        args[args.indexOf(QStringLiteral("--to")) + 1] =
            QStringLiteral("2025-12-01T11:24:55+01:00");
        const auto r = runHpaLens(args);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.contains("Imported 300 samples"));
    }

    void cleanupTestCase() { m_server.stop(); }

private:
    QStringList importArgs(const QString &out) const
    {
        return {QStringLiteral("import"),
                QStringLiteral("prometheus"),
                m_server.url(),
                QStringLiteral("--namespace"),
                QStringLiteral("hpa-lens-demo"),
                QStringLiteral("--hpa"),
                QStringLiteral("vllm-hpa-combined"),
                QStringLiteral("--from"),
                QStringLiteral("2025-12-01T10:00:00Z"),
                QStringLiteral("--to"),
                QStringLiteral("2025-12-01T10:24:55Z"),
                QStringLiteral("--step"),
                QStringLiteral("5"),
                QStringLiteral("--preset"),
                m_preset,
                QStringLiteral("--token-file"),
                m_token,
                out};
    }

    QTemporaryDir m_dir;
    QString m_demo, m_preset, m_token;
    hpa::test::PrometheusDemoSeries m_series;
    hpa::test::PrometheusServer m_server;
};

QTEST_GUILESS_MAIN(TestCliImport)
#include "tst_cli_import.moc"
