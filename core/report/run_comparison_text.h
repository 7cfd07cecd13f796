#pragma once

#include "core/analysis/run_comparison.h"

#include <string>

namespace hpa::core {

/// The human-readable `hpa-lens compare A B C …` report (three runs or more; two runs keep
/// ComparisonText's layout).
class RunComparisonText
{
public:
    /// The runs by letter, then one table "statistic  A  B  B-A  C  C-A …" by section, each
    /// delta with its change in percent and a verdict mark, then the settings that differ.
    static std::string render(const RunComparison &comparison);
};

} // namespace hpa::core
