#include "core/load/wva_experiment_builder.h"

#include "core/model/metric_keys.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <iterator>

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
constexpr std::string_view kArrivalRate = keys::ArrivalRate;
constexpr std::string_view kWaitingMax = keys::WaitingMax;
constexpr std::string_view kKvMax = keys::KvCacheMaxPct;
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

/// Bit of WvaSample::fromCsv for `field`.
std::uint32_t csvBit(double WvaSample::*field)
{
    for (std::size_t i = 0; i < std::size(WvaSample::kValueFields); ++i) {
        if (WvaSample::kValueFields[i] == field)
            return 1u << i;
    }
    return 0;
}

/// "metrics.csv", the log, or both, from how many values came from each.
std::string sourceOf(std::size_t fromCsv, std::size_t fromLog, const std::string &logName)
{
    if (fromCsv > 0 && fromLog > 0)
        return std::string(WvaExperimentBuilder::kCsvName) + " and " + logName;
    return fromCsv > 0 ? std::string(WvaExperimentBuilder::kCsvName) : logName;
}

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
    std::vector<std::pair<std::string, std::string>> sources;
    for (const Column &c : kColumns) {
        std::vector<double> values;
        values.reserve(samples.size());
        const std::uint32_t bit = csvBit(c.field);
        std::size_t fromCsv = 0, fromLog = 0;
        for (const WvaSample *s : samples) {
            values.push_back(s->*c.field * c.scale);
            if (std::isfinite(s->*c.field))
                ++((s->fromCsv & bit) ? fromCsv : fromLog);
        }
        if (fromCsv + fromLog > 0) {
            table.setColumn(c.header, std::string(c.key), std::move(values));
            sources.emplace_back(std::string(c.key), sourceOf(fromCsv, fromLog, fileName));
        }
    }
    experiment.metrics = std::move(table);
    experiment.layout = Layout::Wva;

    ScalingEventTexts texts;
    std::vector<ScalingEvent> events;
    std::size_t decisionsFromCsv = 0, decisionsFromLog = 0;
    for (const WvaDecision &d : log.decisions) {
        if (d.variant != name)
            continue;
        ++(d.file.empty() ? decisionsFromLog : decisionsFromCsv);
        if (d.action == WvaDecision::Action::NoChange)
            continue;
        const std::uint8_t file = texts.addFile(d.file.empty() ? fileName : d.file);
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
    if (decisionsFromCsv + decisionsFromLog > 0)
        sources.emplace_back("decisions", sourceOf(decisionsFromCsv, decisionsFromLog, fileName));
    info.sources = std::move(sources);
    info.variants = log.variants;
    info.variant = name;
    return true;
}

} // namespace hpa::core
