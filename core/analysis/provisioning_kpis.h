#pragma once

#include "core/model/metrics_table.h"

#include <cstddef>
#include <optional>
#include <vector>

namespace hpa::core {

/// The supply-versus-demand KPIs of elasticity-kpis.md §2, §3, §8, §9 for one replica curve,
/// under issue 12's conventions (zero-order hold, an interval is covered when 0 < dt <= G and
/// demand and supply are known). The replay scores every what-if with it against the demand
/// of the recording. This is the shared core the scorecard (issue 12) also needs: it has no
/// episodes, SLO or instability/jitter, which the scorecard adds.
struct ProvisioningKpis
{
    double coveredS = 0;
    double uncoveredS = 0;
    double replicaSeconds = 0;
    double wastedReplicaSeconds = 0;  ///< sum (s - d)+ dt
    double missingReplicaSeconds = 0; ///< sum (d - s)+ dt
    std::optional<double> meanReplicas;
    std::optional<double> underAccuracyPct, overAccuracyPct;   ///< theta_U %, theta_O %
    std::optional<double> underTimesharePct, overTimesharePct; ///< tau_U, tau_O
    std::size_t reversals = 0; ///< changes reversing the previous one less than 120 s later

    double replicaHours() const { return replicaSeconds / 3600.0; }

    /// D1 "HPA-ideal" demand per row: max(m_min, max over the metrics present of
    /// ceil(n * v / target - 1e-9)), n = max(replicas, 1), each row's own target columns
    /// (waiting, KV cache in percent); NaN where no metric is known.
    static std::vector<double> demand(const MetricsTable &table, int minReplicas);

    /// The KPIs of `supply` (one count per row, < 0 = unknown) against `demand`.
    static ProvisioningKpis compute(const std::vector<double> &time, const std::vector<int> &supply,
                                    const std::vector<double> &demand, double gapThresholdSeconds);

    /// The recorded `replicas` column as a supply curve (< 0 where missing).
    static std::vector<int> recordedSupply(const MetricsTable &table);

    /// Elastic speedup of `k` over `base` (spec §5): the geometric mean of base/k over
    /// theta_U %, theta_O %, tau_U, tau_O, each floored at 0.01; nullopt when one is unknown.
    static std::optional<double> elasticSpeedup(const ProvisioningKpis &base,
                                                const ProvisioningKpis &k);
};

} // namespace hpa::core
