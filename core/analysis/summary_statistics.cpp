#include "core/analysis/summary_statistics.h"

#include "core/analysis/scorecard_statistics.h"
#include "core/model/metric_keys.h"

#include <fmt/format.h>

#include <cmath>

namespace hpa::core {

namespace {

template <typename T> std::optional<double> asDouble(const std::optional<T> &v)
{
    return v ? std::optional<double>(static_cast<double>(*v)) : std::nullopt;
}

class Builder
{
public:
    explicit Builder(std::vector<Statistic> &out) : m_out(out) {}

    void group(std::string name) { m_group = std::move(name); }
    void add(std::string key, std::string label, std::optional<double> value, Direction better)
    {
        if (value && !std::isfinite(*value))
            value.reset();
        m_out.push_back({m_group, std::move(key), std::move(label), value, better});
    }

private:
    std::vector<Statistic> &m_out;
    std::string m_group;
};

} // namespace

Direction SummaryStatistics::seriesDirection(std::string_view seriesKey, std::string_view stat)
{
    // How many samples carried data says nothing about how well the run went.
    if (stat == "count")
        return Direction::Neutral;
    // Latency and queueing are what autoscaling is meant to keep down. KV cache usage, load
    // (request rate, jobs) and replica counts describe the run: higher is neither good nor bad
    // without context (cost is graded through replica-hours instead).
    if (seriesKey == keys::TtftMs || seriesKey == keys::ItlMs || seriesKey == keys::Waiting)
        return Direction::LowerIsBetter;
    return Direction::Neutral;
}

std::vector<Statistic> SummaryStatistics::list(const ExperimentSummary &summary)
{
    return list(summary, summary.seriesOrder);
}

std::vector<Statistic> SummaryStatistics::list(const ExperimentSummary &s,
                                               const std::vector<std::string> &seriesOrder)
{
    constexpr Direction kLower = Direction::LowerIsBetter;
    constexpr Direction kNeutral = Direction::Neutral;
    std::vector<Statistic> out;
    Builder b(out);

    // Duration and sample count follow from how long the monitor ran; gaps are lost data.
    b.group("Run");
    b.add("duration_s", "Duration (s)", s.durationSeconds, kNeutral);
    b.add("samples", "Samples", double(s.samples), kNeutral);
    b.add("median_interval_s", "Median interval (s)", s.medianIntervalSeconds, kNeutral);
    b.add("gaps", "Gaps (> 3x median)", double(s.gaps), kLower);

    // Replica counts are neutral (more pods may be the right answer to more load); the cost
    // of them over time is graded through replica-hours, the speed of reaction through latency.
    b.group("Scaling");
    b.add("replicas.initial", "Initial replicas", asDouble(s.replicasInitial), kNeutral);
    b.add("replicas.final", "Final replicas", asDouble(s.replicasFinal), kNeutral);
    b.add("replicas.min", "Min replicas", asDouble(s.replicasMin), kNeutral);
    b.add("replicas.max", "Max replicas", asDouble(s.replicasMax), kNeutral);
    b.add("replica_hours", "Replica-hours", s.replicaSeconds / 3600.0, kLower);
    b.add("scale_up_latency_s", "Mean scale-up latency (s)", s.meanScaleUpLatencySeconds, kLower);

    // Event counts are neutral: fewer events can mean a calmer HPA or one that never reacted.
    b.group("Events");
    b.add("events.total", "Events", double(s.eventsTotal), kNeutral);
    b.add("events.scale_up", "Scale up", double(s.scaleUps), kNeutral);
    b.add("events.scale_down", "Scale down", double(s.scaleDowns), kNeutral);
    b.add("events.replicas_changed", "Replicas changed", double(s.replicaChanges), kNeutral);

    for (const std::string &key : seriesOrder) {
        b.group(keys::displayName(key));
        const auto it = s.series.find(key);
        const SeriesSummary *series =
            it != s.series.end() && it->second.hasStats ? &it->second : nullptr;
        auto stat = [&](std::string_view name, double SeriesSummary::*field) {
            b.add(fmt::format("series.{}.{}", key, name), std::string(name),
                  series ? std::optional(series->*field) : std::nullopt,
                  seriesDirection(key, name));
        };
        b.add(fmt::format("series.{}.count", key), "count",
              series ? std::optional(double(series->count)) : std::nullopt,
              seriesDirection(key, "count"));
        stat("mean", &SeriesSummary::mean);
        stat("min", &SeriesSummary::min);
        stat("max", &SeriesSummary::max);
        stat("p50", &SeriesSummary::p50);
        stat("p90", &SeriesSummary::p90);
        stat("p99", &SeriesSummary::p99);
    }

    // Targets are configuration, not outcome.
    b.group("Targets");
    b.add("targets.waiting", "Waiting requests target", s.waitingTarget, kNeutral);
    b.add("targets.kv_cache_pct", "KV cache target (%)", s.kvCacheTargetPct, kNeutral);

    b.group("Threshold violations");
    const std::pair<const char *, const ViolationSummary *> violations[] = {
        {"waiting", &s.waitingViolations},
        {"kv_cache", &s.kvViolations},
        {"any", &s.anyViolations}};
    const char *labels[] = {"Waiting requests", "KV cache", "Either threshold"};
    for (std::size_t i = 0; i < 3; ++i) {
        const auto &[name, v] = violations[i];
        b.add(fmt::format("violations.{}.samples", name), fmt::format("{} (samples)", labels[i]),
              double(v->samples), kLower);
        b.add(fmt::format("violations.{}.percent", name), fmt::format("{} (%)", labels[i]),
              v->percent, kLower);
    }
    ScorecardStatistics::append(s.autoscaling, out);

    // What the users saw, from the vllm bench job logs (empty when the run has none).
    const ClientLatency &c = s.clientLatency;
    b.group("Client latency (vllm bench)");
    b.add("client.jobs", "Jobs with a result", double(c.jobs), kNeutral);
    b.add("client.ttft_mean_ms", "Mean TTFT (ms, request-weighted)", c.ttftMeanMs, kLower);
    b.add("client.tpot_mean_ms", "Mean TPOT (ms, request-weighted)", c.tpotMeanMs, kLower);
    b.add("client.itl_mean_ms", "Mean ITL (ms, request-weighted)", c.itlMeanMs, kLower);
    b.add("client.ttft_p99_worst_ms", "Worst P99 TTFT (ms)", c.ttftP99WorstMs, kLower);
    b.add("client.tpot_p99_worst_ms", "Worst P99 TPOT (ms)", c.tpotP99WorstMs, kLower);
    b.add("client.itl_p99_worst_ms", "Worst P99 ITL (ms)", c.itlP99WorstMs, kLower);
    b.add("client.jobs_within_slo", "Jobs within the SLO",
          c.jobsChecked ? std::optional(double(c.jobsWithinSlo)) : std::nullopt, kNeutral);
    return out;
}

} // namespace hpa::core
