#pragma once

#include "core/analysis/scorecard.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace hpa::core {

/// The scorecard's KPIs as a report lists them: name, unit, plain definition and where the
/// formula comes from, with the value read from a Scorecard. The report's KPI table and its
/// definitions both read this list, so a KPI is explained where it is shown.
class ScorecardKpiList
{
public:
    struct Kpi
    {
        std::string label, unit, definition, source;
        std::function<std::optional<double>(const Scorecard &)> value;
        int decimals = 2;
        bool time = false; ///< a time KPI: known only to the sample resolution
    };

    /// Every KPI in display order; `scorecard` supplies the settings the texts name (the
    /// reversal window, the SLO limits).
    static std::vector<Kpi> list(const Scorecard &scorecard);
    /// The value as shown: "N/A" when unknown, "12.5 ± 5.0" for a time KPI.
    static std::string valueText(const Kpi &kpi, const Scorecard &scorecard);
};

} // namespace hpa::core
