#pragma once

#include "core/analysis/run_comparison.h"

#include <nlohmann/json.hpp>

namespace hpa::core {

/// The `hpa-lens compare A B C … --json` document (three runs or more; two runs keep
/// ComparisonJson's {"a", "b", "delta"} shape that scripts already read).
class RunComparisonJson
{
public:
    /// {"baseline": "A", "runs": [{"label", "summary"}], "statistics": [{"key", "group",
    /// "label", "values": {"A": v, …}, "delta": {"B": v - A, …}, "percent": {…},
    /// "verdict": {"B": "better", …}}], "settings_that_differ": [{"key", "values"}],
    /// "load_profile": {"B": "same", …}}; null where a run has no value.
    static nlohmann::ordered_json toJson(const RunComparison &comparison);
};

} // namespace hpa::core
