#pragma once

#include "chart_bench.h"
#include "core_bench.h"

#include <iosfwd>
#include <vector>

namespace hpa::bench {

/// Prints the figures as plain-text tables: one block per size, hpa-lens beside its baseline
/// and the factor between them, then how the costs grow with rows.
class BenchReport
{
public:
    static void printSize(std::ostream &out, const CoreFigures &core, const ChartFigures &charts);
    static void printScaling(std::ostream &out, const std::vector<CoreFigures> &core,
                             const std::vector<ChartFigures> &charts);
};

} // namespace hpa::bench
