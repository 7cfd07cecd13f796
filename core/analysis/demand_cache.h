#pragma once

#include "core/analysis/demand_model.h"

#include <cstdint>
#include <limits>
#include <vector>

namespace hpa::core {

/// DemandModel's demand and load state of every row, computed once. Every what-if of a sweep
/// is scored against the same recorded demand, so the sweep computes it once here instead of
/// once per what-if (a division, a ceiling and the onset-delay cursor per row and metric).
/// Valid for the table, limits and settings it was built from only.
class DemandCache
{
public:
    DemandCache() = default;
    /// `table` is read now and not kept.
    DemandCache(const MetricsTable &table, const HpaLimits &limits,
                const ScorecardSettings &settings);

    /// DemandModel::usable() of the table.
    bool usable() const { return m_usable; }
    std::size_t size() const { return m_demand.size(); }
    /// The sample of `row` as DemandModel::next() gives it, except maxRatio (not kept: NaN).
    DemandModel::Sample at(std::size_t row) const
    {
        return {m_demand[row], std::numeric_limits<double>::quiet_NaN(),
                static_cast<DemandModel::Load>(m_load[row])};
    }

private:
    bool m_usable = false;
    std::vector<double> m_demand;
    std::vector<std::uint8_t> m_load;
};

} // namespace hpa::core
