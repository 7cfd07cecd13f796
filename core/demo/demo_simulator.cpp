// Simulation model of the demo experiment.
// - Load: LoadProfile's overlapping constant-rate Jobs, repeated cyclically; arrivals get +-10 %
//   noise. One queue for the deployment; each ready pod serves ~8 req/s (+-5 %); what is not
//   served waits (capped at 1500 requests: clients give up). Waiting is reported per ready pod.
// - KV cache follows pod utilisation and the queue; TTFT = 90-150 ms + queue wait; ITL 15-40 ms
//   rising with utilisation. TTFT, ITL and served requests/min are ~1-minute averages (EMA),
//   reported as 0.00 once nothing has been served for a minute, like an empty Prometheus query.
// - HPA (HpaController, i.e. the shared HpaReconciler) every 15 s of simulated time, on the rounded
// metrics the CSV shows:
//   ceil(ready pods * metric / target) for the larger ratio (waiting/pod vs 10, KV vs 0.8), 10 %
//   tolerance, 1..10 replicas, up by max(+100 %, +4) and down by 1 pod per 15 s, down only after a
//   120 s stabilization window. New pods become ready 20-60 s after the HPA asks; scale-down
//   removes unready pods first. `replicas` = ready pods, `desired_replicas` = the HPA's count.
// - Noise comes from std::mt19937_64 through our own uniform/triangular transforms (the standard
//   distributions are implementation-defined), so the files are byte-identical everywhere.
#include "core/demo/demo_simulator.h"

#include "core/demo/demo_cluster.h"
#include "core/demo/hpa_controller.h"
#include "core/demo/load_profile.h"
#include "core/io/atomic_file.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string_view>
#include <thread>

namespace hpa::core {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kDefaultSamples = 300;
constexpr std::size_t kMaxSamples = 100'000'000;
constexpr std::size_t kFlushBytes = std::size_t{1} << 20;
constexpr std::string_view kHeader =
    "timestamp,replicas,desired_replicas,num_requests_waiting,num_requests_waiting_target,"
    "kv_cache_usage_perc,kv_cache_usage_target,ttft_ms,itl_ms,request_rate_per_min,active_jobs\n";

long long daysFromCivil(long long y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const long long era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<long long>(doe) - 719468;
}

void appendTimestamp(fmt::memory_buffer &out, long long seconds)
{
    const long long days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400;
    const auto sod = static_cast<unsigned>(seconds - days * 86400);
    const long long z = days + 719468;
    const long long era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    const auto y = static_cast<unsigned>(static_cast<long long>(yoe) + era * 400 + (m <= 2));
    const unsigned hh = sod / 3600, mm = sod / 60 % 60, ss = sod % 60;
    char s[19];
    const auto two = [&](int at, unsigned v) {
        s[at] = static_cast<char>('0' + v / 10);
        s[at + 1] = static_cast<char>('0' + v % 10);
    };
    two(0, y / 100);
    two(2, y % 100);
    s[4] = '-';
    two(5, m);
    s[7] = '-';
    two(8, d);
    s[10] = ' ';
    two(11, hh);
    s[13] = ':';
    two(14, mm);
    s[16] = ':';
    two(17, ss);
    out.append(s, s + sizeof(s));
}

std::string timestampText(long long seconds)
{
    fmt::memory_buffer buf;
    appendTimestamp(buf, seconds);
    return fmt::to_string(buf);
}

/// `YYYY-MM-DD HH:MM:SS` (or with `T`) as seconds of a naive clock.
long long parseStartTime(const std::string &text)
{
    const auto fail = [&]() -> long long {
        throw std::runtime_error("demo: invalid start time '" + text +
                                 "' (expected YYYY-MM-DD HH:MM:SS)");
    };
    if (text.size() != 19 || text[4] != '-' || text[7] != '-' ||
        (text[10] != ' ' && text[10] != 'T') || text[13] != ':' || text[16] != ':')
        return fail();
    const auto number = [&](std::size_t at, std::size_t len) {
        unsigned v = 0;
        for (std::size_t i = at; i < at + len; ++i) {
            if (text[i] < '0' || text[i] > '9')
                fail();
            v = v * 10 + static_cast<unsigned>(text[i] - '0');
        }
        return v;
    };
    const unsigned y = number(0, 4), mo = number(5, 2), d = number(8, 2);
    const unsigned h = number(11, 2), mi = number(14, 2), s = number(17, 2);
    if (y < 1970 || mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59)
        return fail();
    const unsigned nextMonthYear = mo == 12 ? y + 1 : y;
    const long long monthDays =
        daysFromCivil(nextMonthYear, mo == 12 ? 1 : mo + 1, 1) - daysFromCivil(y, mo, 1);
    if (d > monthDays)
        return fail();
    return daysFromCivil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s;
}

/// Appends `v` with at most three decimals and no trailing zeros: `0.997`, `0.19`, `0`, `355`,
/// `10.5`, the way the monitor prints Kubernetes quantities.
void appendQuantity(fmt::memory_buffer &out, double v)
{
    std::array<char, 48> buf{};
    const auto r = fmt::format_to_n(buf.data(), buf.size(), "{:.3f}", v);
    std::size_t n = std::min(r.size, buf.size());
    while (n > 0 && buf[n - 1] == '0')
        --n;
    if (n > 0 && buf[n - 1] == '.')
        --n;
    out.append(buf.data(), buf.data() + n);
}

std::string quantityText(double v)
{
    fmt::memory_buffer buf;
    appendQuantity(buf, v);
    return fmt::to_string(buf);
}

void flushTo(std::ofstream &out, fmt::memory_buffer &buf, const fs::path &path)
{
    out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
    if (!out)
        throw std::runtime_error("demo: cannot write " + path.string());
    buf.clear();
}

void writeWhole(const fs::path &path, std::string_view text)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out)
        throw std::runtime_error("demo: cannot create " + path.string());
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    out.close();
    if (!out)
        throw std::runtime_error("demo: cannot write " + path.string());
}

void prepareDirectory(const fs::path &dir, bool overwrite)
{
    std::error_code ec;
    if (fs::exists(dir, ec)) {
        if (!fs::is_directory(dir, ec))
            throw std::runtime_error("demo: " + dir.string() + " exists and is not a directory");
        if (!overwrite && fs::exists(dir / "metrics.csv", ec))
            throw std::runtime_error("demo: " + dir.string() +
                                     " already holds an experiment (metrics.csv); refusing to "
                                     "overwrite it");
        return;
    }
    fs::create_directories(dir, ec);
    if (ec)
        throw std::runtime_error("demo: cannot create directory " + dir.string() + ": " +
                                 ec.message());
}

std::string intervalText(double seconds)
{
    return fmt::format("{:g}", seconds);
}

/// Whole numbers as JSON integers (`60`, not `60.0`), like the monitor's metadata.
nlohmann::ordered_json jsonNumber(double v)
{
    if (v == std::floor(v) && std::abs(v) < 1e15)
        return static_cast<long long>(v);
    return v;
}

struct RunInfo
{
    std::string name;
    std::string startText;
    std::string endText;
    std::size_t samples = 0;
    std::size_t jobRuns = 0;
};

std::string metadataJson(const RunInfo &run, const DemoSimulator::Options &options,
                         const HpaController::Config &hpa)
{
    nlohmann::ordered_json j;
    j["experiment_name"] = run.name;
    j["description"] = "Simulated HPA experiment bundled with HPA Lens: overlapping load jobs "
                       "against vLLM pods scaled on waiting requests and KV-cache usage";
    j["start_time"] = run.startText;
    j["end_time"] = run.endText;
    j["namespace"] = "hpa-lens-demo";
    j["hpa_name"] = "vllm-hpa-combined";
    j["deployment_name"] = "vllm-decode";
    j["model_name"] = "unsloth/Meta-Llama-3.1-8B";
    j["sample_interval_seconds"] = jsonNumber(options.intervalSeconds);
    j["job_count"] = run.jobRuns;
    j["min_replicas"] = hpa.minReplicas;
    j["max_replicas"] = hpa.maxReplicas;
    j["hpa_sync_period_seconds"] = jsonNumber(hpa.syncPeriodSeconds);
    j["scale_up_stabilization_seconds"] = jsonNumber(hpa.scaleUpStabilizationSeconds);
    j["scale_down_stabilization_seconds"] = jsonNumber(hpa.scaleDownStabilizationSeconds);
    j["scale_up_policy"] = fmt::format("max(+{}%, +{} pods) per {:g}s", hpa.scaleUpPercent,
                                       hpa.scaleUpPods, hpa.scaleUpPeriodSeconds);
    j["scale_down_policy"] =
        fmt::format("-{} pod per {:g}s", hpa.scaleDownPods, hpa.scaleDownPeriodSeconds);
    j["simulated"] = true;
    j["seed"] = options.seed;
    j["samples"] = run.samples;
    return j.dump(2) + "\n";
}

std::string configYaml(const RunInfo &run, const DemoSimulator::Options &options,
                       const LoadProfile &profile, const HpaController::Config &hpa)
{
    fmt::memory_buffer out;
    auto it = std::back_inserter(out);
    fmt::format_to(
        it,
        "# HPA Lens demo experiment configuration (simulated, seed {})\n"
        "# Overlapping load jobs with staggered starts; the schedule repeats every "
        "{:g}s for long runs.\n\n"
        "name: \"hpa-lens-demo\"\n"
        "description: \"Simulated overlapping 10-28 req/s jobs scaled by an HPA on "
        "waiting requests and KV cache\"\n"
        "namespace: \"hpa-lens-demo\"\n"
        "deployment: \"vllm-decode\"\n"
        "model_name: \"unsloth/Meta-Llama-3.1-8B\"\n\n"
        "hpa:\n  enabled: true\n  name: \"vllm-hpa-combined\"\n"
        "  min_replicas: {}\n  max_replicas: {}\n  metrics:\n"
        "    - name: num_requests_waiting\n      target_average_value: {}\n"
        "    - name: kv_cache_usage_perc\n      target_average_value: {}\n"
        "  tolerance: {:g}\n  behavior:\n"
        "    scale_up: {{stabilization_window: {:g}, policies: [\"Percent {} per {:g}s\", "
        "\"Pods {} per {:g}s\"], select: Max}}\n"
        "    scale_down: {{stabilization_window: {:g}, policies: [\"Pods {} per "
        "{:g}s\"]}}\n\n"
        "jobs:\n",
        options.seed, profile.cycleSeconds(), hpa.minReplicas, hpa.maxReplicas,
        quantityText(hpa.waitingTarget), quantityText(hpa.kvCacheTarget), hpa.tolerance,
        hpa.scaleUpStabilizationSeconds, hpa.scaleUpPercent, hpa.scaleUpPeriodSeconds,
        hpa.scaleUpPods, hpa.scaleUpPeriodSeconds, hpa.scaleDownStabilizationSeconds,
        hpa.scaleDownPods, hpa.scaleDownPeriodSeconds);
    for (const LoadProfile::Job &job : profile.jobs())
        fmt::format_to(it,
                       "  - name: \"{}\"\n    manifest: \"{}\"  # {:g} req/s\n"
                       "    duration: {:g}\n    start_delay: {:g}\n    ramp_up: {:g}\n",
                       job.name, job.manifest, job.ratePerSecond, job.durationSeconds,
                       job.startDelaySeconds, job.rampUpSeconds);
    fmt::format_to(it,
                   "\nmetrics:\n  interval: {}\n\nsimulation:\n  seed: {}\n  samples: {}\n"
                   "  cycle_seconds: {:g}\n  pod_capacity_req_per_s: {:g}\n"
                   "  pod_ready_delay_seconds: [20, 60]\n\noutput:\n  experiment: \"{}\"\n",
                   intervalText(options.intervalSeconds), options.seed, run.samples,
                   profile.cycleSeconds(), DemoCluster::podCapacity, run.name);
    return fmt::to_string(out);
}

std::string readmeText(const RunInfo &run, const DemoSimulator::Options &options,
                       const HpaController::Config &hpa)
{
    return fmt::format(
        "# Experiment: {}\n\n"
        "**Date**: {}\n"
        "**Description**: Simulated HPA experiment bundled with HPA Lens (seed {}, {} samples "
        "every {}s)\n\n"
        "## Configuration\n- Namespace: hpa-lens-demo\n- Deployment: vllm-decode\n"
        "- Model: unsloth/Meta-Llama-3.1-8B\n- HPA Enabled: true (simulated)\n\n"
        "## Files\n- `metrics.csv`: Time-series metrics data (replicas, TTFT, ITL, etc.)\n"
        "- `scaling-events.log`: HPA scaling events log\n"
        "- `experiment-config.yaml`: Full experiment configuration\n"
        "- `metadata.json`: Run metadata\n\n"
        "## Simulation model\n"
        "No cluster was involved: `hpa-lens demo` generated these files.\n"
        "- Overlapping load jobs (see experiment-config.yaml) send requests into one queue; each\n"
        "  ready pod serves about {:g} requests/s and the rest waits. Waiting requests are "
        "reported per pod.\n"
        "- KV-cache usage follows pod utilisation and the backlog; TTFT is 90-150 ms plus the "
        "queue wait;\n  ITL rises from 15 to 40 ms with load. Latencies and the request rate are "
        "1-minute averages.\n"
        "- The HPA runs every {:g} s: desired = ceil(ready pods * metric / target) for the "
        "larger ratio\n  (waiting target {}, KV-cache target {}), {:g} % tolerance, {}-{} "
        "replicas; scale up by\n  max({} %, {} pods) per {:g} s, scale down by {} pod per {:g} s "
        "after a {:g} s stabilization window.\n"
        "- New pods become ready 20-60 s after the HPA asks for them; `replicas` counts ready "
        "pods.\n",
        run.name, run.endText, options.seed, run.samples, intervalText(options.intervalSeconds),
        DemoCluster::podCapacity, hpa.syncPeriodSeconds, quantityText(hpa.waitingTarget),
        quantityText(hpa.kvCacheTarget), hpa.tolerance * 100.0, hpa.minReplicas, hpa.maxReplicas,
        hpa.scaleUpPercent, hpa.scaleUpPods, hpa.scaleUpPeriodSeconds, hpa.scaleDownPods,
        hpa.scaleDownPeriodSeconds, hpa.scaleDownStabilizationSeconds);
}

void validate(const DemoSimulator::Options &options)
{
    if (!std::isfinite(options.intervalSeconds) || options.intervalSeconds <= 0.0)
        throw std::runtime_error(fmt::format("demo: the sample interval must be positive, got {}",
                                             options.intervalSeconds));
    if (!std::isfinite(options.liveSpeed) || options.liveSpeed < 0.0 || options.liveSpeed > 10000.0)
        throw std::runtime_error(
            fmt::format("demo: the live speed must be in (0, 10000], got {}", options.liveSpeed));
    if (options.samples > kMaxSamples)
        throw std::runtime_error(
            fmt::format("demo: at most {} samples, got {}", kMaxSamples, options.samples));
}

} // namespace

std::size_t DemoSimulator::defaultSamples()
{
    return kDefaultSamples;
}

void DemoSimulator::write(const std::string &outDir, const Options &options, bool overwrite)
{
    validate(options);
    if (outDir.empty())
        throw std::runtime_error("demo: no output directory given");
    const std::size_t samples = options.samples == 0 ? kDefaultSamples : options.samples;
    const long long start = parseStartTime(options.startTime);
    const auto offset = [&](double elapsed) {
        return start + static_cast<long long>(std::floor(elapsed));
    };
    const double runSeconds = static_cast<double>(samples) * options.intervalSeconds;
    if (static_cast<double>(start) + runSeconds >= 253402300800.0) // 10000-01-01
        throw std::runtime_error("demo: the run would end after the year 9999");

    const fs::path dir(outDir);
    prepareDirectory(dir, overwrite);

    DemoCluster cluster(LoadProfile::defaultScenario(), options.seed);
    const LoadProfile &profile = cluster.profile();
    HpaController hpa(HpaController::Config{}, 1);
    const HpaController::Config &hpaConfig = hpa.config();

    RunInfo run;
    run.samples = samples;
    run.startText = timestampText(start);
    run.endText = timestampText(offset(runSeconds));
    run.jobRuns = profile.jobRunsStartedBefore(runSeconds);
    fmt::memory_buffer name;
    fmt::format_to(std::back_inserter(name), "hpa-lens-demo-{}{}{}-{}{}{}",
                   run.startText.substr(0, 4), run.startText.substr(5, 2),
                   run.startText.substr(8, 2), run.startText.substr(11, 2),
                   run.startText.substr(14, 2), run.startText.substr(17, 2));
    run.name = fmt::to_string(name);
    const bool live = options.liveSpeed > 0;
    if (live) {
        // As a monitor does: the description first, end_time only once the run has ended.
        auto running = nlohmann::ordered_json::parse(metadataJson(run, options, hpaConfig));
        running.erase("end_time");
        writeWhole(dir / "metadata.json", running.dump(2) + "\n");
        writeWhole(dir / "experiment-config.yaml", configYaml(run, options, profile, hpaConfig));
        writeWhole(dir / "README.md", readmeText(run, options, hpaConfig));
    }

    const fs::path csvPath = dir / "metrics.csv";
    std::ofstream csv(csvPath, std::ios::binary | std::ios::trunc);
    if (!csv)
        throw std::runtime_error("demo: cannot create " + csvPath.string());
    const fs::path eventsPath = dir / "scaling-events.log";
    std::ofstream eventsFile(eventsPath, std::ios::binary | std::ios::trunc);
    if (!eventsFile)
        throw std::runtime_error("demo: cannot create " + eventsPath.string());
    fmt::memory_buffer rows;
    rows.append(kHeader.data(), kHeader.data() + kHeader.size());
    fmt::memory_buffer events;
    fmt::memory_buffer stamp;
    const auto eventLine = [&](std::string_view text) {
        events.push_back('[');
        events.append(stamp.data(), stamp.data() + stamp.size());
        events.append(std::string_view("] "));
        events.append(text);
        events.push_back('\n');
    };
    const std::string waitingTarget = quantityText(hpaConfig.waitingTarget);
    const std::string kvTarget = quantityText(hpaConfig.kvCacheTarget);

    appendTimestamp(stamp, start);
    eventLine("Monitor started - collecting metrics every " +
              intervalText(options.intervalSeconds) + "s");
    const auto flushAll = [&] {
        flushTo(csv, rows, csvPath);
        csv.flush();
        flushTo(eventsFile, events, eventsPath);
        eventsFile.flush();
    };
    using Clock = std::chrono::steady_clock;
    const Clock::time_point liveStart = Clock::now();
    if (live)
        flushAll(); // the header and the start line at once

    int previousReplicas = 0;
    int previousDesired = hpa.desiredReplicas();
    std::size_t evaluations = 0;
    for (std::size_t i = 0; i < samples;) {
        const double sampleAt = static_cast<double>(i) * options.intervalSeconds;
        const double evaluateAt = static_cast<double>(evaluations) * hpaConfig.syncPeriodSeconds;
        const double now = std::min(sampleAt, evaluateAt);
        cluster.advanceTo(now);
        const DemoCluster::Sample s = cluster.observe();
        if (evaluateAt <= now) {
            const int before = hpa.desiredReplicas();
            const int after = hpa.evaluate(now, s.readyPods, s.waitingPerPod, s.kvCacheFraction);
            cluster.scale(before, after);
            ++evaluations;
        }
        if (sampleAt > now)
            continue;

        if (live) {
            const auto due = std::chrono::duration<double>(sampleAt / options.liveSpeed);
            std::this_thread::sleep_until(liveStart +
                                          std::chrono::duration_cast<Clock::duration>(due));
        }
        const int desired = hpa.desiredReplicas();
        stamp.clear();
        appendTimestamp(stamp, offset(sampleAt));
        rows.append(stamp.data(), stamp.data() + stamp.size());
        fmt::format_to(std::back_inserter(rows), ",{},{},", s.readyPods, desired);
        appendQuantity(rows, s.waitingPerPod);
        fmt::format_to(std::back_inserter(rows), ",{},", waitingTarget);
        appendQuantity(rows, s.kvCacheFraction);
        fmt::format_to(std::back_inserter(rows), ",{},{:.2f},{:.2f},{:.2f},{}\n", kvTarget,
                       s.ttftMs, s.itlMs, s.requestsPerMinute, s.activeJobs);

        if (desired != previousDesired)
            eventLine(fmt::format("SCALE {} TRIGGERED: {} -> {} (waiting: {}, cache: {})",
                                  desired > previousDesired ? "UP" : "DOWN", s.readyPods, desired,
                                  quantityText(s.waitingPerPod), quantityText(s.kvCacheFraction)));
        if (s.readyPods != previousReplicas)
            eventLine(fmt::format("REPLICAS CHANGED: {} -> {}", previousReplicas, s.readyPods));
        previousDesired = desired;
        previousReplicas = s.readyPods;
        ++i;
        if (live) {
            flushAll();
            if (options.rowWritten)
                options.rowWritten(i);
        } else if (rows.size() >= kFlushBytes) {
            flushTo(csv, rows, csvPath);
        }
    }
    flushTo(csv, rows, csvPath);
    csv.close();
    if (!csv)
        throw std::runtime_error("demo: cannot write " + csvPath.string());

    stamp.clear();
    appendTimestamp(stamp, offset(runSeconds));
    eventLine("Monitor stopped");
    flushTo(eventsFile, events, eventsPath);
    eventsFile.close();
    if (!eventsFile)
        throw std::runtime_error("demo: cannot write " + eventsPath.string());
    if (live) {
        // Replaced whole: a reader never sees it half written.
        AtomicFile::write((dir / "metadata.json").string(), metadataJson(run, options, hpaConfig));
        return;
    }
    writeWhole(dir / "metadata.json", metadataJson(run, options, hpaConfig));
    writeWhole(dir / "experiment-config.yaml", configYaml(run, options, profile, hpaConfig));
    writeWhole(dir / "README.md", readmeText(run, options, hpaConfig));
}

std::string DemoSimulator::localTimeNow()
{
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S", &local);
    return text;
}

} // namespace hpa::core
