#include "core/analysis/demand_cache.h"

namespace hpa::core {

DemandCache::DemandCache(const MetricsTable &table, const HpaLimits &limits,
                         const ScorecardSettings &settings)
{
    DemandModel model(table, limits, settings);
    m_usable = model.usable();
    if (!m_usable)
        return;
    const std::size_t rows = table.rowCount();
    m_demand.resize(rows);
    m_load.resize(rows);
    for (std::size_t i = 0; i < rows; ++i) {
        const DemandModel::Sample s = model.next(i);
        m_demand[i] = s.demand;
        m_load[i] = static_cast<std::uint8_t>(s.load);
    }
}

} // namespace hpa::core
