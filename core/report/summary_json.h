#pragma once

#include "core/analysis/experiment_summary.h"

#include <nlohmann/json.hpp>

namespace hpa::core {

/// The `hpa-lens summary --json` document.
class SummaryJson
{
public:
    /// The summary in the documented shape; non-finite numbers become null.
    static nlohmann::ordered_json toJson(const ExperimentSummary &summary);
    /// One series entry: {"collected": bool, "count": ..., "p99": ...}.
    static nlohmann::ordered_json seriesJson(const SeriesSummary &series);
    /// A finite number rounded to 10 significant digits (NumberFormat::rounded), or null.
    static nlohmann::ordered_json number(double value);
};

} // namespace hpa::core
