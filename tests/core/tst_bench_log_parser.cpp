#include "core/parsers/bench_log_parser.h"

#include "bench_log_writer.h"

#include <QFile>
#include <QTest>

#include <cmath>
#include <string>

using hpa::core::BenchJob;
using hpa::core::BenchLogParser;
using hpa::core::BenchResult;
using hpa::test::benchLog;
using hpa::test::BenchLogSpec;

Q_DECLARE_METATYPE(BenchJob::Outcome)

namespace {

const char *const kRealLog =
    HPA_SHARED_DIR "/examples/vllm-bench-job-logs/vllm-bench-sharegpt-load-high-20_"
                   "vllm-bench-sharegpt-load-high-20-g7ngv.log";

QByteArray bytes(const std::string &s)
{
    return QByteArray(s.data(), static_cast<qsizetype>(s.size()));
}

std::string text(const QByteArray &b)
{
    return std::string(b.constData(), static_cast<std::size_t>(b.size()));
}

bool anyWarningContains(const BenchLogParser::Result &r, const QString &needle)
{
    for (const auto &w : r.warnings) {
        if (QString::fromStdString(w.message).contains(needle))
            return true;
    }
    return false;
}

/// The synthetic log, cut just after the first occurrence of `marker` plus `extra` bytes.
std::string cutAfter(const std::string &log, const std::string &marker, std::size_t extra)
{
    return log.substr(0, log.find(marker) + marker.size() + extra);
}

} // namespace

class TestBenchLogParser : public QObject
{
    Q_OBJECT

private slots:
    void keyOf_data();
    void keyOf();
    void splitFileName_data();
    void splitFileName();
    void realLogFields_data();
    void realLogFields();
    void realLogContext();
    void input_data();
    void input();
    void interleavedStreams();
    void hundredMegabytesOfFrames();
    void threeHundredLogs();
};

void TestBenchLogParser::keyOf_data()
{
    QTest::addColumn<QString>("label");
    QTest::addColumn<QString>("key");
    // The two examples of issue 15, then the spec's other label shapes.
    QTest::newRow("mean ttft") << "Mean TTFT (ms):"
                               << "mean_ttft_ms";
    QTest::newRow("request throughput") << "Request throughput (req/s):"
                                        << "request_throughput_req_s";
    QTest::newRow("capital Token") << "Total Token throughput (tok/s):"
                                   << "total_token_throughput_tok_s";
    QTest::newRow("p99.9") << "P99.9 E2EL (ms):"
                           << "p99_9_e2el_ms";
    QTest::newRow("rps") << "Request rate configured (RPS):"
                         << "request_rate_configured_rps";
    QTest::newRow("only punctuation") << "::: ---"
                                      << "";
}

void TestBenchLogParser::keyOf()
{
    QFETCH(QString, label);
    QFETCH(QString, key);
    QCOMPARE(QString::fromStdString(BenchResult::keyOf(label.toStdString())), key);
}

void TestBenchLogParser::splitFileName_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("job");
    QTest::addColumn<QString>("pod");
    QTest::newRow("real") << "job-logs/vllm-bench-sharegpt-load-high-20_vllm-bench-sharegpt-"
                             "load-high-20-g7ngv.log"
                          << "vllm-bench-sharegpt-load-high-20"
                          << "vllm-bench-sharegpt-load-high-20-g7ngv";
    QTest::newRow("underscore in job") << "a_b_a_b-x1y2z.log"
                                       << "a_b"
                                       << "a_b-x1y2z";
    QTest::newRow("other pod") << "job_pod.log"
                               << "job"
                               << "pod";
    QTest::newRow("no pod") << "lonely.log"
                            << "lonely"
                            << "";
}

void TestBenchLogParser::splitFileName()
{
    QFETCH(QString, file);
    QFETCH(QString, job);
    QFETCH(QString, pod);
    const auto [j, p] = BenchLogParser::splitFileName(file.toStdString());
    QCOMPARE(QString::fromStdString(j), job);
    QCOMPARE(QString::fromStdString(p), pod);
}

void TestBenchLogParser::realLogFields_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("printed");
    QTest::addColumn<double>("value");
    // Every line of the block of the shared high-20 log (spec §2 quotes the same block).
    QTest::newRow("1") << "successful_requests"
                       << "17984" << 17984.0;
    QTest::newRow("2") << "failed_requests"
                       << "16" << 16.0;
    QTest::newRow("3") << "maximum_request_concurrency"
                       << "512" << 512.0;
    QTest::newRow("4") << "request_rate_configured_rps"
                       << "20.00" << 20.0;
    QTest::newRow("5") << "benchmark_duration_s"
                       << "910.11" << 910.11;
    QTest::newRow("6") << "total_input_tokens"
                       << "4234711" << 4234711.0;
    QTest::newRow("7") << "total_generated_tokens"
                       << "8180193" << 8180193.0;
    QTest::newRow("8") << "request_throughput_req_s"
                       << "19.76" << 19.76;
    QTest::newRow("9") << "output_token_throughput_tok_s"
                       << "8988.12" << 8988.12;
    QTest::newRow("10") << "peak_output_token_throughput_tok_s"
                        << "17840.00" << 17840.0;
    QTest::newRow("11") << "peak_concurrent_requests"
                        << "585.00" << 585.0;
    QTest::newRow("12") << "total_token_throughput_tok_s"
                        << "13641.07" << 13641.07;
    QTest::newRow("13") << "mean_ttft_ms"
                        << "486.00" << 486.0;
    QTest::newRow("14") << "median_ttft_ms"
                        << "40.25" << 40.25;
    QTest::newRow("15") << "p99_ttft_ms"
                        << "18768.45" << 18768.45;
    QTest::newRow("16") << "mean_tpot_ms"
                        << "25.82" << 25.82;
    QTest::newRow("17") << "median_tpot_ms"
                        << "13.96" << 13.96;
    QTest::newRow("18") << "p99_tpot_ms"
                        << "84.76" << 84.76;
    QTest::newRow("19") << "mean_itl_ms"
                        << "24.86" << 24.86;
    QTest::newRow("20") << "median_itl_ms"
                        << "13.16" << 13.16;
    QTest::newRow("21") << "p99_itl_ms"
                        << "96.63" << 96.63;
}

void TestBenchLogParser::realLogFields()
{
    QFETCH(QString, key);
    QFETCH(QString, printed);
    QFETCH(double, value);
    QFile file(QString::fromUtf8(kRealLog));
    if (!file.open(QIODevice::ReadOnly))
        QSKIP("../shared/examples/vllm-bench-job-logs is absent");
    const auto r = BenchLogParser::parse(text(file.readAll()), "job-logs/x.log");
    QVERIFY(r.job.result);
    QCOMPARE(r.job.result->fields.size(), std::size_t{21});
    const auto *f = r.job.result->field(key.toStdString());
    QVERIFY(f);
    QCOMPARE(QString::fromStdString(f->text), printed);
    QCOMPARE(*f->value, value);
    QVERIFY2(r.warnings.empty(), r.warnings.empty() ? "" : r.warnings.front().message.c_str());
}

void TestBenchLogParser::realLogContext()
{
    QFile file(QString::fromUtf8(kRealLog));
    if (!file.open(QIODevice::ReadOnly))
        QSKIP("../shared/examples/vllm-bench-job-logs is absent");
    const auto r = BenchLogParser::parse(text(file.readAll()), "job-logs/x.log");
    const BenchJob &job = r.job;
    QCOMPARE(job.outcome, BenchJob::Outcome::Complete);
    QVERIFY(job.result->complete);
    QCOMPARE(job.result->line, 17); // 42 lines; the block is the last 26 of them
    QCOMPARE(job.result->field("mean_ttft_ms")->section, std::string("Time to First Token"));
    QVERIFY(job.dated);
    QCOMPARE(job.dated->year, 2025);
    QCOMPARE(job.dated->hour, 19);
    QCOMPARE(job.dated->second, 38);
    QVERIFY(job.logger);
    QCOMPARE(job.logger->month, 12);
    QCOMPARE(job.logger->second, 35);
    QCOMPARE(*job.readyCheckSeconds, 6.0); // `00:06 elapsed` before "Initial test run completed."
    QCOMPARE(*job.barSeconds, 910.0);      // `[15:10<00:00`
    QCOMPARE(*job.barDone, 18000LL);
    QCOMPARE(*job.config.number("num_prompts"), 18000.0);
    QCOMPARE(*job.config.number("request_rate"), 20.0);
    QCOMPARE(*job.config.text("dataset_name"), std::string("sharegpt"));
    QCOMPARE(*job.config.text("goodput"), std::string("None"));
}

void TestBenchLogParser::input_data()
{
    QTest::addColumn<QByteArray>("log");
    QTest::addColumn<BenchJob::Outcome>("outcome");
    QTest::addColumn<int>("fields");
    QTest::addColumn<QString>("key");
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("warning"); ///< a warning containing this; empty = none at all

    const BenchLogSpec spec;
    const std::string log = benchLog(spec);
    using O = BenchJob::Outcome;
    QTest::newRow("complete") << bytes(log) << O::Complete << 21 << "benchmark_duration_s" << 910.11
                              << "";
    BenchLogSpec bare = spec;
    bare.dropTrailingSpaces = true;
    QTest::newRow("no trailing spaces")
        << bytes(benchLog(bare)) << O::Complete << 21 << "p99_itl_ms" << 96.63 << "";
    std::string nul = log;
    for (std::size_t at = 2000; at < nul.size() - 3000; at += 997)
        nul[at] = '\0';
    nul.insert(nul.find("Mean TTFT"), 1, '\0');
    QTest::newRow("NUL bytes") << bytes(nul) << O::Complete << 21 << "mean_ttft_ms" << 486.0 << "";
    QTest::newRow("cut mid-line") << bytes(cutAfter(log, "P99 ITL (ms):", 30)) << O::Partial << 20
                                  << "median_itl_ms" << 13.16 << "may be cut";
    QTest::newRow("cut after a line") << bytes(cutAfter(log, "Median ITL (ms):", 36)) << O::Partial
                                      << 20 << "mean_itl_ms" << 24.86 << "cut off";
    QTest::newRow("cut in the label") << bytes(cutAfter(log, "Median TT", 0)) << O::Partial << 13
                                      << "mean_ttft_ms" << 486.0 << "not a result line";
    BenchLogSpec first = spec;
    first.duration = 100.0;
    first.frames = 50;
    QTest::newRow("two blocks") << bytes(benchLog(first) + log) << O::Complete << 21
                                << "benchmark_duration_s" << 910.11 << "another result block";
    // 2024 benchmark_serving.py (spec V4): no Failed/Max concurrency/rate lines, lower-case
    // labels in places, an E2EL section, P90 and P99.
    const std::string older = "Traffic request rate: 5.0\n"
                              "============ Serving Benchmark Result ============\n"
                              "Successful requests:                     1000      \n"
                              "Benchmark duration (s):                  200.00    \n"
                              "Total input tokens:                      215000    \n"
                              "Total generated tokens:                  198000    \n"
                              "Request throughput (req/s):              5.00      \n"
                              "Output token throughput (tok/s):         990.00    \n"
                              "Total token throughput (tok/s):          2065.00   \n"
                              "---------------Time to First Token----------------\n"
                              "Mean TTFT (ms):                          41.30     \n"
                              "Median TTFT (ms):                        38.00     \n"
                              "P90 TTFT (ms):                           60.10     \n"
                              "P99 TTFT (ms):                           88.00     \n"
                              "----------------End-to-end Latency----------------\n"
                              "Mean E2EL (ms):                          4100.00   \n"
                              "P99.9 E2EL (ms):                         9000.50   \n"
                              "==================================================\n";
    QTest::newRow("older labels") << bytes(older) << O::Complete << 13 << "p99_9_e2el_ms" << 9000.5
                                  << "";
    std::string shouting = log;
    shouting.replace(shouting.find("Mean TTFT (ms):"), 15, "MEAN ttft (MS):");
    QTest::newRow("label case") << bytes(shouting) << O::Complete << 21 << "mean_ttft_ms" << 486.0
                                << "";
    BenchLogSpec killed = spec;
    killed.block = false;
    QTest::newRow("killed during run") << bytes(benchLog(killed)) << O::KilledDuringRun << 0 << ""
                                       << 0.0 << "killed during the run";
    const std::string failedStart =
        benchLog(spec).substr(0, log.find("Initial test run completed.")) +
        "\nTraceback (most recent call last):\n  File \"serve.py\", line 1\nValueError: Initial "
        "test run failed - Please make sure benchmark arguments are correctly specified. "
        "Error: Endpoint readiness timed out after 600s.\n";
    QTest::newRow("failed before start") << bytes(failedStart) << O::FailedBeforeStart << 0 << ""
                                         << 0.0 << "failed before its main run";
    QTest::newRow("empty") << QByteArray() << O::NoResult << 0 << "" << 0.0 << "without result";
    QTest::newRow("binary") << QByteArray("\x01\x02\xff\xfe\r\r\n\x80", 8) << O::NoResult << 0 << ""
                            << 0.0 << "without result";
    BenchLogSpec wrong = spec;
    wrong.prompts = 1000;
    wrong.failed = 5;
    std::string lying = benchLog(wrong);
    lying.replace(lying.find("num_prompts=1000"), 16, "num_prompts=1200");
    QTest::newRow("self-check: prompts")
        << bytes(lying) << O::Complete << 21 << "failed_requests" << 5.0 << "num_prompts";
    std::string badRate = log;
    badRate.replace(badRate.find("19.76"), 5, "25.00");
    QTest::newRow("self-check: throughput")
        << bytes(badRate) << O::Complete << 21 << "request_throughput_req_s" << 25.0
        << "does not match";
    BenchLogSpec none = spec;
    none.failed = spec.prompts;
    QTest::newRow("all failed") << bytes(benchLog(none)) << O::Complete << 21
                                << "successful_requests" << 0.0 << "all requests failed";
}

void TestBenchLogParser::input()
{
    QFETCH(QByteArray, log);
    QFETCH(BenchJob::Outcome, outcome);
    QFETCH(int, fields);
    QFETCH(QString, key);
    QFETCH(double, value);
    QFETCH(QString, warning);
    const auto r = BenchLogParser::parse(text(log), "job-logs/j_j-abcde.log");
    QCOMPARE(BenchJob::outcomeName(r.job.outcome), BenchJob::outcomeName(outcome));
    QCOMPARE(r.job.result ? static_cast<int>(r.job.result->fields.size()) : 0, fields);
    if (!key.isEmpty()) {
        QVERIFY(r.job.result);
        const auto v = r.job.result->value(key.toStdString());
        QVERIFY2(v, qPrintable(key));
        QCOMPARE(*v, value);
    }
    if (warning.isEmpty()) {
        QVERIFY2(r.warnings.empty(), r.warnings.empty() ? "" : r.warnings.front().message.c_str());
    } else {
        QVERIFY2(anyWarningContains(r, warning), qPrintable(warning));
    }
    for (const auto &w : r.warnings) {
        QCOMPARE(w.file, std::string("job-logs/j_j-abcde.log"));
        QVERIFY(w.message.size() <= hpa::core::WarningList::kMaxMessageBytes);
    }
}

void TestBenchLogParser::interleavedStreams()
{
    // Spec §4, `...high-30-lnvk5.log`: a ready-check frame without newline runs into the
    // next print, and another frame comes after `Maximum request concurrency: 512`.
    std::string log = benchLog(BenchLogSpec{});
    const std::size_t ready = log.find("\nInitial test run completed.");
    const std::size_t frame = log.rfind('\r', ready) + 1;
    log.replace(frame, ready + 1 - frame,
                fmt::format("{}", " |          | 00:04 elapsed, 1086:59:32 remaining"));
    log.insert(log.find("Maximum request concurrency: 512\n") + 33,
               "\r |          | 00:15 elapsed, 1086:59:32 remaining");
    const auto r = BenchLogParser::parse(log, "job-logs/x.log");
    QCOMPARE(r.job.outcome, BenchJob::Outcome::Complete);
    QCOMPARE(*r.job.readyCheckSeconds, 4.0);
    // The pre-run `Maximum request concurrency: 512` is not a field; the block's one is.
    QCOMPARE(r.job.result->fields.size(), std::size_t{21});
    QVERIFY2(r.warnings.empty(), r.warnings.empty() ? "" : r.warnings.front().message.c_str());
}

void TestBenchLogParser::hundredMegabytesOfFrames()
{
    BenchLogSpec spec;
    spec.frames = 2'000'000; // ~55 bytes each
    const std::string log = benchLog(spec);
    QVERIFY(log.size() > 100'000'000);
    const auto r = BenchLogParser::parse(log, "job-logs/x.log");
    QCOMPARE(r.job.outcome, BenchJob::Outcome::Complete);
    QCOMPARE(*r.job.barDone, 18000LL);
    QCOMPARE(*r.job.barSeconds, 910.0);
    QCOMPARE(*r.job.result->value("p99_ttft_ms"), 18768.45);
}

void TestBenchLogParser::threeHundredLogs()
{
    int complete = 0;
    double durations = 0;
    for (int i = 0; i < 300; ++i) {
        BenchLogSpec spec;
        spec.frames = 100;
        spec.duration = 600.0 + i; // 600..899: their sum is 300*600 + 299*300/2
        const auto r = BenchLogParser::parse(benchLog(spec), "job-logs/x.log");
        complete += r.job.outcome == BenchJob::Outcome::Complete;
        durations += *r.job.result->value("benchmark_duration_s");
    }
    QCOMPARE(complete, 300);
    QCOMPARE(durations, 300 * 600.0 + 299 * 300 / 2.0);
}

QTEST_APPLESS_MAIN(TestBenchLogParser)
#include "tst_bench_log_parser.moc"
