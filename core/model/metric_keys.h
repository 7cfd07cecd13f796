#pragma once

#include <string>
#include <string_view>

namespace hpa::core::keys {

// Canonical column keys. Files name their columns in several ways; everything past the
// parser speaks only these.
inline constexpr std::string_view Timestamp = "timestamp";
inline constexpr std::string_view Epoch = "epoch";
inline constexpr std::string_view Replicas = "replicas";
inline constexpr std::string_view DesiredReplicas = "desired_replicas";
/// Pods the deployment reports ready (kube-state-metrics, written by a Prometheus import).
/// Not a known key on purpose: it is read, charted and summed up as an extra series.
inline constexpr std::string_view ReadyReplicas = "ready_replicas";
inline constexpr std::string_view Waiting = "waiting";
inline constexpr std::string_view WaitingTarget = "waiting_target";
/// KV cache as written in the file (fraction, percent or milli-units).
inline constexpr std::string_view KvCacheRaw = "kv_cache_raw";
inline constexpr std::string_view KvCacheTargetRaw = "kv_cache_target_raw";
/// KV cache normalised to percent (derived by the loader).
inline constexpr std::string_view KvCachePct = "kv_cache_pct";
inline constexpr std::string_view KvCacheTargetPct = "kv_cache_target_pct";
inline constexpr std::string_view TtftMs = "ttft_ms";
inline constexpr std::string_view ItlMs = "itl_ms";
inline constexpr std::string_view RequestRate = "request_rate_per_min";
inline constexpr std::string_view ActiveJobs = "active_jobs";
inline constexpr std::string_view CompletedJobs = "completed_jobs";
/// A model-based WVA's predictions for the allocation it chose (extra series in the table:
/// their statistics are the user's, the charts draw them beside what was observed).
inline constexpr std::string_view PredictedReplicas = "predicted_replicas";
inline constexpr std::string_view PredictedTtftMs = "predicted_ttft_ms";
inline constexpr std::string_view PredictedItlMs = "predicted_itl_ms";
/// A WVA's own series: requests arriving (not the monitor's successful requests), the largest
/// pod queue and the fullest pod's KV cache (percent) beside the per-pod means.
inline constexpr std::string_view ArrivalRate = "arrival_rate_per_min";
inline constexpr std::string_view WaitingMax = "waiting_max";
inline constexpr std::string_view KvCacheMaxPct = "kv_cache_max_pct";

/// Maps a header cell (trimmed, any case) to its canonical key; unknown headers map to
/// themselves lower-cased, so a user's own `gpu_util` column stays `gpu_util`.
std::string canonicalKey(std::string_view header);

/// True for the keys HPA Lens knows; everything else is an extra series.
bool isKnownKey(std::string_view key);

/// Human label with unit for a canonical key ("Waiting requests", "TTFT (ms)").
std::string displayName(std::string_view key);

} // namespace hpa::core::keys
