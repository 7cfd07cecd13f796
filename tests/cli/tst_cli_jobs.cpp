#include "cli_process.h"

#include "bench_log_writer.h"

#include <nlohmann/json.hpp>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

namespace {

using Json = nlohmann::ordered_json;

const QString kShared = QStringLiteral(HPA_SHARED_DIR "/examples/");
const QString kLogName =
    QStringLiteral("vllm-bench-sharegpt-load-high-20_vllm-bench-sharegpt-load-high-20-g7ngv.log");

bool copyFolder(const QString &from, const QString &to)
{
    QDir().mkpath(to);
    for (const QString &name : QDir(from).entryList(QDir::Files))
        if (!QFile::copy(from + '/' + name, to + '/' + name))
            return false;
    return true;
}

Json summaryJson(const QStringList &args)
{
    const auto r = hpa::test::runHpaLens(QStringList{QStringLiteral("summary")} + args +
                                         QStringList{QStringLiteral("--json")});
    if (r.exitCode != 0)
        qFatal("summary failed: %s", r.err.constData());
    return Json::parse(r.out.toStdString());
}

} // namespace

class TestCliJobs : public QObject
{
    Q_OBJECT

private slots:
    void sharedLogInAnExperiment();
    void sloOptions_data();
    void sloOptions();
    void benchOnlyFolder();
};

void TestCliJobs::sharedLogInAnExperiment()
{
    // Issue 15's "done when": the shared job log copied into an experiment's job-logs/.
    const QString experiment = kShared + QStringLiteral("hpa-experiment-20251120-140312");
    const QString log = kShared + QStringLiteral("vllm-bench-job-logs/") + kLogName;
    if (!QDir(experiment).exists() || !QFile::exists(log))
        QSKIP("../shared/examples is absent");
    QTemporaryDir tmp;
    const QString dir = tmp.path() + QStringLiteral("/run");
    QVERIFY(copyFolder(experiment, dir));
    QDir(dir).mkdir(QStringLiteral("job-logs"));
    QVERIFY(QFile::copy(log, dir + QStringLiteral("/job-logs/") + kLogName));
    const Json j = summaryJson({dir});
    QCOMPARE(j["jobs"].size(), std::size_t{1});
    const Json &job = j["jobs"][0];
    QCOMPARE(job["name"].get<std::string>(), std::string("vllm-bench-sharegpt-load-high-20"));
    QCOMPARE(job["pod"].get<std::string>(), std::string("vllm-bench-sharegpt-load-high-20-g7ngv"));
    // jobs.log names sharegpt-load-job-1 only, and the log's Dec 9 clock is weeks from this
    // Nov 20 experiment: no quarter-hour offset fits, so it is not placed, and says why.
    QCOMPARE(job["placed"].get<bool>(), false);
    QVERIFY(job["start"].is_null());
    QVERIFY(job["placement"].get<std::string>().find("not placed: no whole number") == 0);
    QCOMPARE(job["config"]["num_prompts"].get<long long>(), 18000LL);
    QCOMPARE(job["config"]["request_rate"].get<double>(), 20.0);
    QVERIFY(job["config"]["goodput"].is_null());
    const Json &r = job["result"];
    const std::vector<std::pair<std::string, double>> expected{
        {"successful_requests", 17984},
        {"failed_requests", 16},
        {"maximum_request_concurrency", 512},
        {"request_rate_configured_rps", 20.00},
        {"benchmark_duration_s", 910.11},
        {"total_input_tokens", 4234711},
        {"total_generated_tokens", 8180193},
        {"request_throughput_req_s", 19.76},
        {"output_token_throughput_tok_s", 8988.12},
        {"peak_output_token_throughput_tok_s", 17840.00},
        {"peak_concurrent_requests", 585.00},
        {"total_token_throughput_tok_s", 13641.07},
        {"mean_ttft_ms", 486.00},
        {"median_ttft_ms", 40.25},
        {"p99_ttft_ms", 18768.45},
        {"mean_tpot_ms", 25.82},
        {"median_tpot_ms", 13.96},
        {"p99_tpot_ms", 84.76},
        {"mean_itl_ms", 24.86},
        {"median_itl_ms", 13.16},
        {"p99_itl_ms", 96.63}};
    QCOMPARE(r.size(), expected.size());
    std::size_t i = 0;
    for (auto it = r.begin(); it != r.end(); ++it, ++i) {
        QCOMPARE(it.key(), expected[i].first);
        QVERIFY(it.value().is_number());
        QCOMPARE(it.value().get<double>(), expected[i].second);
    }
    QCOMPARE(j["client_latency"]["ttft_mean_ms"].get<double>(), 486.0);
    QCOMPARE(j["client_latency"]["ttft_p99_worst"]["ms"].get<double>(), 18768.45);
    QCOMPARE(j["client_latency"]["requests"].get<double>(), 17984.0);
}

void TestCliJobs::sloOptions_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<bool>("ttftP99Ok");
    QTest::addColumn<bool>("ttftMedianOk");
    QTest::addColumn<bool>("itlP99Ok");
    // The synthetic log: median TTFT 40.25, P99 TTFT 18768.45, P99 ITL 96.63 ms.
    QTest::newRow("defaults 1000/100") << QStringList{} << false << true << true;
    QTest::newRow("loose TTFT") << QStringList{"--slo-ttft", "20000"} << true << true << true;
    QTest::newRow("tight") << QStringList{"--slo-ttft", "40", "--slo-itl", "96.62"} << false
                           << false << false;
    QTest::newRow("limits are inclusive")
        << QStringList{"--slo-ttft", "18768.45", "--slo-itl", "96.63"} << true << true << true;
}

void TestCliJobs::sloOptions()
{
    QFETCH(QStringList, options);
    QFETCH(bool, ttftP99Ok);
    QFETCH(bool, ttftMedianOk);
    QFETCH(bool, itlP99Ok);
    QTemporaryDir tmp;
    QDir(tmp.path()).mkdir(QStringLiteral("job-logs"));
    hpa::test::BenchLogSpec spec;
    spec.frames = 50;
    const std::string log = hpa::test::benchLog(spec);
    QFile f(tmp.path() + QStringLiteral("/job-logs/a_a-xxxxx.log"));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(log.data(), static_cast<qint64>(log.size()));
    f.close();
    const Json j = summaryJson(QStringList{tmp.path()} + options);
    const Json &slo = j["jobs"][0]["slo"];
    QCOMPARE(slo["ttft_p99_ok"].get<bool>(), ttftP99Ok);
    QCOMPARE(slo["ttft_median_ok"].get<bool>(), ttftMedianOk);
    QCOMPARE(slo["itl_p99_ok"].get<bool>(), itlP99Ok);
}

void TestCliJobs::benchOnlyFolder()
{
    const QString wva = kShared + QStringLiteral("wva/model-based-high-parallel-20251209-224705");
    if (!QDir(wva).exists())
        QSKIP("../shared/examples/wva is absent");
    QTemporaryDir tmp;
    QDir().mkpath(tmp.path() + QStringLiteral("/only/job-logs"));
    for (const QString &name : QDir(wva + "/job-logs").entryList(QDir::Files))
        QVERIFY(QFile::copy(wva + "/job-logs/" + name, tmp.path() + "/only/job-logs/" + name));
    const QString dir = tmp.path() + QStringLiteral("/only");
    const Json j = summaryJson({dir});
    QCOMPARE(j["bench_only"].get<bool>(), true);
    QCOMPARE(j["samples"].get<int>(), 0);
    QCOMPARE(j["jobs"].size(), std::size_t{3});
    QCOMPARE(j["client_latency"]["jobs"].get<int>(), 3);
    const auto text = hpa::test::runHpaLens({QStringLiteral("summary"), dir});
    QCOMPARE(text.exitCode, 0);
    QVERIFY(text.out.contains("Bench-only run"));
    QVERIFY(text.out.contains("CLIENT LATENCY"));
    const auto bad = hpa::test::runHpaLens({QStringLiteral("summary"), dir, "--slo-ttft", "0"});
    QCOMPARE(bad.exitCode, 2);
}

QTEST_GUILESS_MAIN(TestCliJobs)
#include "tst_cli_jobs.moc"
