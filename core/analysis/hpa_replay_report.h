#pragma once

#include "core/analysis/hpa_self_check.h"
#include "core/analysis/hpa_what_if.h"
#include "core/model/metrics_table.h"
#include "core/model/resolved_hpa_spec.h"

#include <string>
#include <vector>

namespace hpa::core {

/// Everything `hpa-lens replay` and the What-if panel show for one run: the spec used, the
/// open-loop self-check, and the closed-loop what-ifs (whatIfs[0] is the spec as loaded).
struct HpaReplayReport
{
    struct Request
    {
        double onsetDelaySeconds = 0;
        /// One entry per --set group, then one per sweep combination; the spec as loaded is
        /// always replayed first and needs no entry.
        std::vector<HpaWhatIfSettings> whatIfs;
        bool series = false; ///< keep per-row curves
        unsigned threads = 0;
        ScorecardSettings scoring; ///< demand variant, SLO limits (onset delay: the replay's)
    };

    ResolvedHpaSpec spec;
    double onsetDelaySeconds = 0;
    std::string problem; ///< the open-loop replay failed (no replicas column, ...)
    HpaSelfCheck selfCheck;
    std::size_t syncs = 0, skippedSyncs = 0;
    double gapThresholdSeconds = 0;
    Scorecard recorded; ///< the recording's scorecard against the same demand as the what-ifs
    std::vector<HpaWhatIf::Outcome> whatIfs;
    // Series (with Request::series): elapsed seconds per row, the open-loop replay's desired
    // count and the recorded replicas that drove it.
    std::vector<double> elapsed;
    std::vector<int> selfCheckDesired, selfCheckReplicas;

    /// Runs the self-check and every what-if (over all cores).
    static HpaReplayReport build(const MetricsTable &table, ResolvedHpaSpec spec,
                                 const Request &request);
    /// The longest stabilization window or policy period of `spec`, at least one sync: the
    /// part of a replay that depends on the unknown controller memory.
    static double warmupSeconds(const HpaSpec &spec);
};

} // namespace hpa::core
