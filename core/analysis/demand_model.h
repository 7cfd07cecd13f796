#pragma once

#include "core/analysis/hpa_limits.h"
#include "core/analysis/scorecard_settings.h"
#include "core/model/metrics_table.h"

#include <cstddef>
#include <vector>

namespace hpa::core {

/// The "required replicas" d_i of elasticity-kpis.md §1 (D1 HPA-ideal, D3 HPA-reachable) and
/// the metric ratios behind it, sample by sample.
///
/// d_i = max(m_min, max over the metrics present of ceil(n_i * v_i / target_i - 1e-9)), the
/// metrics being waiting requests (vs that row's waiting target) and KV cache in percent (vs
/// that row's KV target). A missing value or a target <= 0 drops the metric at that sample; with
/// no metric left the demand is unknown (NaN). n_i = max(replicas at t_i - D, 1).
class DemandModel
{
public:
    /// Breach state of one sample's ratios against `ScorecardSettings::breachRatio`.
    enum class Load
    {
        Unknown, ///< no metric with a usable target
        Calm,    ///< every known ratio <= the breach ratio
        Breach   ///< some ratio above it
    };

    struct Sample
    {
        double demand;   ///< d_i, NaN when unknown
        double maxRatio; ///< largest v/target, NaN when unknown
        Load load;
    };

    DemandModel(const MetricsTable &table, const HpaLimits &limits,
                const ScorecardSettings &settings);

    /// True when the table has a replicas column and at least one metric with its target.
    bool usable() const { return m_replicas && (m_waiting || m_kv); }

    /// Sample `row`. Calls must come in non-decreasing row order (the onset delay keeps a
    /// cursor); restart() begins again.
    Sample next(std::size_t row);
    void restart() { m_lag = 0; }

    /// d_i for every row (NaN where unknown), for the chart.
    std::vector<double> series();

private:
    double podsBehindAverage(std::size_t row);

    const double *m_time = nullptr;
    const double *m_replicas = nullptr;
    const double *m_waiting = nullptr, *m_waitingTarget = nullptr;
    const double *m_kv = nullptr, *m_kvTarget = nullptr;
    std::size_t m_rows = 0;
    double m_floor = 1;
    double m_cap = 0; ///< 0: no cap
    double m_onset = 0;
    double m_breach = 1.1;
    std::size_t m_lag = 0;
};

} // namespace hpa::core
