#pragma once

#include "core/model/hpa_spec.h"
#include "core/model/metrics_table.h"

#include <cstddef>
#include <optional>
#include <span>
#include <vector>

namespace hpa::core {

/// Replays an HPA spec over a recorded run with the one algorithm (HpaReconciler), every sync
/// period from the first sample (hpa-algorithm.md §7).
///
/// Open-loop: the recorded averages and the recorded replica count (at t - onset delay: the
/// pods that report) drive the HPA; its own decisions become spec.replicas. Closed-loop
/// (what-if): the simulated replica count feeds back through the per-pod averages, conserving
/// the recorded total load: v' = v x n_recorded / n_simulated, with n = the pods that report
/// (recorded: replicas at t - D; simulated: pods alive for at least D). With D = 0 this is the
/// spec's v x s_i / s_sim. Closed-loop is an estimate: the queue would have drained at another
/// speed with other replicas, so latencies are not predicted at all.
class HpaReplay
{
public:
    struct Options
    {
        bool closedLoop = false;
        double onsetDelaySeconds = 0; ///< D
        double phaseSeconds = 0;      ///< first sync at t_0 + phase
        /// A sample older than this at a sync makes every metric invalid there; nullopt = the
        /// gap threshold G = max(3 x median interval, 60 s).
        std::optional<double> maxSampleAgeSeconds;
        /// G when the caller already has it (a sweep replays one table many times); nullopt:
        /// computed from the table.
        std::optional<double> gapThresholdSeconds;
        /// Fill Result::reporting (the series of --series and the panel); a sweep does not.
        bool keepReporting = true;
    };

    struct Result
    {
        /// Per sample row: the simulated desired count after the last sync at or before t_i
        /// (the initial count before the first sync). Empty when the table cannot be replayed.
        std::vector<int> desired;
        /// Per sample row: spec.replicas before that last sync, i.e. the status.currentReplicas
        /// the HPA reported with `desired` (what the recording's `replicas` column holds).
        std::vector<int> current;
        /// Per sample row: the pods behind the averages the HPA read (recorded or simulated);
        /// empty unless Options::keepReporting.
        std::vector<int> reporting;
        std::size_t syncs = 0;
        std::size_t skippedSyncs = 0; ///< all metrics invalid (stale sample, no value, no pods)
        double gapThresholdSeconds = 0;
        /// Why nothing was replayed ("no replicas column", "invalid spec: ..."), else empty.
        std::string problem;
    };

    /// Never throws; an unusable table or spec gives `problem`.
    static Result run(const MetricsTable &table, const HpaSpec &spec, const Options &options);

    /// G = max(3 x median positive interval, 60 s) (elasticity-kpis.md §0).
    static double gapThreshold(std::span<const double> time);
};

} // namespace hpa::core
