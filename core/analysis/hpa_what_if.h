#pragma once

#include "core/analysis/demand_cache.h"
#include "core/analysis/hpa_what_if_settings.h"
#include "core/analysis/scorecard.h"
#include "core/analysis/scorecard_settings.h"
#include "core/model/hpa_spec.h"
#include "core/model/metrics_table.h"

#include <optional>
#include <string>
#include <vector>

namespace hpa::core {

/// Closed-loop what-ifs (HpaReplay with closedLoop) scored by the scorecard against the
/// recording's demand: each one an estimate of the replica curve another spec would have
/// produced under the same load, never a prediction of latency.
class HpaWhatIf
{
public:
    /// What every what-if of one run shares: the table, the spec as loaded, how the scorecard
    /// judges (demand variant, bounds of the demand, SLO limits) and the recording's scorecard.
    struct Baseline
    {
        const MetricsTable *table = nullptr;
        HpaSpec spec;
        double onsetDelaySeconds = 0;
        double gapThresholdSeconds = 60;
        double resolutionS = 0; ///< median sample interval, computed once
        HpaLimits limits;       ///< the loaded spec's bounds: the demand's floor (and cap)
        ScorecardSettings scoring;
        Scorecard recorded; ///< the recording against the same demand
        DemandCache demand; ///< that demand, row by row, computed once
    };

    /// Which per-row series an outcome keeps: a sweep keeps none, the What-if panel draws the
    /// desired count only, `replay --series` prints both.
    enum class Series
    {
        None,
        Desired,
        DesiredAndReporting,
    };

    struct Outcome
    {
        HpaWhatIfSettings settings;
        std::string problem; ///< the settings or the replay failed; nothing else is set
        HpaSpec spec;        ///< the spec after the settings
        double onsetDelaySeconds = 0;
        Scorecard scorecard;                  ///< the replica curve against the recorded demand
        std::optional<double> elasticSpeedup; ///< vs the recording, > 1 = better
        std::vector<int> desired;             ///< per row, unless Series::None
        std::vector<int> reporting;           ///< per row, Series::DesiredAndReporting only
    };

    /// `table` must outlive the baseline. The demand's onset delay is the replay's
    /// (`scoring.onsetDelaySeconds` is overwritten with it).
    static Baseline baseline(const MetricsTable &table, const HpaSpec &spec,
                             double onsetDelaySeconds, ScorecardSettings scoring = {});
    static Outcome run(const Baseline &baseline, const HpaWhatIfSettings &settings, Series series);
    /// Every what-if, spread over `threads` threads (0 = one per core); same order as given.
    static std::vector<Outcome> runAll(const Baseline &baseline,
                                       const std::vector<HpaWhatIfSettings> &settings,
                                       Series series, unsigned threads = 0);
};

} // namespace hpa::core
