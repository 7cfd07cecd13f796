#pragma once

#include "core/analysis/experiment_summary.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <type_traits>

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
    /// The value (numbers under number()'s rule), or null when absent.
    template <typename T> static nlohmann::ordered_json optional(const std::optional<T> &value)
    {
        if (!value)
            return nullptr;
        if constexpr (std::is_floating_point_v<T>)
            return number(*value);
        else
            return *value;
    }
};

} // namespace hpa::core
