#pragma once

#include "core/analysis/experiment_summary.h"

#include <string>

namespace hpa::core {

/// The human-readable `hpa-lens summary` report (the notebook's section 4, extended).
class SummaryText
{
public:
    static std::string render(const ExperimentSummary &summary);
    /// A number with up to `decimals` decimals and no trailing zeros ("12.5", "3").
    static std::string number(double value, int decimals = 2);
    /// "1h 02m 03s", "4m 05s", "12s".
    static std::string duration(double seconds);
};

} // namespace hpa::core
