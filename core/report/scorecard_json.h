#pragma once

#include "core/analysis/scorecard.h"

#include <nlohmann/json.hpp>

namespace hpa::core {

/// The `"autoscaling"` block of `hpa-lens summary --json` (issue 12's keys).
class ScorecardJson
{
public:
    /// Every KPI, the episodes, SLO attainment and the settings used; unknown values are null.
    static nlohmann::ordered_json toJson(const Scorecard &scorecard);
};

} // namespace hpa::core
