// A WVA run folder loads into the same experiment model as an HPA run (WvaRunLoader,
// WvaExperimentBuilder): the shared runs of ../shared/examples/wva with values taken from
// their wva-controller-logs.jsonl by hand, and folders written here.
#include "core/load/experiment_loader.h"
#include "core/model/metric_keys.h"
#include "test_files.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <filesystem>
#include <fstream>

using namespace hpa::core;
namespace fs = std::filesystem;

namespace {

const std::string kWva = std::string(HPA_SHARED_DIR) + "/examples/wva/";

std::string line(const std::string &ts, const std::string &msg)
{
    return "{\"level\":\"INFO\",\"ts\":\"" + ts + "\",\"msg\":\"" + msg + "\"}\n";
}

/// A cycle of variant `v` at 10:MM:00Z with `replicas` and queue `queue` on one pod.
std::string cycle(const std::string &v, int m, int replicas, int queue, const std::string &decision)
{
    const std::string t =
        "2025-12-10T10:" + std::string(m < 10 ? "0" : "") + std::to_string(m) + ":00.000Z";
    std::string s = line(t, "Operating in MODEL-ONLY mode");
    s += line(t, "Queue metric: pod=" + v + "-p, queueLength=" + std::to_string(queue));
    s += line(t, "KV cache metric: pod=" + v + "-p, usage=0.400 (40.0%)");
    s += line(t, "Metrics collected for VA: variant=" + v +
                     ", replicas=" + std::to_string(replicas) + ", ttft=20.00ms, itl=10.00ms");
    s += line(t, "Processing decision: variant=" + v + ", action=" + decision);
    s += line(t, "Reconciliation completed successfully");
    return s;
}

} // namespace

class TestWvaRunLoader : public QObject
{
    Q_OBJECT

private slots:
    void modelBasedRun();
    void capacityRun();
    void variants();
    void noSamples();
};

void TestWvaRunLoader::modelBasedRun()
{
    const std::string dir = kWva + "model-based-high-parallel-20251209-224705";
    if (!fs::exists(dir))
        QSKIP("../shared/examples/wva is absent");
    const Experiment e = ExperimentLoader::load(dir);
    QCOMPARE(e.layout, Layout::Wva);
    QCOMPARE(e.autoscaler.kind, AutoscalerInfo::Kind::Wva);
    QCOMPARE(e.autoscaler.mode, std::string("MODEL-ONLY"));
    QCOMPARE(e.autoscaler.variant,
             std::string("ms-inference-scheduling-llm-d-modelservice-decode"));
    QCOMPARE(e.metrics.rowCount(), std::size_t(22));
    // 12 scale-ups and 4 scale-downs; the 6 no-change decisions are not events.
    QCOMPARE(e.events.size(), std::size_t(16));
    QCOMPARE(e.events.front().kind, EventKind::ScaleUp);
    QCOMPARE(e.events.front().from, 1);
    QCOMPARE(e.events.front().to, 2);
    // The decision as the run's metrics.csv has it (line 7; the log's line 54 says the same).
    QCOMPARE(e.events.front().line, 7);
    const auto *waiting = e.metrics.values(keys::Waiting);
    const auto *kv = e.metrics.values(keys::KvCachePct);
    const auto *predicted = e.metrics.values("predicted_replicas");
    QVERIFY(waiting && kv && predicted);
    QCOMPARE((*waiting)[4], 204.5);                // 03:52:07Z: queues 409 and 0
    QCOMPARE((*kv)[4], (0.997 + 0.276) / 2 * 100); // usage as a fraction, shown in percent
    QCOMPARE((*predicted)[8], 12.0);               // 03:56:08Z: numRep=12
    QCOMPARE((*e.metrics.values("arrival_rate_per_min"))[1], 1102.51);
    QVERIFY(e.metrics.values(keys::WaitingTarget) == nullptr); // WVA has no HPA targets
}

void TestWvaRunLoader::capacityRun()
{
    const std::string dir = kWva + "capacity-based-moderate-parallel-20251126-182520";
    if (!fs::exists(dir))
        QSKIP("../shared/examples/wva is absent");
    const Experiment e = ExperimentLoader::load(dir);
    QCOMPARE(e.autoscaler.mode, std::string("CAPACITY-ONLY"));
    QCOMPARE(e.metrics.rowCount(), std::size_t(16));
    QCOMPARE(e.events.size(), std::size_t(2));
    QVERIFY(e.metrics.values("arrival_rate_per_min") == nullptr); // capacity mode: no rate
    QVERIFY(e.metrics.values("predicted_replicas") == nullptr);
    bool saysRepeated = false;
    for (const auto &w : e.warnings)
        saysRepeated = saysRepeated || w.message.find("reconciled twice") != std::string::npos;
    QVERIFY(saysRepeated);
}

void TestWvaRunLoader::variants()
{
    QTemporaryDir tmp;
    const fs::path dir = tmp.path().toStdString();
    std::string log;
    for (int m = 0; m < 3; ++m)
        log += cycle("big", m, 2, 10 * m, "no-change, current=2→target=2");
    log += cycle("small", 3, 1, 5, "scale-up, current=1→target=2");
    hpa::test::writeFileOrFail(dir / "wva-controller-logs.jsonl", log);
    const Experiment byDefault = ExperimentLoader::load(dir.string());
    QCOMPARE(byDefault.autoscaler.variant, std::string("big")); // most samples
    QCOMPARE(byDefault.metrics.rowCount(), std::size_t(3));
    QCOMPARE(byDefault.autoscaler.variants.size(), std::size_t(2));
    ExperimentLoader::Options options;
    options.wvaVariant = "small";
    const Experiment small = ExperimentLoader::load(dir.string(), options);
    QCOMPARE(small.metrics.rowCount(), std::size_t(1));
    QCOMPARE(small.events.size(), std::size_t(1));
    options.wvaVariant = "nope";
    try {
        ExperimentLoader::load(dir.string(), options);
        QFAIL("an unknown variant must not load");
    } catch (const LoadError &error) {
        QVERIFY2(std::string(error.what()).find("the log has: big, small") != std::string::npos,
                 error.what());
    }
}

void TestWvaRunLoader::noSamples()
{
    QTemporaryDir tmp;
    const fs::path dir = tmp.path().toStdString();
    hpa::test::writeFileOrFail(dir / "wva-controller-logs.jsonl", "not json\n");
    try {
        ExperimentLoader::load(dir.string());
        QFAIL("a log without samples must not load");
    } catch (const LoadError &error) {
        QVERIFY2(std::string(error.what()).find("no samples") != std::string::npos, error.what());
    }
}

QTEST_APPLESS_MAIN(TestWvaRunLoader)
#include "tst_wva_run_loader.moc"
