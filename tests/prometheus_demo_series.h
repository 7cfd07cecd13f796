#pragma once

// The series a cluster's Prometheus would hold for a demo run, written as OpenMetrics for
// promtool to backfill, and what each preset query must answer at any time, computed here
// independently from the written samples.
//
// From every row of the demo's metrics.csv: kube-state-metrics HPA, deployment and job series;
// one vLLM pod per replica (pods appear on scale-up and the oldest vanish on scale-down), each
// with its own waiting and KV values spread around the row's average, TTFT and per-token
// latency histograms (buckets, _sum, _count; the per-token one under the older name
// vllm:time_per_output_token_seconds, so the preset's fallback is what finds it) and a
// request counter.

#include "core/io/file_reader.h"
#include "core/parsers/metrics_csv_parser.h"

#include <QByteArray>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <deque>
#include <limits>
#include <string>
#include <utility>
#include <vector>

namespace hpa::test {

class PrometheusDemoSeries
{
public:
    using Samples = std::vector<std::pair<double, double>>;
    static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

    struct Options
    {
        /// Round pod values to multiples of 1/64 (waiting) and 1/1024 (KV): their sums are
        /// then exact in any order, so the imported averages can be compared exactly.
        bool dyadic = false;
        /// Spread the pods' values around the row's value (their average stays the row's).
        bool spread = true;
        std::string ns = "hpa-lens-demo", hpa = "vllm-hpa-combined", deployment = "vllm-decode";
    };

    struct Pod
    {
        std::string name;
        Samples waiting, kv, ttftSum, ttftCount, itlSum, itlCount, success;
    };

    /// Reads `dir`/metrics.csv (a demo folder). Empty series when it cannot be read.
    static PrometheusDemoSeries fromDemoFolder(const std::string &dir, const Options &options)
    {
        PrometheusDemoSeries s;
        s.m_options = options;
        const auto file = core::FileReader::read(dir + "/metrics.csv", 1 << 26);
        if (!file.ok)
            return s;
        const auto parsed = core::MetricsCsvParser::parse(file.content, "metrics.csv");
        const auto &table = parsed.table;
        const auto col = [&](const char *key) {
            const auto *v = table.values(key);
            return v ? *v : std::vector<double>(table.rowCount(), kNaN);
        };
        const auto replicas = col("replicas"), desired = col("desired_replicas"),
                   waiting = col("waiting"), waitingTarget = col("waiting_target"),
                   kv = col("kv_cache_raw"), kvTarget = col("kv_cache_target_raw"),
                   ttft = col("ttft_ms"), itl = col("itl_ms"), active = col("active_jobs");
        std::deque<int> live;
        int nextPod = 0;
        const std::size_t lag = 6; // ready = the replica count of 30 s before, at most
        for (std::size_t row = 0; row < table.rowCount(); ++row) {
            const double t = table.time()[row];
            s.m_times.push_back(t);
            s.replicas.emplace_back(t, replicas[row]);
            s.desired.emplace_back(t, desired[row]);
            s.ready.emplace_back(t, std::min(replicas[row], replicas[row >= lag ? row - lag : 0]));
            s.waitingTarget.emplace_back(t, waitingTarget[row]);
            s.kvTarget.emplace_back(t, kvTarget[row]);
            s.minReplicas.emplace_back(t, 1);
            s.maxReplicas.emplace_back(t, 10);
            s.active.push_back(active[row]);
            const auto r = static_cast<std::size_t>(std::max(0.0, replicas[row]));
            while (live.size() < r) {
                live.push_back(nextPod++);
                s.pods.push_back(
                    Pod{fmt::format("{}-6d8f9c7b5-p{:02d}", options.deployment, live.back()),
                        {},
                        {},
                        {},
                        {},
                        {},
                        {},
                        {}});
            }
            while (live.size() > r)
                live.pop_front();
            for (std::size_t j = 0; j < live.size(); ++j)
                s.addPodSample(s.pods[static_cast<std::size_t>(live[j])], j, live.size(), t,
                               waiting[row], kv[row], ttft[row], itl[row]);
        }
        return s;
    }

    const std::vector<double> &times() const { return m_times; }

    /// The OpenMetrics text promtool backfills (ends with `# EOF`).
    QByteArray openMetrics() const
    {
        std::string out;
        const std::string hpaLabels = fmt::format("namespace=\"{}\",horizontalpodautoscaler=\"{}\"",
                                                  m_options.ns, m_options.hpa);
        const auto gauge = [&](const std::string &name, const std::string &labels,
                               const Samples &samples) {
            out += "# TYPE " + name + " gauge\n";
            writeSamples(out, name, labels, samples);
        };
        // kube-state-metrics 1.x names the same series kube_hpa_* with the label `hpa`.
        const std::string legacyLabels =
            fmt::format("namespace=\"{}\",hpa=\"{}\"", m_options.ns, m_options.hpa);
        gauge("kube_hpa_status_current_replicas", legacyLabels, replicas);
        gauge("kube_hpa_status_desired_replicas", legacyLabels, desired);
        gauge("kube_hpa_spec_min_replicas", legacyLabels, minReplicas);
        gauge("kube_hpa_spec_max_replicas", legacyLabels, maxReplicas);
        out += "# TYPE kube_hpa_spec_target_metric gauge\n";
        writeSamples(out, "kube_hpa_spec_target_metric",
                     legacyLabels + ",metric_name=\"vllm:num_requests_waiting\"", waitingTarget);
        writeSamples(out, "kube_hpa_spec_target_metric",
                     legacyLabels + ",metric_name=\"vllm:kv_cache_usage_perc\"", kvTarget);
        gauge("kube_horizontalpodautoscaler_status_current_replicas", hpaLabels, replicas);
        gauge("kube_horizontalpodautoscaler_status_desired_replicas", hpaLabels, desired);
        gauge("kube_horizontalpodautoscaler_spec_min_replicas", hpaLabels, minReplicas);
        gauge("kube_horizontalpodautoscaler_spec_max_replicas", hpaLabels, maxReplicas);
        out += "# TYPE kube_horizontalpodautoscaler_spec_target_metric gauge\n";
        writeSamples(out, "kube_horizontalpodautoscaler_spec_target_metric",
                     hpaLabels + ",metric_name=\"vllm:num_requests_waiting\","
                                 "metric_target_type=\"average\"",
                     waitingTarget);
        writeSamples(out, "kube_horizontalpodautoscaler_spec_target_metric",
                     hpaLabels + ",metric_name=\"vllm:kv_cache_usage_perc\","
                                 "metric_target_type=\"average\"",
                     kvTarget);
        Samples info;
        for (const double t : m_times)
            info.emplace_back(t, 1);
        gauge("kube_horizontalpodautoscaler_info",
              hpaLabels + fmt::format(",scaletargetref_kind=\"Deployment\","
                                      "scaletargetref_name=\"{}\"",
                                      m_options.deployment),
              info);
        gauge("kube_deployment_status_replicas_ready",
              fmt::format("namespace=\"{}\",deployment=\"{}\"", m_options.ns, m_options.deployment),
              ready);
        out += "# TYPE kube_job_status_active gauge\n";
        double maxJobs = 0;
        for (const double a : active)
            maxJobs = std::max(maxJobs, std::isfinite(a) ? a : 0);
        for (int job = 0; job < static_cast<int>(maxJobs); ++job) {
            Samples samples;
            for (std::size_t row = 0; row < m_times.size(); ++row)
                samples.emplace_back(m_times[row], active[row] > job ? 1 : 0);
            writeSamples(out, "kube_job_status_active",
                         fmt::format("namespace=\"{}\",job_name=\"load-{}\"", m_options.ns, job),
                         samples);
        }
        const auto podLabels = [&](const Pod &pod) {
            return fmt::format("namespace=\"{}\",pod=\"{}\",model_name=\"demo\"", m_options.ns,
                               pod.name);
        };
        out += "# TYPE vllm:num_requests_waiting gauge\n";
        for (const Pod &pod : pods)
            writeSamples(out, "vllm:num_requests_waiting", podLabels(pod), pod.waiting);
        // A pod of another deployment in the namespace: the queries must not count it.
        Samples other;
        for (const double t : m_times)
            other.emplace_back(t, 1000);
        writeSamples(out, "vllm:num_requests_waiting",
                     fmt::format("namespace=\"{}\",pod=\"embedder-5f6d-p00\"", m_options.ns),
                     other);
        out += "# TYPE vllm:kv_cache_usage_perc gauge\n";
        for (const Pod &pod : pods)
            writeSamples(out, "vllm:kv_cache_usage_perc", podLabels(pod), pod.kv);
        writeHistogram(out, "vllm:time_to_first_token_seconds", podLabels, &Pod::ttftSum,
                       &Pod::ttftCount);
        writeHistogram(out, "vllm:time_per_output_token_seconds", podLabels, &Pod::itlSum,
                       &Pod::itlCount);
        out += "# TYPE vllm:request_success counter\n";
        for (const Pod &pod : pods)
            writeSamples(out, "vllm:request_success_total", podLabels(pod), pod.success);
        out += "# EOF\n";
        return QByteArray::fromStdString(out);
    }

    // ---- what a query must answer at time `t` (Prometheus 2.x semantics) ----

    /// The last sample at or before t within the 5-minute lookback; NaN when none.
    static double lastAt(const Samples &samples, double t)
    {
        double v = kNaN;
        for (const auto &[st, sv] : samples)
            if (st <= t && st >= t - 300)
                v = sv;
        return v;
    }

    /// Average over the pods that reported within [t - window, t] of their last value.
    double liveAverage(Samples Pod::*field, double t, double window) const
    {
        double sum = 0;
        int count = 0;
        for (const Pod &pod : pods) {
            double v = kNaN;
            for (const auto &[st, sv] : pod.*field)
                if (st >= t - window && st <= t)
                    v = sv;
            if (!std::isnan(v)) {
                sum += v;
                ++count;
            }
        }
        return count ? sum / count : kNaN;
    }

    /// 1000 * sum(rate(sum[1m])) / sum(rate(count[1m])): a latency mean in ms.
    double latencyMeanMs(Samples Pod::*sum, Samples Pod::*count, double t) const
    {
        double num = 0, den = 0;
        bool any = false;
        for (const Pod &pod : pods) {
            const double a = rate(pod.*sum, t, 60), b = rate(pod.*count, t, 60);
            if (std::isnan(a) || std::isnan(b))
                continue;
            num += a;
            den += b;
            any = true;
        }
        const double mean = any ? 1000 * num / den : kNaN;
        return std::isfinite(mean) ? mean : kNaN;
    }

    /// 60 * sum(rate(vllm:request_success_total[1m])).
    double requestsPerMinute(double t) const
    {
        double total = 0;
        bool any = false;
        for (const Pod &pod : pods)
            if (const double r = rate(pod.success, t, 60); !std::isnan(r)) {
                total += r;
                any = true;
            }
        return any ? 60 * total : kNaN;
    }

    /// sum(kube_job_status_active): every job series is written at every row.
    double activeJobsAt(double t) const
    {
        double v = kNaN;
        for (std::size_t row = 0; row < m_times.size(); ++row)
            if (m_times[row] <= t && m_times[row] >= t - 300)
                v = active[row];
        return v;
    }

    /// Prometheus 2.x extrapolatedRate() for a counter over [t - range, t].
    static double rate(const Samples &all, double t, double range)
    {
        Samples s;
        for (const auto &p : all)
            if (p.first >= t - range && p.first <= t)
                s.push_back(p);
        if (s.size() < 2)
            return kNaN;
        double result = s.back().second - s.front().second;
        for (std::size_t i = 1; i < s.size(); ++i)
            if (s[i].second < s[i - 1].second)
                result += s[i - 1].second;
        double toStart = s.front().first - (t - range);
        const double toEnd = t - s.back().first;
        const double sampled = s.back().first - s.front().first;
        const double average = sampled / static_cast<double>(s.size() - 1);
        if (result > 0 && s.front().second >= 0) {
            const double toZero = sampled * (s.front().second / result);
            toStart = std::min(toStart, toZero);
        }
        const double threshold = average * 1.1;
        double interval = sampled;
        interval += toStart < threshold ? toStart : average / 2;
        interval += toEnd < threshold ? toEnd : average / 2;
        return result * (interval / sampled) / range;
    }

    Samples replicas, desired, ready, waitingTarget, kvTarget, minReplicas, maxReplicas;
    std::vector<double> active;
    std::vector<Pod> pods;

private:
    static constexpr double kBuckets[] = {0.001, 0.005, 0.01, 0.025, 0.05, 0.1,
                                          0.25,  0.5,   1,    2.5,   5};

    void addPodSample(Pod &pod, std::size_t j, std::size_t live, double t, double waiting,
                      double kv, double ttftMs, double itlMs)
    {
        double w = std::isfinite(waiting) ? waiting : 0;
        double k = std::isfinite(kv) ? kv : 0;
        if (m_options.dyadic) {
            w = std::round(w * 64) / 64;
            k = std::round(k * 1024) / 1024;
        }
        // Pairs of pods get +d and -d; an odd last pod gets the value itself.
        const bool paired = !(live % 2 == 1 && j == live - 1);
        const double sign = j % 2 == 0 ? 1.0 : -1.0;
        if (m_options.spread && paired && w >= 0.5)
            w += sign * 0.5;
        if (m_options.spread && paired && k >= 1.0 / 64 && k <= 1 - 1.0 / 64)
            k += sign / 64;
        pod.waiting.emplace_back(t, w);
        pod.kv.emplace_back(t, k);
        // Counters start at 0 with the pod; each later sample adds this pod's requests.
        const bool first = pod.ttftCount.empty();
        const double requests = first || !(ttftMs > 0) ? 0 : static_cast<double>(1 + j % 3);
        const double tokens = requests * 4;
        const auto add = [&](Samples &series, double increment) {
            series.emplace_back(t, (series.empty() ? 0 : series.back().second) + increment);
        };
        add(pod.ttftCount, requests);
        add(pod.ttftSum, requests * (std::isfinite(ttftMs) ? ttftMs : 0) / 1000);
        add(pod.itlCount, itlMs > 0 ? tokens : 0);
        add(pod.itlSum, itlMs > 0 ? tokens * itlMs / 1000 : 0);
        add(pod.success, requests);
    }

    static void writeSamples(std::string &out, const std::string &name, const std::string &labels,
                             const Samples &samples)
    {
        for (const auto &[t, v] : samples)
            if (std::isfinite(v))
                out += fmt::format("{}{{{}}} {} {}\n", name, labels, v, t);
    }

    template <typename Labels>
    void writeHistogram(std::string &out, const std::string &name, const Labels &labels,
                        Samples Pod::*sum, Samples Pod::*count) const
    {
        out += "# TYPE " + name + " histogram\n";
        for (const Pod &pod : pods) {
            const Samples &sums = pod.*sum;
            const Samples &counts = pod.*count;
            std::vector<double> cumulative(std::size(kBuckets), 0);
            for (std::size_t i = 0; i < counts.size(); ++i) {
                const double added = counts[i].second - (i ? counts[i - 1].second : 0);
                const double mean =
                    added > 0 ? (sums[i].second - (i ? sums[i - 1].second : 0)) / added : 0;
                for (std::size_t b = 0; b < std::size(kBuckets); ++b)
                    if (added > 0 && mean <= kBuckets[b])
                        cumulative[b] += added;
                const double t = counts[i].first;
                for (std::size_t b = 0; b < std::size(kBuckets); ++b)
                    out += fmt::format("{}_bucket{{{},le=\"{}\"}} {} {}\n", name, labels(pod),
                                       kBuckets[b], cumulative[b], t);
                out += fmt::format("{}_bucket{{{},le=\"+Inf\"}} {} {}\n", name, labels(pod),
                                   counts[i].second, t);
                out += fmt::format("{}_sum{{{}}} {} {}\n", name, labels(pod), sums[i].second, t);
                out +=
                    fmt::format("{}_count{{{}}} {} {}\n", name, labels(pod), counts[i].second, t);
            }
        }
    }

    Options m_options;
    std::vector<double> m_times;
};

} // namespace hpa::test
