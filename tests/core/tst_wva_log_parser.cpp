// WvaLogParser: the WVA controller's JSONL log read per reconcile cycle. Small fixtures
// written here, and the two real runs of ../shared/examples/wva (values counted by hand from
// their wva-controller-logs.jsonl with grep).
#include "core/parsers/wva_log_parser.h"

#include <QTest>

#include <cmath>
#include <fstream>
#include <sstream>
#include <string>

using hpa::core::WvaDecision;
using hpa::core::WvaLog;
using hpa::core::WvaLogParser;

namespace {

const std::string kFile = "wva-controller-logs.jsonl";

std::string line(const std::string &ts, const std::string &msg)
{
    return "{\"level\":\"INFO\",\"ts\":\"" + ts + "\",\"msg\":\"" + msg + "\"}\n";
}

/// One model-based cycle at minute `m` (03:MM:07Z) for variant "dec" with the given values.
std::string cycle(int m, int replicas, double ttft, int queue0, int queue1, const char *decision)
{
    const std::string t = "2025-12-10T03:" + std::string(m < 10 ? "0" : "") + std::to_string(m);
    std::string s = line(t + ":07.485Z", "Operating in MODEL-ONLY mode: model-based only");
    s += line(t + ":07.486Z", "Processing model: modelID=llama, variantCount=1");
    s += line(t + ":07.493Z", "Queue metric: pod=dec-a, queueLength=" + std::to_string(queue0));
    s += line(t + ":07.493Z", "KV cache metric: pod=dec-a, usage=0.500 (50.0%)");
    if (queue1 >= 0) {
        s += line(t + ":07.493Z", "Queue metric: pod=dec-b, queueLength=" + std::to_string(queue1));
        s += line(t + ":07.493Z", "KV cache metric: pod=dec-b, usage=0.250 (25.0%)");
    }
    s += line(t + ":07.506Z",
              "Metrics collected for VA: variant=dec, replicas=" + std::to_string(replicas) +
                  ", accelerator=H100, ttft=" + std::to_string(ttft) +
                  "ms, itl=10.00ms, cost=100.00, "
                  "arrivalRate=600.00");
    s += line(t + ":07.507Z", "Optimization solution - system: Solution: \\ns=dec:ns; "
                              "c=Premium; alloc={acc=H100; numRep=3; maxBatch=512; cost=300, "
                              "val=0, itl=9.5, ttft=19.25, rho=0}; slo-itl=10, slo-ttft=1000");
    s += line(t + ":07.508Z", std::string("Processing decision: variant=dec, action=") + decision);
    s += line(t + ":07.509Z", "Applied Saturation decision: variant=dec, action=x");
    s += line(t + ":07.510Z", "Reconciliation completed successfully: mode=model-only");
    return s;
}

std::string readShared(const std::string &run)
{
    std::ifstream in(std::string(HPA_SHARED_DIR) + "/examples/wva/" + run + "/" + kFile,
                     std::ios::binary);
    if (!in)
        return {};
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

bool hasWarning(const WvaLog &log, int line, const std::string &part)
{
    for (const auto &w : log.warnings) {
        if (w.line == line && w.message.find(part) != std::string::npos && w.file == kFile)
            return true;
    }
    return false;
}

} // namespace

class TestWvaLogParser : public QObject
{
    Q_OBJECT

private slots:
    void cycles();
    void decisions_data();
    void decisions();
    void repeatedReconcileIsOneSample();
    void capacityModeOrder();
    void badLines_data();
    void badLines();
    void sharedCapacityRun();
    void sharedModelRun();
};

void TestWvaLogParser::cycles()
{
    const WvaLog log =
        WvaLogParser::parse(cycle(48, 1, 28.5, 4, 10, "scale-up, current=1→target=3") +
                                cycle(49, 3, 20, 0, -1, "no-change, current=3→target=3"),
                            kFile);
    QCOMPARE(log.samples.size(), std::size_t(2));
    QCOMPARE(log.cycles, std::size_t(2));
    const auto &s = log.samples[0];
    QCOMPARE(s.variant, std::string("dec"));
    QCOMPARE(s.line, 7);
    QCOMPARE(s.replicas, 1.0);
    QCOMPARE(s.ttftMs, 28.5);
    QCOMPARE(s.itlMs, 10.0);
    QCOMPARE(s.arrivalRate, 600.0);
    QCOMPARE(s.queueMean, 7.0); // (4 + 10) / 2 pods
    QCOMPARE(s.queueMax, 10.0);
    QCOMPARE(s.kvMean, 0.375); // (0.5 + 0.25) / 2
    QCOMPARE(s.kvMax, 0.5);
    QCOMPARE(s.pods, std::size_t(2));
    QCOMPARE(s.desiredReplicas, 3.0);
    QCOMPARE(s.predictedReplicas, 3.0);
    QCOMPARE(s.predictedTtftMs, 19.25);
    QCOMPARE(s.predictedItlMs, 9.5);
    QCOMPARE(log.samples[1].queueMean, 0.0);
    QCOMPARE(log.samples[1].pods, std::size_t(1));
    QCOMPARE(log.samples[1].desiredReplicas, 3.0);
    QCOMPARE(log.samples[1].time - s.time, 60.0);
    QCOMPARE(log.variants.size(), std::size_t(1));
    QCOMPARE(log.variants[0].model, std::string("llama"));
    QCOMPARE(log.modes.size(), std::size_t(1));
    QCOMPARE(log.modes[0].mode, std::string("MODEL-ONLY"));
    QVERIFY2(log.warnings.empty(), log.warnings.empty() ? "" : log.warnings[0].message.c_str());
}

void TestWvaLogParser::decisions_data()
{
    QTest::addColumn<QString>("decision");
    QTest::addColumn<int>("action"); ///< WvaDecision::Action
    QTest::addColumn<int>("current");
    QTest::addColumn<int>("target");

    QTest::newRow("scale up, arrow") << "scale-up, current=1→target=2" << 0 << 1 << 2;
    QTest::newRow("scale down, ascii arrow") << "scale-down, current=5->target=3" << 1 << 5 << 3;
    QTest::newRow("no change") << "no-change, current=4→target=4" << 2 << 4 << 4;
}

void TestWvaLogParser::decisions()
{
    QFETCH(QString, decision);
    QFETCH(int, action);
    QFETCH(int, current);
    QFETCH(int, target);
    const WvaLog log =
        WvaLogParser::parse(cycle(50, current, 1, 0, -1, decision.toUtf8().data()), kFile);
    QCOMPARE(log.decisions.size(), std::size_t(1));
    const WvaDecision &d = log.decisions[0];
    QCOMPARE(int(d.action), action);
    QCOMPARE(d.current, current);
    QCOMPARE(d.target, target);
    QCOMPARE(d.line, 7);
    QCOMPARE(log.variants[0].decisionsTotal(), std::size_t(1)); // "Applied ..." not counted
}

void TestWvaLogParser::repeatedReconcileIsOneSample()
{
    // The capacity-mode run reconciles twice within ~10 ms every minute.
    std::string text = cycle(48, 1, 5, 0, -1, "scale-up, current=1→target=2");
    std::string again = cycle(48, 1, 5, 0, -1, "scale-up, current=1→target=2");
    const std::string stamp = "03:48:07.";
    for (std::size_t at = again.find(stamp); at != std::string::npos; at = again.find(stamp, at))
        again.replace(at + stamp.size(), 1, "6"), at += stamp.size(); // 0.1 s later
    const WvaLog log = WvaLogParser::parse(text + again, kFile);
    QCOMPARE(log.samples.size(), std::size_t(1));
    QCOMPARE(log.repeatedCycles, std::size_t(1));
    QCOMPARE(log.decisions.size(), std::size_t(1));
    QCOMPARE(log.repeatedDecisions, std::size_t(1));
    QCOMPARE(log.variants[0].scaleUps, std::size_t(1));
}

void TestWvaLogParser::capacityModeOrder()
{
    // Capacity mode logs "Metrics collected" before the per-pod lines; the pods still count.
    std::string s = line("2025-11-26T23:20:25.572Z", "Operating in CAPACITY-ONLY mode: reactive");
    s += line("2025-11-26T23:20:25.828Z",
              "Metrics collected for VA: variant=dec, replicas=2, accelerator=H100, ttft=0.00ms, "
              "itl=0.00ms, cost=10.00");
    s += line("2025-11-26T23:20:25.829Z", "KV cache metric: pod=dec-x, usage=0.998 (99.8%)");
    s += line("2025-11-26T23:20:25.829Z", "Queue metric: pod=dec-x, queueLength=227");
    s += line("2025-11-26T23:20:25.830Z", "No scaling decisions to apply");
    s += line("2025-11-26T23:20:25.830Z", "Reconciliation completed successfully");
    const WvaLog log = WvaLogParser::parse(s, kFile);
    QCOMPARE(log.samples.size(), std::size_t(1));
    QCOMPARE(log.samples[0].kvMean, 0.998);
    QCOMPARE(log.samples[0].queueMean, 227.0);
    QCOMPARE(log.samples[0].desiredReplicas, 2.0);   // no decision: it keeps what it has
    QVERIFY(std::isnan(log.samples[0].arrivalRate)); // capacity mode does not log it
    QVERIFY(std::isnan(log.samples[0].predictedReplicas));
}

void TestWvaLogParser::badLines_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("warning");
    QTest::addColumn<int>("samples");

    const std::string good = cycle(48, 1, 5, 0, -1, "no-change, current=1→target=1");
    QTest::newRow("not json") << QByteArray::fromStdString("{\"ts\": oops\n" + good) << 1
                              << "not a JSON object" << 1;
    QTest::newRow("no msg") << QByteArray::fromStdString("{\"ts\":\"2025-12-10T03:48:00Z\"}\n" +
                                                         good)
                            << 1 << "no \"ts\" or \"msg\"" << 1;
    QTest::newRow("bad time") << QByteArray::fromStdString(line("yesterday", "x") + good) << 1
                              << "unreadable time" << 1;
    QTest::newRow("unknown message")
        << QByteArray::fromStdString(good + line("2025-12-10T03:48:09Z", "Brand new thing: x=1"))
        << 10 << "message not read by HPA Lens: \"Brand new thing: x=1\"" << 1;
    QTest::newRow("time goes back")
        << QByteArray::fromStdString(good + cycle(40, 2, 5, 0, -1, "no-change, current=2→target=2"))
        << 10 << "time goes back by 480.0 s" << 2;
    QTest::newRow("mode changes (a restart)")
        << QByteArray::fromStdString(
               good + line("2025-12-10T03:49:00Z", "Operating in CAPACITY-ONLY mode: reactive"))
        << 10 << "mode changes from MODEL-ONLY to CAPACITY-ONLY" << 1;
    QTest::newRow("decision without target")
        << QByteArray::fromStdString(
               line("2025-12-10T03:47:00Z", "Processing decision: variant=dec, action=scale-up") +
               good)
        << 1 << "decision without" << 1;
    QTest::newRow("NUL bytes") << QByteArray("\0\0\0\n", 4) + QByteArray::fromStdString(good) << 1
                               << "not a JSON object" << 1;
    QTest::newRow("empty") << QByteArray() << 0 << "no log lines" << 0;
}

void TestWvaLogParser::badLines()
{
    QFETCH(QByteArray, text);
    QFETCH(int, line);
    QFETCH(QString, warning);
    QFETCH(int, samples);
    const WvaLog log =
        WvaLogParser::parse(std::string_view(text.data(), std::size_t(text.size())), kFile);
    QCOMPARE(int(log.samples.size()), samples);
    QVERIFY2(hasWarning(log, line, warning.toStdString()),
             log.warnings.empty() ? "no warning" : log.warnings[0].message.c_str());
}

void TestWvaLogParser::sharedCapacityRun()
{
    const std::string text = readShared("capacity-based-moderate-parallel-20251126-182520");
    if (text.empty())
        QSKIP("../shared/examples/wva is absent");
    const WvaLog log = WvaLogParser::parse(text, kFile);
    // 351 lines, 32 "Operating in" lines = 16 pairs of reconciles ~10 ms apart.
    QCOMPARE(log.lines, std::size_t(351));
    QCOMPARE(log.cycles, std::size_t(32));
    QCOMPARE(log.samples.size(), std::size_t(16));
    QCOMPARE(log.repeatedCycles, std::size_t(16));
    // 4 "Processing decision" lines: scale-up 1→2 twice at 23:31:26.058/.075, scale-down 2→1
    // twice at 23:35:26.
    QCOMPARE(log.decisions.size(), std::size_t(2));
    QCOMPARE(log.repeatedDecisions, std::size_t(2));
    QCOMPARE(log.decisions[0].line, 231);
    QCOMPARE(int(log.decisions[0].action), int(WvaDecision::Action::ScaleUp));
    QCOMPARE(log.variants.size(), std::size_t(1));
    QCOMPARE(log.variants[0].model, std::string("unsloth/Meta-Llama-3.1-8B"));
    QCOMPARE(log.modes.size(), std::size_t(1));
    QCOMPARE(log.modes[0].mode, std::string("CAPACITY-ONLY"));
    // Line 254's cycle (23:32:26Z): one pod, queueLength=600, usage=0.997, replicas=2.
    const auto &peak = log.samples[12];
    QCOMPARE(peak.line, 254);
    QCOMPARE(peak.queueMean, 600.0);
    QCOMPARE(peak.kvMean, 0.997);
    QCOMPARE(peak.replicas, 2.0);
    QCOMPARE(peak.ttftMs, 10122.90);
    QVERIFY(log.warnings.empty());
}

void TestWvaLogParser::sharedModelRun()
{
    const std::string text = readShared("model-based-high-parallel-20251209-224705");
    if (text.empty())
        QSKIP("../shared/examples/wva is absent");
    const WvaLog log = WvaLogParser::parse(text, kFile);
    QCOMPARE(log.samples.size(), std::size_t(22));
    QCOMPARE(log.decisions.size(), std::size_t(22));
    QCOMPARE(log.variants[0].scaleUps, std::size_t(12));
    QCOMPARE(log.variants[0].scaleDowns, std::size_t(4));
    QCOMPARE(log.variants[0].noChanges, std::size_t(6));
    // 03:52:07Z: two pods, queues 409 and 0, usage 0.997 and 0.276; the optimizer's
    // solution numRep=4, ttft=19.097..., itl=9.615...; decision 2→4.
    const auto &s = log.samples[4];
    QCOMPARE(s.pods, std::size_t(2));
    QCOMPARE(s.queueMean, 204.5);
    QCOMPARE(s.kvMean, (0.997 + 0.276) / 2);
    QCOMPARE(s.desiredReplicas, 4.0);
    QCOMPARE(s.predictedReplicas, 4.0);
    QCOMPARE(s.arrivalRate, 2210.40);
    QVERIFY(log.warnings.empty());
}

QTEST_APPLESS_MAIN(TestWvaLogParser)
#include "tst_wva_log_parser.moc"
