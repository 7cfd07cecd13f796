#pragma once

#include "core/analysis/comparison.h"

#include <nlohmann/json.hpp>

namespace hpa::core {

/// The `hpa-lens compare --json` document.
class ComparisonJson
{
public:
    /// {"a": summary, "b": summary, "delta": {...}}: both runs' summaries in the shape of
    /// `summary --json` and B - A of every number they share (null where either lacks it).
    static nlohmann::ordered_json toJson(const ExperimentComparison &comparison);
};

} // namespace hpa::core
