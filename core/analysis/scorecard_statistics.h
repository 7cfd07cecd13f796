#pragma once

#include "core/analysis/scorecard.h"
#include "core/analysis/summary_statistics.h"

#include <vector>

namespace hpa::core {

/// The scorecard's KPIs as keyed statistics ("autoscaling.under_accuracy_pct"), so the summary
/// CSV, `compare` and the Comparison tab list them with the other statistics.
class ScorecardStatistics
{
public:
    /// Appends the "Autoscaling" group. Lower theta, tau, upsilon, |psi|, reversals, wasted and
    /// missing replica-seconds, reaction and time to relief are better; higher SLO attainment
    /// is better; time KPIs carry the sample resolution, below which a difference is "same".
    static void append(const Scorecard &scorecard, std::vector<Statistic> &out);
};

} // namespace hpa::core
