#pragma once

#include "core/analysis/hpa_replay_report.h"

#include <nlohmann/json.hpp>

namespace hpa::core {

/// The `hpa-lens replay --json` document, in the shape issue 13 fixes:
/// {"spec": {...}, "self_check": {...}, "whatifs": [{"settings", "autoscaling",
/// "elastic_speedup"}]}, "autoscaling" being the scorecard block (ScorecardJson), with "series" in
/// the self-check and each what-if when asked for.
class ReplayJson
{
public:
    static nlohmann::ordered_json toJson(const HpaReplayReport &report, bool series);
    /// {"source", "assumed", "min_replicas", "max_replicas", "tolerance", "sync_period_s",
    /// "metrics", "behavior"}; tolerance is {"scale_up", "scale_down"} when they differ.
    static nlohmann::ordered_json specJson(const ResolvedHpaSpec &spec);
};

} // namespace hpa::core
