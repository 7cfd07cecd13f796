#include "core/model/metric_keys.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

namespace hpa::core::keys {

namespace {

struct Alias
{
    std::string_view header;
    std::string_view key;
};

constexpr std::array<Alias, 24> kAliases{{
    {"timestamp", Timestamp},
    {"time", Timestamp},
    {"epoch", Epoch},
    {"replicas", Replicas},
    {"current_replicas", Replicas},
    {"desired_replicas", DesiredReplicas},
    {"num_requests_waiting", Waiting},
    {"num_requests_waiting_current", Waiting},
    {"waiting", Waiting},
    {"num_requests_waiting_target", WaitingTarget},
    {"kv_cache_usage_perc", KvCacheRaw},
    {"kv_cache_usage_current", KvCacheRaw},
    {"kv_cache_usage", KvCacheRaw},
    {"kv_cache_usage_target", KvCacheTargetRaw},
    {"kv_cache_usage_perc_target", KvCacheTargetRaw},
    {"ttft_ms", TtftMs},
    {"ttft", TtftMs},
    {"itl_ms", ItlMs},
    {"itl", ItlMs},
    {"request_rate_per_min", RequestRate},
    {"request_rate", RequestRate},
    {"active_jobs", ActiveJobs},
    {"completed_jobs", CompletedJobs},
    {"kv_cache_pct", KvCachePct},
}};

std::string normalised(std::string_view header)
{
    while (!header.empty() && std::isspace(static_cast<unsigned char>(header.front())))
        header.remove_prefix(1);
    while (!header.empty() && std::isspace(static_cast<unsigned char>(header.back())))
        header.remove_suffix(1);
    if (header.size() >= 2 && header.front() == '"' && header.back() == '"')
        header = header.substr(1, header.size() - 2);
    std::string out(header);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

} // namespace

std::string canonicalKey(std::string_view header)
{
    std::string name = normalised(header);
    for (const Alias &alias : kAliases) {
        if (alias.header == name)
            return std::string(alias.key);
    }
    // Exported files carry the normalised KV target under its canonical name.
    if (name == KvCacheTargetPct)
        return std::string(KvCacheTargetPct);
    return name;
}

bool isKnownKey(std::string_view key)
{
    static constexpr std::array<std::string_view, 15> kKnown{
        Timestamp,     Epoch,      Replicas,         DesiredReplicas, Waiting,
        WaitingTarget, KvCacheRaw, KvCacheTargetRaw, KvCachePct,      KvCacheTargetPct,
        TtftMs,        ItlMs,      RequestRate,      ActiveJobs,      CompletedJobs};
    // Columns MetricsCsvWriter derives: reading an exported file back must not turn them
    // into extra series (that would change its statistics).
    static constexpr std::array<std::string_view, 4> kDerived{
        "elapsed_s", "waiting_exceeded", "kv_cache_exceeded", "any_threshold_exceeded"};
    return std::find(kKnown.begin(), kKnown.end(), key) != kKnown.end() ||
           std::find(kDerived.begin(), kDerived.end(), key) != kDerived.end();
}

std::string displayName(std::string_view key)
{
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 20> kNames{{
        {Replicas, "Replicas"},
        {ReadyReplicas, "Ready replicas"},
        {DesiredReplicas, "Desired replicas"},
        {Waiting, "Waiting requests"},
        {WaitingTarget, "Waiting requests target"},
        {KvCacheRaw, "KV cache (as written)"},
        {KvCacheTargetRaw, "KV cache target (as written)"},
        {KvCachePct, "KV cache usage (%)"},
        {KvCacheTargetPct, "KV cache target (%)"},
        {TtftMs, "TTFT (ms)"},
        {ItlMs, "ITL (ms)"},
        {RequestRate, "Request rate (req/min)"},
        {ActiveJobs, "Active jobs"},
        {CompletedJobs, "Completed jobs"},
        {PredictedReplicas, "Predicted replicas"},
        {PredictedTtftMs, "Predicted TTFT (ms)"},
        {PredictedItlMs, "Predicted ITL (ms)"},
        {ArrivalRate, "Arrival rate (req/min)"},
        {WaitingMax, "Waiting, largest pod"},
        {KvCacheMaxPct, "KV cache, fullest pod (%)"},
    }};
    for (const auto &[k, name] : kNames) {
        if (k == key)
            return std::string(name);
    }
    return std::string(key);
}

} // namespace hpa::core::keys
