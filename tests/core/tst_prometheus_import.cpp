// The Prometheus import against a real Prometheus (Debian's prometheus and promtool): a demo
// run backfilled as the series a cluster would hold, imported, every column checked against
// what was written; and each way an import fails.
#include "core/demo/demo_simulator.h"
#include "core/import/prometheus_client.h"
#include "core/import/prometheus_importer.h"
#include "core/load/experiment_loader.h"
#include "http_stub.h"
#include "prometheus_demo_series.h"
#include "prometheus_server.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

#include <QElapsedTimer>

#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <thread>

#include <cmath>
#include <memory>

using hpa::core::ImportedRun;
using hpa::core::ImportPreset;
using hpa::core::PrometheusClient;
using hpa::core::PrometheusImporter;
using hpa::test::PrometheusDemoSeries;
using Pod = PrometheusDemoSeries::Pod;

namespace {

/// Equal, or both NaN (nothing there): a missing value must stay missing.
bool same(double a, double b)
{
    return (std::isnan(a) && std::isnan(b)) || a == b;
}

bool near(double a, double b, double relative)
{
    if (std::isnan(a) || std::isnan(b))
        return std::isnan(a) && std::isnan(b);
    return std::abs(a - b) <= relative * std::max(1.0, std::abs(b));
}

ImportPreset shippedPreset(const char *name)
{
    auto loaded =
        ImportPreset::load(std::string(HPA_SOURCE_DIR) + "/resources/presets/" + name + ".json");
    if (!loaded.error.empty())
        qFatal("%s", loaded.error.c_str());
    return loaded.preset;
}

} // namespace

class TestPrometheusImport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_demoDir = m_dir.filePath(QStringLiteral("demo")).toStdString();
        hpa::core::DemoSimulator::write(m_demoDir, {});
        PrometheusDemoSeries::Options options;
        options.dyadic = true;
        m_series = PrometheusDemoSeries::fromDemoFolder(m_demoDir, options);
        QVERIFY(m_series.times().size() > 100);
        const QString problem = m_server.start(m_series.openMetrics());
        if (!problem.isEmpty())
            QSKIP(qPrintable(QStringLiteral("no real Prometheus to import from: ") + problem));
    }

    /// Every column on a grid 2 s after the written samples: each value is the last sample
    /// at or before its grid time, the per-pod averages exact, the latency means and the
    /// request rate as PromQL's rate() computes them from the written counters.
    void columnsMatchWhatWasWritten()
    {
        const auto result = PrometheusImporter::fetch(request(2, 5), {});
        QVERIFY2(result.ok, result.error.c_str());
        const ImportedRun &run = result.run;
        QCOMPARE(run.deployment, std::string("vllm-decode")); // from kube_..._info
        const auto column = [&](const char *name) -> const std::vector<double> & {
            const auto *c = run.column(name);
            if (!c)
                qFatal("no column %s", name);
            return c->values;
        };
        int latencies = 0, rates = 0;
        for (std::size_t k = 0; k < run.times.size(); ++k) {
            const double t = run.times[k];
            const auto at = [&](const char *what) {
                return qPrintable(QStringLiteral("%1 at row %2").arg(what).arg(k));
            };
            QVERIFY2(
                same(column("replicas")[k], PrometheusDemoSeries::lastAt(m_series.replicas, t)),
                at("replicas"));
            QVERIFY2(same(column("desired_replicas")[k],
                          PrometheusDemoSeries::lastAt(m_series.desired, t)),
                     at("desired"));
            QVERIFY2(
                same(column("ready_replicas")[k], PrometheusDemoSeries::lastAt(m_series.ready, t)),
                at("ready"));
            QVERIFY2(same(column("num_requests_waiting_target")[k],
                          PrometheusDemoSeries::lastAt(m_series.waitingTarget, t)),
                     at("waiting target"));
            QVERIFY2(same(column("kv_cache_usage_target")[k],
                          PrometheusDemoSeries::lastAt(m_series.kvTarget, t)),
                     at("kv target"));
            QVERIFY2(same(column("active_jobs")[k], m_series.activeJobsAt(t)), at("active jobs"));
            QVERIFY2(
                same(column("num_requests_waiting")[k], m_series.liveAverage(&Pod::waiting, t, 30)),
                at("waiting"));
            QVERIFY2(same(column("kv_cache_usage_perc")[k], m_series.liveAverage(&Pod::kv, t, 30)),
                     at("kv"));
            const double ttft = m_series.latencyMeanMs(&Pod::ttftSum, &Pod::ttftCount, t);
            const double itl = m_series.latencyMeanMs(&Pod::itlSum, &Pod::itlCount, t);
            QVERIFY2(near(column("ttft_ms")[k], ttft, 1e-9),
                     qPrintable(QStringLiteral("ttft at row %1: %2 vs %3")
                                    .arg(k)
                                    .arg(column("ttft_ms")[k])
                                    .arg(ttft)));
            QVERIFY2(near(column("itl_ms")[k], itl, 1e-9), at("itl"));
            QVERIFY2(near(column("request_rate_per_min")[k], m_series.requestsPerMinute(t), 1e-9),
                     at("rate"));
            latencies += !std::isnan(ttft) && !std::isnan(itl);
            rates += !std::isnan(m_series.requestsPerMinute(t));
        }
        // Not vacuous: the demo has traffic for most of its 25 minutes.
        QVERIFY(latencies > 150);
        QVERIFY(rates > 150);
        // ITL came from the fallback name; min/max replicas went to the metadata.
        QVERIFY(run.column("itl_ms")->query.find("time_per_output_token") != std::string::npos);
        QCOMPARE(run.metadataValues.at("min_replicas"), 1.0);
        QCOMPARE(run.metadataValues.at("max_replicas"), 10.0);
    }

    /// The grid need not match the samples: at a 7 s step each value is the sample written at
    /// or before the grid time (samples are every 5 s).
    void gridValueIsLastSampleAtOrBefore()
    {
        const auto result = PrometheusImporter::fetch(request(0, 7), {});
        QVERIFY2(result.ok, result.error.c_str());
        const auto &replicas = result.run.column("replicas")->values;
        const double t0 = m_series.times().front();
        int changes = 0;
        for (std::size_t k = 0; k < result.run.times.size(); ++k) {
            const auto row = static_cast<std::size_t>(std::floor((result.run.times[k] - t0) / 5));
            QCOMPARE(replicas[k], m_series.replicas[row].second);
            changes += k > 0 && replicas[k] != replicas[k - 1];
        }
        QVERIFY(changes >= 4);
    }

    /// The decision on vanished pods: backfilled (and remote-written) series carry no
    /// staleness markers, so a plain selector would keep a deleted pod's last value in the
    /// average for 5 minutes. The presets count a pod only while it reported within
    /// live_window (30 s): right after a scale-down the vanished pod still counts, 30 s
    /// later it does not, although the 5-minute lookback would still see it.
    void vanishedPodsCountForTheLiveWindowOnly()
    {
        const auto result = PrometheusImporter::fetch(request(2, 5), {});
        QVERIFY2(result.ok, result.error.c_str());
        const auto &waiting = result.run.column("num_requests_waiting")->values;
        int stillCounted = 0, dropped = 0;
        for (std::size_t k = 0; k < result.run.times.size(); ++k) {
            const double t = result.run.times[k];
            // Average over the pods that reported at the last sample time only.
            const double current = m_series.liveAverage(&Pod::waiting, t, 2.5);
            // What the 5-minute lookback alone would give.
            double sum = 0;
            int n = 0;
            for (const Pod &pod : m_series.pods)
                if (const double v = PrometheusDemoSeries::lastAt(pod.waiting, t); !std::isnan(v)) {
                    sum += v;
                    ++n;
                }
            const double lookback = n ? sum / n : std::nan("");
            if (std::isnan(waiting[k]) || same(current, lookback))
                continue;
            if (same(waiting[k], current))
                ++dropped; // a pod gone more than 30 s ago no longer counts
            else if (same(waiting[k], m_series.liveAverage(&Pod::waiting, t, 30)))
                ++stillCounted; // gone less than 30 s ago: still counts
            else
                QFAIL(qPrintable(QStringLiteral("row %1: %2 is neither").arg(k).arg(waiting[k])));
        }
        QVERIFY2(dropped > 0, "no row where a vanished pod was left out: the test proves nothing");
        QVERIFY2(stillCounted > 0, "no row within the live window of a vanished pod");
    }

    /// The folder: newer layout, UTC timestamps, derived events, metadata naming the source
    /// and every query; read back by the loader with ready_replicas as a series.
    void writesAFolderTheLoaderReads()
    {
        const QString out = m_dir.filePath(QStringLiteral("imported"));
        auto req = request(0, 5);
        req.token = "s3cret-token";
        const auto result = PrometheusImporter::import(req, out.toStdString(), {});
        QVERIFY2(result.ok, result.error.c_str());
        QCOMPARE(
            QDir(m_dir.path()).entryList(QDir::Hidden | QDir::AllEntries | QDir::NoDotAndDotDot),
            QStringList({QStringLiteral("demo"), QStringLiteral("imported")}));
        QFile csv(out + QStringLiteral("/metrics.csv"));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QByteArray content = csv.readAll();
        QVERIFY(content.startsWith("timestamp,replicas,desired_replicas,ready_replicas,"));
        QVERIFY(content.contains("\n2025-12-01T10:00:00Z,1,1,1,"));
        QFile meta(out + QStringLiteral("/metadata.json"));
        QVERIFY(meta.open(QIODevice::ReadOnly));
        const QByteArray metaText = meta.readAll();
        QVERIFY(!metaText.contains("s3cret"));
        const auto json = nlohmann::json::parse(metaText.toStdString());
        QCOMPARE(json.at("source").get<std::string>(), std::string("prometheus"));
        QCOMPARE(json.at("prometheus_url").get<std::string>(), m_server.url().toStdString());
        QCOMPARE(json.at("start_time").get<std::string>(), std::string("2025-12-01T10:00:00Z"));
        QCOMPARE(json.at("step_seconds").get<double>(), 5.0);
        QCOMPARE(json.at("queries").size(), req.preset.columns.size());
        QVERIFY(json.at("queries").at("itl_ms").size() == 2); // the fallback was asked too
        const auto experiment = hpa::core::ExperimentLoader::load(out.toStdString());
        const auto &table = experiment.metrics;
        QCOMPARE(table.rowCount(), m_series.times().size());
        QVERIFY(table.has("ready_replicas"));
        const auto demo = hpa::core::ExperimentLoader::load(m_demoDir);
        QCOMPARE(*table.values("replicas"), *demo.metrics.values("replicas"));
        // Derived scaling events: the same scale-ups as the demo's own log.
        const auto ups = [](const hpa::core::Experiment &e) {
            int n = 0;
            for (const auto &event : e.events)
                n += event.kind == hpa::core::EventKind::ScaleUp;
            return n;
        };
        QVERIFY(ups(experiment) > 0);
        QCOMPARE(ups(experiment), ups(demo));
        QFile events(out + QStringLiteral("/scaling-events.log"));
        QVERIFY(events.open(QIODevice::ReadOnly));
        QVERIFY(events.readLine().contains("derived by HPA Lens from Prometheus"));
    }

    void existingFolderIsRefused()
    {
        QTemporaryDir dir;
        const auto result = PrometheusImporter::import(request(0, 5), dir.path().toStdString(), {});
        QVERIFY(!result.ok);
        QVERIFY2(result.error.find("already exists") != std::string::npos, result.error.c_str());
        QVERIFY(QDir(dir.path()).isEmpty());
    }

    /// A series the server does not have: an empty column and a warning naming the query,
    /// never zeros; the loader reads the column as missing values.
    void missingSeriesIsAnEmptyColumn()
    {
        auto req = request(0, 5);
        req.preset.columns.push_back(
            {"gpu_util", {"avg(DCGM_FI_DEV_GPU_UTIL{namespace=\"{{namespace}}\"})"}, false});
        const QString out = m_dir.filePath(QStringLiteral("missing"));
        const auto result = PrometheusImporter::import(req, out.toStdString(), {});
        QVERIFY2(result.ok, result.error.c_str());
        bool warned = false;
        for (const auto &w : result.run.warnings)
            warned |= w.find("avg(DCGM_FI_DEV_GPU_UTIL{namespace=\"hpa-lens-demo\"})") !=
                          std::string::npos &&
                      w.find("left empty") != std::string::npos;
        QVERIFY(warned);
        const auto experiment = hpa::core::ExperimentLoader::load(out.toStdString());
        const auto *gpu = experiment.metrics.values("gpu_util");
        if (gpu) // an all-empty column may be dropped by the loader; never zeros
            for (const double v : *gpu)
                QVERIFY(std::isnan(v));
        QFile csv(out + QStringLiteral("/metrics.csv"));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        csv.readLine();
        QVERIFY(csv.readLine().trimmed().endsWith(','));
    }

    /// A query Prometheus cannot parse: HTTP 400, and the message names the query and quotes
    /// Prometheus' own error.
    void badPresetQueryIsA400NamingIt()
    {
        auto req = request(0, 5);
        req.preset.columns.insert(req.preset.columns.begin(),
                                  {"replicas", {"sum(rate(vllm:request_success_total[1m]"}, false});
        const auto result = PrometheusImporter::fetch(req, {});
        QVERIFY(!result.ok);
        QVERIFY2(
            result.error.find("rejected the query `sum(rate(vllm:request_success_total[1m]`") !=
                std::string::npos,
            result.error.c_str());
        QVERIFY2(result.error.find("HTTP 400") != std::string::npos, result.error.c_str());
        QVERIFY2(result.error.find("parse error") != std::string::npos, result.error.c_str());
        QVERIFY(result.error.find('\n') == std::string::npos);
    }

    /// A range of more points than one request may ask: several requests on one grid,
    /// the same series as one request gives.
    void longRangeIsSplitIntoChunks()
    {
        PrometheusClient::Options options;
        options.baseUrl = m_server.url().toStdString();
        const std::string query = "max(kube_horizontalpodautoscaler_status_current_replicas)";
        const double from = m_series.times().front(), to = m_series.times().back();
        const auto whole = PrometheusClient(options).queryRange(query, from, to, 5);
        options.maxPointsPerRequest = 40;
        const auto split = PrometheusClient(options).queryRange(query, from, to, 5);
        QVERIFY2(whole.ok && split.ok, (whole.error + split.error).c_str());
        QCOMPARE(whole.requests, 1);
        QCOMPARE(split.requests, static_cast<int>((m_series.times().size() + 39) / 40));
        QCOMPARE(split.series.size(), std::size_t(1));
        QCOMPARE(split.series[0].samples, whole.series[0].samples);
        QCOMPARE(whole.series[0].samples.size(), m_series.times().size());
    }

    void serverDownIsOneLine()
    {
        auto req = request(0, 5);
        const int port = hpa::test::freeLoopbackPort();
        req.url = "http://127.0.0.1:" + std::to_string(port);
        const auto result = PrometheusImporter::fetch(req, {});
        QVERIFY(!result.ok);
        QVERIFY2(result.error.rfind(
                     "cannot reach Prometheus at http://127.0.0.1:" + std::to_string(port), 0) == 0,
                 result.error.c_str());
    }

    /// 503 (overloaded) then success: the client waits and asks again.
    void retriesAfter503()
    {
        const std::string ok =
            R"({"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[[100,"3"],[105,"4"]]}]}})";
        hpa::test::HttpStub stub(
            {hpa::test::HttpStub::response(503, "Service Unavailable", "busy",
                                           "Retry-After: 0\r\n"),
             hpa::test::HttpStub::response(429, "Too Many Requests", "slow down"),
             hpa::test::HttpStub::response(200, "OK", ok)});
        PrometheusClient::Options options;
        options.baseUrl = "http://127.0.0.1:" + std::to_string(stub.port());
        options.backoffSeconds = 0.05;
        const auto answer = PrometheusClient(options).queryRange("up", 100, 105, 5);
        QVERIFY2(answer.ok, answer.error.c_str());
        QCOMPARE(answer.requests, 3);
        QCOMPARE(answer.series.at(0).samples.at(1).second, 4.0);
    }

    void overloadedAfterRetriesIsOneLine()
    {
        std::vector<std::string> busy(3,
                                      hpa::test::HttpStub::response(503, "Service Unavailable",
                                                                    "busy", "Retry-After: 0\r\n"));
        hpa::test::HttpStub stub(busy);
        PrometheusClient::Options options;
        options.baseUrl = "http://127.0.0.1:" + std::to_string(stub.port());
        options.maxRetries = 2;
        const auto answer = PrometheusClient(options).queryRange("up", 100, 105, 5);
        QVERIFY(!answer.ok);
        QCOMPARE(answer.requests, 3);
        QVERIFY2(answer.error.find("overloaded (HTTP 503) after 3 attempts") != std::string::npos,
                 answer.error.c_str());
    }

    /// 401: says a token is needed, and the token sent never appears in a message.
    void unauthorizedNamesTheToken()
    {
        hpa::test::HttpStub stub({hpa::test::HttpStub::response(401, "Unauthorized", "no")});
        PrometheusClient::Options options;
        options.baseUrl = "http://user:pw@127.0.0.1:" + std::to_string(stub.port()) + "/";
        options.bearerToken = "tok-123";
        const auto answer = PrometheusClient(options).queryRange("up", 100, 105, 5);
        QVERIFY(!answer.ok);
        QVERIFY2(answer.error.find(
                     "refused the request (HTTP 401): the bearer token was not accepted") !=
                     std::string::npos,
                 answer.error.c_str());
        QVERIFY(answer.error.find("tok-123") == std::string::npos);
        QVERIFY(answer.error.find("pw@") == std::string::npos);
        QVERIFY(stub.lastRequest().find("Authorization: Bearer tok-123") != std::string::npos);
    }

    /// kube-state-metrics 1.x: the legacy preset reads kube_hpa_* (label `hpa`) and needs the
    /// deployment named.
    void legacyPresetReadsKubeHpaSeries()
    {
        auto req = request(2, 5);
        req.preset = shippedPreset("vllm-ksm-legacy");
        const auto unnamed = PrometheusImporter::fetch(req, {});
        QVERIFY(!unnamed.ok);
        QVERIFY2(unnamed.error.find("give the deployment") != std::string::npos,
                 unnamed.error.c_str());
        req.deployment = "vllm-decode";
        const auto result = PrometheusImporter::fetch(req, {});
        QVERIFY2(result.ok, result.error.c_str());
        QVERIFY(result.run.column("replicas")->query.find("kube_hpa_status_current_replicas{") !=
                std::string::npos);
        for (std::size_t k = 0; k < result.run.times.size(); ++k) {
            const double t = result.run.times[k];
            QVERIFY(same(result.run.column("replicas")->values[k],
                         PrometheusDemoSeries::lastAt(m_series.replicas, t)));
            QVERIFY(same(result.run.column("desired_replicas")->values[k],
                         PrometheusDemoSeries::lastAt(m_series.desired, t)));
            QVERIFY(same(result.run.column("kv_cache_usage_target")->values[k],
                         PrometheusDemoSeries::lastAt(m_series.kvTarget, t)));
        }
        QCOMPARE(result.run.metadataValues.at("max_replicas"), 10.0);
    }

    /// Cancel stops a request the server never answers (a listening socket that accepts
    /// nothing), long before the timeout.
    void cancelStopsAWaitingRequest()
    {
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof(address);
        QVERIFY(fd >= 0 &&
                ::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)) == 0 &&
                ::listen(fd, 4) == 0 &&
                ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) == 0);
        std::atomic<bool> cancel{false};
        PrometheusClient::Options options;
        options.baseUrl = "http://127.0.0.1:" + std::to_string(ntohs(address.sin_port));
        options.timeoutSeconds = 60;
        options.cancel = &cancel;
        std::thread stopper([&cancel] {
            std::this_thread::sleep_for(std::chrono::milliseconds(300));
            cancel = true;
        });
        QElapsedTimer timer;
        timer.start();
        const auto answer = PrometheusClient(options).queryRange("up", 100, 105, 5);
        stopper.join();
        ::close(fd);
        QVERIFY(!answer.ok);
        QVERIFY(answer.cancelled);
        QCOMPARE(answer.error, std::string("cancelled"));
        QVERIFY(timer.elapsed() < 10000);
    }

    void cleanupTestCase()
    {
        const qint64 pid = m_server.pid();
        m_server.stop();
        if (pid > 0)
            QVERIFY(::kill(static_cast<pid_t>(pid), 0) != 0); // gone
    }

private:
    PrometheusImporter::Request request(double offset, double step) const
    {
        PrometheusImporter::Request r;
        r.url = m_server.url().toStdString();
        r.ns = "hpa-lens-demo";
        r.hpa = "vllm-hpa-combined";
        r.from = m_series.times().front() + offset;
        r.to = m_series.times().back();
        r.step = step;
        r.preset = shippedPreset("vllm-ksm");
        return r;
    }

    QTemporaryDir m_dir;
    std::string m_demoDir;
    PrometheusDemoSeries m_series;
    hpa::test::PrometheusServer m_server;
};

QTEST_GUILESS_MAIN(TestPrometheusImport)
#include "tst_prometheus_import.moc"
