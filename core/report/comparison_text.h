#pragma once

#include "core/analysis/comparison.h"

#include <string>

namespace hpa::core {

/// The human-readable `hpa-lens compare` report.
class ComparisonText
{
public:
    /// Aligned table "statistic  A  B  B-A  change%  verdict" by section, then the settings
    /// that differ between the runs.
    static std::string render(const ExperimentComparison &comparison);
    /// A signed number with up to `decimals` decimals ("+1.5", "-3", "0").
    static std::string signedNumber(double value, int decimals = 3);
};

} // namespace hpa::core
