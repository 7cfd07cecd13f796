#include "core/analysis/experiment_analyzer.h"

#include "core/analysis/prediction_error.h"

#include "core/analysis/client_latency_analyzer.h"
#include "core/analysis/scorecard_calculator.h"
#include "core/analysis/statistics.h"
#include "core/model/collected_series.h"
#include "core/model/metric_keys.h"
#include "core/model/second_thread.h"
#include "core/model/timestamp.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <functional>
#include <span>
#include <tuple>

namespace hpa::core {

namespace {

/// Below this many rows a second thread costs more than it saves.
constexpr std::size_t kParallelRows = 1 << 16;

SeriesSummary summarizeSeries(std::string_view key, std::span<const double> values)
{
    SeriesSummary s;
    const bool latency = ExperimentAnalyzer::positiveOnly(key);
    s.collected = CollectedSeries::isCollected(key, values);
    if (!s.collected) {
        // No statistics of zeros: they would read as measurements.
        s.notCollectedText = CollectedSeries::notCollectedText(values);
        return s;
    }
    if (auto d = Statistics::describe(values, latency)) {
        s.hasStats = true;
        s.count = d->count;
        s.mean = d->mean;
        s.min = d->min;
        s.max = d->max;
        s.p50 = d->p50;
        s.p90 = d->p90;
        s.p99 = d->p99;
    }
    return s;
}

/// Runs `tasks`, each independent of the others; on long tables two threads take them in turn
/// from the list (the longest first), since each takes milliseconds at a million rows.
void runTasks(const std::vector<std::function<void()>> &tasks, bool parallel)
{
    std::atomic<std::size_t> next{0};
    SecondThread::share(
        [&] {
            for (std::size_t t; (t = next.fetch_add(1)) < tasks.size();)
                tasks[t]();
        },
        parallel && tasks.size() > 1);
}

ViolationSummary violations(std::size_t count, std::size_t samples)
{
    ViolationSummary v;
    v.samples = count;
    v.percent = samples ? 100.0 * double(v.samples) / double(samples) : 0.0;
    return v;
}

/// Rows over `rows` above that row's target for the waiting and the KV threshold and for either
/// (as exceeded() would flag them), counted in one pass without building the flags.
void countViolations(const MetricsTable &m, std::size_t rows, ExperimentSummary &s)
{
    const auto pair = [&m](std::string_view key, std::string_view target) {
        const auto *v = m.values(key);
        const auto *t = m.values(target);
        const std::size_t n = v && t ? std::min(v->size(), t->size()) : 0;
        return std::tuple(n ? v->data() : nullptr, n ? t->data() : nullptr, n);
    };
    const auto [w, wt, nw] = pair(keys::Waiting, keys::WaitingTarget);
    const auto [kv, kvt, nkv] = pair(keys::KvCachePct, keys::KvCacheTargetPct);
    std::size_t waiting = 0, kvCache = 0, any = 0;
    for (std::size_t i = 0; i < rows; ++i) {
        const bool a = i < nw && w[i] > wt[i]; // false whenever either is NaN
        const bool b = i < nkv && kv[i] > kvt[i];
        waiting += a;
        kvCache += b;
        any += a || b;
    }
    s.waitingViolations = violations(waiting, rows);
    s.kvViolations = violations(kvCache, rows);
    s.anyViolations = violations(any, rows);
}

std::optional<double> meanScaleUpLatency(const std::vector<ScalingEvent> &events)
{
    double sum = 0;
    int n = 0;
    for (std::size_t i = 0; i < events.size(); ++i) {
        if (events[i].kind != EventKind::ScaleUp)
            continue;
        for (std::size_t j = i + 1; j < events.size(); ++j) {
            const ScalingEvent &e = events[j];
            if (e.kind == EventKind::ReplicasChanged && e.to >= events[i].to) {
                sum += e.time - events[i].time;
                ++n;
                break;
            }
            // A later scale-down means the target was abandoned before pods arrived.
            if (e.kind == EventKind::ScaleDown)
                break;
        }
    }
    return n ? std::optional(sum / n) : std::nullopt;
}

/// First, last and replica-hours of the replicas column; the scaling event counts.
void summarizeReplicasAndEvents(const Experiment &experiment, ExperimentSummary &s)
{
    const MetricsTable &m = experiment.metrics;
    if (const auto *r = m.values(keys::Replicas)) {
        auto asInt = [](std::optional<double> v) {
            return v ? std::optional<int>(static_cast<int>(std::lround(*v))) : std::nullopt;
        };
        s.replicasInitial = asInt(firstFinite(r));
        s.replicasFinal = asInt(lastFinite(r));
        // A local sum: adding into the summary's member goes through memory on every row.
        double replicaSeconds = 0;
        const auto &t = m.time();
        for (std::size_t i = 0; i + 1 < r->size(); ++i) {
            if (std::isfinite((*r)[i]))
                replicaSeconds += (*r)[i] * (t[i + 1] - t[i]);
        }
        s.replicaSeconds = replicaSeconds;
    }

    s.eventsTotal = experiment.events.size();
    for (const ScalingEvent &e : experiment.events) {
        switch (e.kind) {
        case EventKind::ScaleUp:
            ++s.scaleUps;
            break;
        case EventKind::ScaleDown:
            ++s.scaleDowns;
            break;
        case EventKind::ReplicasChanged:
            ++s.replicaChanges;
            break;
        }
    }
    s.meanScaleUpLatencySeconds = meanScaleUpLatency(experiment.events);
}

} // namespace

bool ExperimentAnalyzer::positiveOnly(std::string_view key)
{
    return key == keys::TtftMs || key == keys::ItlMs;
}

std::vector<std::string> ExperimentAnalyzer::summaryKeys(const Experiment &experiment)
{
    static constexpr std::string_view kOrder[] = {
        keys::Replicas, keys::DesiredReplicas, keys::Waiting,    keys::KvCachePct,   keys::TtftMs,
        keys::ItlMs,    keys::RequestRate,     keys::ActiveJobs, keys::CompletedJobs};
    std::vector<std::string> out;
    for (std::string_view key : kOrder) {
        if (experiment.metrics.has(key))
            out.emplace_back(key);
    }
    for (const MetricColumn &c : experiment.metrics.columns()) {
        if (!keys::isKnownKey(c.key))
            out.push_back(c.key);
    }
    return out;
}

std::vector<bool> ExperimentAnalyzer::exceeded(std::span<const double> values,
                                               std::span<const double> targets)
{
    std::vector<bool> flags(values.size(), false);
    for (std::size_t i = 0; i < values.size() && i < targets.size(); ++i)
        flags[i] = values[i] > targets[i]; // false whenever either is NaN
    return flags;
}

ExperimentSummary ExperimentAnalyzer::summarize(const Experiment &experiment,
                                                const ScorecardSettings &scorecard)
{
    ExperimentSummary s;
    s.benchOnly = experiment.benchOnly;
    const SloLimits slo{scorecard.sloTtftMs, scorecard.sloItlMs};
    s.slo = slo;
    s.jobs = ClientLatencyAnalyzer::jobs(experiment, slo);
    s.clientLatency = ClientLatencyAnalyzer::summarize(s.jobs);
    const MetricsTable &m = experiment.metrics;
    s.name = experiment.name;
    s.path = experiment.path;
    s.layout = std::string(layoutKey(experiment.layout));
    s.kvRule = experiment.kvRule;
    s.waitingRule = experiment.waitingRule;
    s.metadata = experiment.metadata;
    s.autoscaler = experiment.autoscaler;
    s.schedule = experiment.schedule;
    s.predictionErrors = PredictionErrors::compute(experiment.metrics);
    s.warnings = experiment.warnings;
    s.samples = m.rowCount();
    if (!m.empty()) {
        s.startSeconds = m.time().front();
        s.endSeconds = m.time().back();
        s.start = Timestamp::format(s.startSeconds, m.naiveTime());
        s.end = Timestamp::format(s.endSeconds, m.naiveTime());
        s.durationSeconds = s.endSeconds - s.startSeconds;
    }
    s.seriesOrder = summaryKeys(experiment);
    for (std::string_view key :
         {keys::Replicas, keys::Waiting, keys::KvCachePct, keys::ActiveJobs}) {
        if (m.has(key))
            s.correlationColumns.emplace_back(key);
    }
    std::vector<std::span<const double>> corrColumns;
    for (const std::string &key : s.correlationColumns)
        corrColumns.emplace_back(*m.values(key));
    std::vector<SeriesSummary> series(s.seriesOrder.size());
    std::vector<std::optional<double>> pairs;

    // Each task fills its own members of `s`.
    std::vector<std::function<void()>> tasks;
    tasks.emplace_back([&] { pairs = Statistics::pearsonPairs(corrColumns); });
    tasks.emplace_back([&] {
        s.medianIntervalSeconds = Statistics::medianInterval(m.time());
        if (s.medianIntervalSeconds > 0) {
            const auto &t = m.time();
            const double longest = 3 * s.medianIntervalSeconds;
            std::size_t gaps = 0;
            for (std::size_t i = 1; i < t.size(); ++i)
                gaps += t[i] - t[i - 1] > longest;
            s.gaps = gaps;
        }
    });
    tasks.emplace_back([&] { countViolations(m, m.rowCount(), s); });
    tasks.emplace_back([&] { summarizeReplicasAndEvents(experiment, s); });
    tasks.emplace_back(
        [&] { s.autoscaling = ScorecardCalculator::compute(experiment, scorecard); });
    for (std::size_t i = 0; i < series.size(); ++i) {
        tasks.emplace_back(
            [&, i] { series[i] = summarizeSeries(s.seriesOrder[i], *m.values(s.seriesOrder[i])); });
    }
    runTasks(tasks, m.rowCount() >= kParallelRows);

    for (std::size_t i = 0; i < series.size(); ++i)
        s.series[s.seriesOrder[i]] = series[i];
    if (const auto it = s.series.find(std::string(keys::Replicas));
        it != s.series.end() && it->second.hasStats) {
        s.replicasMin = static_cast<int>(std::lround(it->second.min));
        s.replicasMax = static_cast<int>(std::lround(it->second.max));
    }
    s.waitingTarget = firstFinite(m.values(keys::WaitingTarget));
    s.kvCacheTargetPct = firstFinite(m.values(keys::KvCacheTargetPct));

    const std::size_t n = s.correlationColumns.size();
    s.correlation.assign(n, std::vector<std::optional<double>>(n));
    std::size_t pair = 0;
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = i; j < n; ++j) {
            const auto r = pairs[pair++];
            // The diagonal is exactly 1 where defined, as pandas prints it.
            s.correlation[i][j] = s.correlation[j][i] = (i == j && r) ? std::optional(1.0) : r;
        }
    }
    return s;
}

} // namespace hpa::core
