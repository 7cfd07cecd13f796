#include "core/analysis/demand_model.h"

#include "core/model/metric_keys.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace hpa::core {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// The column's data when it has `rows` values, else nullptr.
const double *column(const MetricsTable &table, std::string_view key)
{
    const auto *v = table.values(key);
    return v && v->size() == table.rowCount() ? v->data() : nullptr;
}

} // namespace

DemandModel::DemandModel(const MetricsTable &table, const HpaLimits &limits,
                         const ScorecardSettings &settings)
    : m_time(table.time().data()), m_replicas(column(table, keys::Replicas)),
      m_waiting(column(table, keys::Waiting)), m_waitingTarget(column(table, keys::WaitingTarget)),
      m_kv(column(table, keys::KvCachePct)), m_kvTarget(column(table, keys::KvCacheTargetPct)),
      m_rows(table.rowCount()), m_floor(limits.floor()),
      m_onset(std::max(0.0, settings.onsetDelaySeconds)), m_breach(settings.breachRatio)
{
    if (!m_waitingTarget)
        m_waiting = nullptr;
    if (!m_kvTarget)
        m_kv = nullptr;
    if (settings.demand == DemandVariant::HpaReachable && limits.maxReplicas &&
        *limits.maxReplicas >= 1)
        m_cap = std::max<double>(*limits.maxReplicas, m_floor);
}

double DemandModel::podsBehindAverage(std::size_t row)
{
    double n = m_replicas[row];
    if (m_onset > 0) {
        // The last sample at or before t_i - D; before the first sample, the first one's.
        const double at = m_time[row] - m_onset;
        while (m_lag + 1 <= row && m_time[m_lag + 1] <= at)
            ++m_lag;
        n = m_replicas[m_lag];
    }
    // n = 0 is the monitor's start-up artefact; the HPA divides by at least one pod.
    return std::isfinite(n) && n >= 1 ? n : 1.0;
}

DemandModel::Sample DemandModel::next(std::size_t row)
{
    double ratio = -1;
    if (m_waiting) {
        const double target = m_waitingTarget[row];
        const double r = m_waiting[row] / target;
        if (target > 0 && std::isfinite(r)) // NaN value or target: dropped
            ratio = r;
    }
    if (m_kv) {
        const double target = m_kvTarget[row];
        const double r = m_kv[row] / target;
        if (target > 0 && std::isfinite(r) && r > ratio)
            ratio = r;
    }
    if (ratio < 0 || !m_replicas)
        return {kNaN, kNaN, Load::Unknown};
    // ceil(n * max r) = max over metrics of ceil(n * r): the ceiling is monotone.
    double demand = std::max(m_floor, std::ceil(podsBehindAverage(row) * ratio - 1e-9));
    if (m_cap > 0)
        demand = std::min(demand, m_cap);
    return {demand, ratio, ratio > m_breach ? Load::Breach : Load::Calm};
}

std::vector<double> DemandModel::series()
{
    restart();
    std::vector<double> out(m_rows, kNaN);
    for (std::size_t i = 0; i < m_rows; ++i)
        out[i] = next(i).demand;
    restart();
    return out;
}

} // namespace hpa::core
