#pragma once

#include <span>
#include <string>
#include <string_view>

namespace hpa::core {

/// The one rule for "not collected". The monitor fills some columns from queries of its own
/// (Prometheus for TTFT, ITL and request rate; `kubectl get jobs` for the job counts) and
/// writes 0 when such a query returns nothing, so one of those columns with no value above 0
/// holds no measurement at all. The HPA's own columns (replicas, waiting, KV cache) come from
/// the HPA's status: their zeros are real. Every display (charts, statistics, summary,
/// compare, data table) asks this class.
class CollectedSeries
{
public:
    /// True for the columns the monitor fills from its own separate queries.
    static bool fromOwnQuery(std::string_view key);
    /// False when the column holds no measurement: one of fromOwnQuery()'s columns with no
    /// value above 0, or any column with no finite value at all.
    static bool isCollected(std::string_view key, std::span<const double> values);
    /// What is known about a column that is not collected, for display: "all 71 values are
    /// 0: not collected", "no values: not collected". Names no cause: the file does not say
    /// why a query returned nothing.
    static std::string notCollectedText(std::span<const double> values);
};

} // namespace hpa::core
