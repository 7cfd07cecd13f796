// A WVA run's long metrics.csv (WvaMetricsCsvParser) and how WvaRunLoader puts it beside the
// controller log (WvaSourceMerger): the shared runs of ../shared/examples/wva with values read
// from their files by hand (the line is named), and the folders of tests/data/wva, whose
// metrics.csv files were written by the runs' own parse_model_based.py / parse_capacity_based.py
// from the wva-controller-logs.jsonl beside them (disagree/, malformed-csv/ and unknown-event/
// then edited by hand).
#include "core/load/experiment_loader.h"
#include "core/load/wva_run_loader.h"
#include "core/model/metric_keys.h"
#include "core/model/timestamp.h"
#include "core/parsers/wva_metrics_csv_parser.h"

#include <QTest>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace hpa::core;
namespace fs = std::filesystem;

namespace {

const std::string kWva = std::string(HPA_SHARED_DIR) + "/examples/wva/";
const std::string kModelRun = kWva + "model-based-high-parallel-20251209-224705";
const std::string kCapacityRun = kWva + "capacity-based-moderate-parallel-20251126-182520";
const std::string kData = std::string(HPA_TEST_DATA_DIR) + "/wva/";
const std::string kLog = "wva-controller-logs.jsonl";
const std::string kCsv = "metrics.csv";
const std::string kBoth = "metrics.csv and wva-controller-logs.jsonl";

std::string readAll(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string sourceOf(const Experiment &e, std::string_view key)
{
    for (const auto &[k, from] : e.autoscaler.sources) {
        if (k == key)
            return from;
    }
    return "(none)";
}

double at(const Experiment &e, std::string_view key, std::size_t row)
{
    const auto *values = e.metrics.values(key);
    return values && row < values->size() ? (*values)[row] : -1.0;
}

/// The row of the sample logged at `ts`.
std::size_t rowAt(const Experiment &e, const char *ts)
{
    const double t = Timestamp::parse(ts)->seconds;
    const auto &time = e.metrics.time();
    for (std::size_t i = 0; i < time.size(); ++i) {
        if (time[i] == t)
            return i;
    }
    return time.size();
}

/// The warning of `file` at `line`, or "" when there is none.
std::string warningAt(const Experiment &e, const std::string &file, int line)
{
    for (const LoadWarning &w : e.warnings) {
        if (w.file == file && w.line == line)
            return w.message;
    }
    return {};
}

/// The first warning's text, to show when none was expected.
const char *firstMessage(const std::vector<LoadWarning> &warnings)
{
    return warnings.empty() ? "" : warnings.front().message.c_str();
}

bool saysSomething(const std::vector<LoadWarning> &warnings, std::string_view text)
{
    for (const LoadWarning &w : warnings) {
        if (w.message.find(text) != std::string::npos)
            return true;
    }
    return false;
}

} // namespace

class TestWvaMetricsCsv : public QObject
{
    Q_OBJECT

private slots:
    void parsesRealFiles_data();
    void parsesRealFiles();
    void realModelBasedRunReadsBoth();
    void realCapacityRunReadsBoth();
    void csvOnly();
    void jsonlOnlyLoadsAsBefore();
    void bothAgree();
    void bothDisagree();
    void malformedRows();
    void unknownEventType();
    void wideCsvIsNotLong();
};

void TestWvaMetricsCsv::parsesRealFiles_data()
{
    QTest::addColumn<QString>("run");
    QTest::addColumn<QString>("kinds"); // rows per event_type, counted with `cut | sort | uniq`
    QTest::addColumn<int>("samples");
    QTest::addColumn<int>("decisions");
    // 32 metrics rows in 16 pairs 10 ms apart (one reconcile logged twice), 4 decision rows
    // in 2 such pairs.
    QTest::newRow("capacity") << QString::fromStdString(kCapacityRun)
                              << "capacity_analysis=32 kv_cache=36 metrics=32 queue=36 "
                                 "scaling_decision=4 "
                              << 16 << 2;
    QTest::newRow("model") << QString::fromStdString(kModelRun)
                           << "observed_metrics=22 prediction=22 scaling_decision=22 " << 22 << 22;
}

void TestWvaMetricsCsv::parsesRealFiles()
{
    QFETCH(QString, run);
    QFETCH(QString, kinds);
    QFETCH(int, samples);
    QFETCH(int, decisions);
    if (!fs::exists(run.toStdString()))
        QSKIP("../shared/examples/wva is absent");
    const auto result =
        WvaMetricsCsvParser::parse(readAll(run.toStdString() + "/metrics.csv"), kCsv);
    QVERIFY(result.longFormat);
    QVERIFY2(result.log.warnings.empty(), firstMessage(result.log.warnings));
    std::string seen;
    for (const auto &[kind, count] : result.kinds)
        seen += kind + "=" + std::to_string(count) + " ";
    QCOMPARE(QString::fromStdString(seen), kinds);
    QCOMPARE(result.skipped, std::size_t(0));
    QCOMPARE(result.log.samples.size(), std::size_t(samples));
    QCOMPARE(result.log.decisions.size(), std::size_t(decisions));
    QCOMPARE(result.log.variants.size(), std::size_t(1));
    QCOMPARE(result.log.variants.front().name, std::string("unknown"));
}

void TestWvaMetricsCsv::realModelBasedRunReadsBoth()
{
    if (!fs::exists(kModelRun))
        QSKIP("../shared/examples/wva is absent");
    const Experiment e = ExperimentLoader::load(kModelRun);
    QCOMPARE(e.autoscaler.source, kBoth);
    // Names and mode only the log has.
    QCOMPARE(e.autoscaler.variant,
             std::string("ms-inference-scheduling-llm-d-modelservice-decode"));
    QCOMPARE(e.autoscaler.variants.front().model, std::string("unsloth/Meta-Llama-3.1-8B"));
    QCOMPARE(e.autoscaler.mode, std::string("MODEL-ONLY"));
    QCOMPARE(sourceOf(e, keys::Replicas), kCsv);
    QCOMPARE(sourceOf(e, keys::TtftMs), kCsv);
    QCOMPARE(sourceOf(e, keys::DesiredReplicas), kCsv);
    QCOMPARE(sourceOf(e, keys::PredictedTtftMs), kCsv);
    QCOMPARE(sourceOf(e, "decisions"), kCsv);
    // The model-based script wrote no queue, KV or arrival-rate rows: those are the log's.
    QCOMPARE(sourceOf(e, keys::Waiting), kLog);
    QCOMPARE(sourceOf(e, keys::KvCacheRaw), kLog);
    QCOMPARE(sourceOf(e, "arrival_rate_per_min"), kLog);
    QCOMPARE(e.metrics.rowCount(), std::size_t(22));
    QCOMPARE(at(e, keys::TtftMs, 1), 28.52);              // metrics.csv line 5
    QCOMPARE(at(e, keys::PredictedTtftMs, 1), 19.126186); // line 6
    QCOMPARE(at(e, keys::DesiredReplicas, 2), 3.0);       // line 10: scale-up 1→3
    QCOMPARE(e.events.size(), std::size_t(16));
    QCOMPARE(e.events.front().line, 7); // metrics.csv line 7: scale-up 1→2
    QCOMPARE(std::string(e.eventTexts.file(e.events.front())), kCsv);
    QVERIFY(!saysSomething(e.warnings, "is used")); // the two files agree
    QVERIFY(!saysSomething(e.warnings, "have no row here"));
}

void TestWvaMetricsCsv::realCapacityRunReadsBoth()
{
    if (!fs::exists(kCapacityRun))
        QSKIP("../shared/examples/wva is absent");
    const Experiment e = ExperimentLoader::load(kCapacityRun);
    QCOMPARE(e.autoscaler.source, kBoth);
    QCOMPARE(e.autoscaler.mode, std::string("CAPACITY-ONLY"));
    QCOMPARE(sourceOf(e, keys::Replicas), kCsv);
    QCOMPARE(sourceOf(e, keys::Waiting), kCsv);
    QCOMPARE(sourceOf(e, keys::KvCacheRaw), kCsv);
    // Targets of the two decisions are the CSV's; "No scaling decisions to apply" (the
    // current count is the target) is only in the log.
    QCOMPARE(sourceOf(e, keys::DesiredReplicas), kBoth);
    QCOMPARE(sourceOf(e, "decisions"), kCsv);
    QCOMPARE(e.metrics.rowCount(), std::size_t(16));
    const std::size_t row = rowAt(e, "2025-11-26T23:31:26.056Z");
    QCOMPARE(at(e, keys::TtftMs, row), 85.69);        // metrics.csv line 90
    QCOMPARE(at(e, keys::KvCachePct, row), 77.7);     // line 92: 0.777
    QCOMPARE(at(e, keys::DesiredReplicas, row), 2.0); // line 94: scale-up 1→2
    QCOMPARE(e.events.size(), std::size_t(2));
    QCOMPARE(e.events.front().line, 94);
    QVERIFY(!saysSomething(e.warnings, "is used"));
}

void TestWvaMetricsCsv::csvOnly()
{
    const std::string dir = kData + "csv-only";
    QVERIFY(WvaRunLoader::isWvaRun(dir));
    const Experiment e = ExperimentLoader::load(dir);
    QCOMPARE(e.layout, Layout::Wva);
    QCOMPARE(e.autoscaler.source, kCsv);
    QCOMPARE(e.autoscaler.variant, std::string("unknown"));
    QVERIFY(e.autoscaler.mode.empty()); // the CSV does not log it
    QCOMPARE(sourceOf(e, keys::Waiting), kCsv);
    QCOMPARE(sourceOf(e, "decisions"), kCsv);
    QVERIFY(saysSomething(e.warnings, "names no variant, model or mode"));
    QCOMPARE(e.metrics.rowCount(), std::size_t(3)); // lines 2 and 6 are one reconcile
    QCOMPARE(at(e, keys::TtftMs, 1), 41.5);         // line 10
    QCOMPARE(at(e, keys::Waiting, 2), 2.0);         // lines 17, 19: queues 3 and 1
    QCOMPARE(at(e, keys::KvCachePct, 2), 37.5);     // lines 16, 18: 0.5 and 0.25
    QCOMPARE(at(e, keys::DesiredReplicas, 1), 2.0); // line 14: scale-up 1→2
    // No decision row for the first collection: its target is not known, not 0.
    QVERIFY(std::isnan(at(e, keys::DesiredReplicas, 0)));
    QCOMPARE(e.events.size(), std::size_t(1));
    QCOMPARE(e.events.front().line, 14);
    QCOMPARE(e.events.front().to, 2);
}

void TestWvaMetricsCsv::jsonlOnlyLoadsAsBefore()
{
    const Experiment e = ExperimentLoader::load(kData + "jsonl-only");
    QCOMPARE(e.autoscaler.source, kLog);
    QCOMPARE(e.autoscaler.variant, std::string("llama-decode"));
    QCOMPARE(e.autoscaler.variants.front().model, std::string("meta/llama-8b"));
    QCOMPARE(e.autoscaler.mode, std::string("MODEL-ONLY"));
    for (const auto &[key, from] : e.autoscaler.sources)
        QCOMPARE(from, kLog);
    QCOMPARE(at(e, keys::TtftMs, 1), 30.0); // line 15
    QCOMPARE(at(e, keys::Waiting, 1), 4.0); // lines 12, 14: queues 6 and 2
    QCOMPARE(e.events.size(), std::size_t(2));
    QCOMPARE(e.events.front().line, 7);
    QCOMPARE(std::string(e.eventTexts.file(e.events.front())), kLog);
    QVERIFY2(e.warnings.empty(), firstMessage(e.warnings));
}

void TestWvaMetricsCsv::bothAgree()
{
    const Experiment e = ExperimentLoader::load(kData + "model-both");
    QVERIFY2(e.warnings.empty(), firstMessage(e.warnings));
    QCOMPARE(e.autoscaler.source, kBoth);
    QCOMPARE(e.autoscaler.variant, std::string("llama-decode")); // from the log
    QCOMPARE(sourceOf(e, keys::TtftMs), kCsv);
    QCOMPARE(sourceOf(e, keys::PredictedReplicas), kCsv);
    QCOMPARE(sourceOf(e, keys::Waiting), kLog);     // no queue rows in a model-based CSV
    QCOMPARE(at(e, keys::PredictedItlMs, 2), 7.25); // metrics.csv line 9
    QCOMPARE(e.events.size(), std::size_t(2));
    QCOMPARE(e.events.front().line, 4); // metrics.csv line 4: scale-up 1→2
    QCOMPARE(e.events.back().line, 10);
    QCOMPARE(std::string(e.eventTexts.file(e.events.front())), kCsv);
    QCOMPARE(e.autoscaler.variants.front().decisionsTotal(), std::size_t(3));

    const Experiment c = ExperimentLoader::load(kData + "capacity-both");
    QVERIFY2(c.warnings.size() == 1, firstMessage(c.warnings)); // the repeated reconcile
    QCOMPARE(sourceOf(c, keys::Waiting), kCsv);
    QCOMPARE(sourceOf(c, keys::DesiredReplicas), kBoth);
    QCOMPARE(at(c, keys::Waiting, 2), 2.0);
}

void TestWvaMetricsCsv::bothDisagree()
{
    const Experiment e = ExperimentLoader::load(kData + "disagree");
    // metrics.csv line 5 says ttft 33.0 where the log's line 15 says 30.00ms.
    const std::string ttft = warningAt(e, kCsv, 5);
    QVERIFY2(ttft.find("ttft_ms 33 here, 30 in wva-controller-logs.jsonl line 15") !=
                 std::string::npos,
             ttft.c_str());
    QCOMPARE(at(e, keys::TtftMs, 1), 33.0); // the CSV's value is used, as said
    // Line 4: scale-up 1→3 where the log's line 7 says 1→2.
    const std::string decision = warningAt(e, kCsv, 4);
    QVERIFY2(decision.find("scale-up 1→3 here, scale-up 1→2 in wva-controller-logs.jsonl "
                           "line 7") != std::string::npos,
             decision.c_str());
    QCOMPARE(e.events.front().to, 3);
    QCOMPARE(at(e, keys::DesiredReplicas, 0), 3.0);
    QCOMPARE(e.warnings.size(), std::size_t(2));
}

void TestWvaMetricsCsv::malformedRows()
{
    const Experiment e = ExperimentLoader::load(kData + "malformed-csv");
    const std::pair<int, const char *> expected[] = {
        {6, "18 cells where the header has 17; row skipped"},
        {12, "queue_length \"seven\" is not a number; row skipped"},
        {13, "unreadable timestamp \"yesterday at noon\"; row skipped"},
        {14, "scaling_decision row without action, current_replicas or target_replicas; row "
             "skipped"},
        {15, "scale_down_safe \"Maybe\" is not True or False; row skipped"},
    };
    for (const auto &[line, message] : expected)
        QCOMPARE(QString::fromStdString(warningAt(e, kCsv, line)), QString::fromUtf8(message));
    // The rest loads as csv-only/ does.
    QCOMPARE(e.metrics.rowCount(), std::size_t(3));
    QCOMPARE(at(e, keys::Waiting, 1), 7.0); // line 17
    QCOMPARE(at(e, keys::TtftMs, 2), 35.0); // line 20
    QCOMPARE(e.events.size(), std::size_t(1));
    QCOMPARE(e.events.front().line, 19);
}

void TestWvaMetricsCsv::unknownEventType()
{
    const auto result =
        WvaMetricsCsvParser::parse(readAll(kData + "unknown-event/metrics.csv"), kCsv);
    QCOMPARE(result.kinds.at("slo"), std::size_t(1));     // a kind parse_model_based.py writes
    QCOMPARE(result.skipped, std::size_t(2));             // lines 6 and 10
    QCOMPARE(result.log.warnings.size(), std::size_t(1)); // one per kind
    QCOMPARE(result.log.warnings.front().line, 6);
    QCOMPARE(result.log.warnings.front().message,
             std::string("event_type \"frobnicate\" is not read by HPA Lens; its rows are "
                         "skipped"));
    QCOMPARE(result.log.samples.size(), std::size_t(3));
    QCOMPARE(result.log.samples[1].predictedTtftMs, 31.0); // line 8
}

void TestWvaMetricsCsv::wideCsvIsNotLong()
{
    const std::string dir = std::string(HPA_TEST_DATA_DIR) + "/experiments/enhanced-small";
    QVERIFY(!WvaRunLoader::isWvaRun(dir));
    const auto result = WvaMetricsCsvParser::parse(readAll(dir + "/metrics.csv"), kCsv);
    QVERIFY(!result.longFormat);
    QVERIFY(result.log.samples.empty());
    QCOMPARE(result.log.warnings.size(), std::size_t(1));
    QCOMPARE(result.log.warnings.front().line, 1);
    QVERIFY(WvaMetricsCsvParser::parse("", kCsv).log.warnings.front().message == "empty file");
}

QTEST_APPLESS_MAIN(TestWvaMetricsCsv)
#include "tst_wva_metrics_csv.moc"
