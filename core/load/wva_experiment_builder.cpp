#include "core/load/wva_experiment_builder.h"

#include "core/model/metric_keys.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace hpa::core {

namespace {

/// The table's columns, in this order; a column with no value at all is left out.
struct Column
{
    const char *header;
    std::string_view key;
    double WvaSample::*field;
    double scale = 1.0;
};

// The controller's arrival rate is requests arriving, not the monitor's successful requests
// (request_rate_per_min): a series of its own, so no chart calls it "successful".
constexpr std::string_view kArrivalRate = "arrival_rate_per_min";
constexpr std::string_view kWaitingMax = "waiting_max";
constexpr std::string_view kKvMax = "kv_cache_max_pct";
constexpr std::string_view kPredictedReplicas = keys::PredictedReplicas;
constexpr std::string_view kPredictedTtft = keys::PredictedTtftMs;
constexpr std::string_view kPredictedItl = keys::PredictedItlMs;

const Column kColumns[] = {
    {"replicas", keys::Replicas, &WvaSample::replicas},
    {"desired_replicas", keys::DesiredReplicas, &WvaSample::desiredReplicas},
    {"waiting (queue length, mean of pods)", keys::Waiting, &WvaSample::queueMean},
    {"kv_cache (usage, mean of pods)", keys::KvCacheRaw, &WvaSample::kvMean},
    {"ttft_ms", keys::TtftMs, &WvaSample::ttftMs},
    {"itl_ms", keys::ItlMs, &WvaSample::itlMs},
    {"arrival_rate_per_min", kArrivalRate, &WvaSample::arrivalRate},
    {"waiting_max (largest pod queue)", kWaitingMax, &WvaSample::queueMax},
    {"kv_cache_max_pct (fullest pod, %)", kKvMax, &WvaSample::kvMax, 100.0},
    {"predicted_replicas", kPredictedReplicas, &WvaSample::predictedReplicas},
    {"predicted_ttft_ms", kPredictedTtft, &WvaSample::predictedTtftMs},
    {"predicted_itl_ms", kPredictedItl, &WvaSample::predictedItlMs},
};

} // namespace

std::string WvaExperimentBuilder::defaultVariant(const WvaLog &log)
{
    const auto most = std::max_element(
        log.variants.begin(), log.variants.end(),
        [](const WvaVariant &a, const WvaVariant &b) { return a.samples < b.samples; });
    return most == log.variants.end() ? std::string() : most->name;
}

bool WvaExperimentBuilder::build(const WvaLog &log, std::string_view variant,
                                 const std::string &fileName, Experiment &experiment)
{
    const std::string name = variant.empty() ? defaultVariant(log) : std::string(variant);
    std::vector<const WvaSample *> samples;
    for (const WvaSample &s : log.samples) {
        if (s.variant == name)
            samples.push_back(&s);
    }
    if (samples.empty())
        return false;
    // Log order is time order unless the controller restarted with another clock; the table
    // is sorted by time like every other.
    std::stable_sort(samples.begin(), samples.end(),
                     [](const WvaSample *a, const WvaSample *b) { return a->time < b->time; });

    MetricsTable table;
    table.reserve(samples.size());
    std::vector<int> lines;
    lines.reserve(samples.size());
    for (const WvaSample *s : samples) {
        table.time().push_back(s->time);
        lines.push_back(s->line);
    }
    table.setSourceLines(lines);
    for (const Column &c : kColumns) {
        std::vector<double> values;
        values.reserve(samples.size());
        bool any = false;
        for (const WvaSample *s : samples) {
            values.push_back(s->*c.field * c.scale);
            any = any || std::isfinite(s->*c.field);
        }
        if (any)
            table.setColumn(c.header, std::string(c.key), std::move(values));
    }
    experiment.metrics = std::move(table);
    experiment.layout = Layout::Wva;

    ScalingEventTexts texts;
    const std::uint8_t file = texts.addFile(fileName);
    std::vector<ScalingEvent> events;
    for (const WvaDecision &d : log.decisions) {
        if (d.variant != name || d.action == WvaDecision::Action::NoChange)
            continue;
        ScalingEvent e;
        e.time = d.time;
        e.from = d.current;
        e.to = d.target;
        e.line = d.line;
        e.kind =
            d.action == WvaDecision::Action::ScaleUp ? EventKind::ScaleUp : EventKind::ScaleDown;
        e.file = file;
        texts.store(
            e, fmt::format("Processing decision: variant={}, action={}, current={}→"
                           "target={}",
                           d.variant,
                           d.action == WvaDecision::Action::ScaleUp ? "scale-up" : "scale-down",
                           d.current, d.target));
        events.push_back(e);
    }
    std::stable_sort(events.begin(), events.end(),
                     [](const ScalingEvent &a, const ScalingEvent &b) { return a.time < b.time; });
    experiment.events = std::move(events);
    experiment.eventTexts = std::move(texts);

    AutoscalerInfo &info = experiment.autoscaler;
    info.kind = AutoscalerInfo::Kind::Wva;
    info.mode = log.modes.empty() ? std::string() : log.modes.back().mode;
    info.source = fileName;
    info.variants = log.variants;
    info.variant = name;
    return true;
}

} // namespace hpa::core
