#pragma once

#include "core/model/experiment.h"

#include <optional>
#include <string>
#include <string_view>

namespace hpa::core {

/// Writes the samples of an experiment as a metrics.csv that HPA Lens itself reads back with
/// the same statistics: canonical column names, KV cache in percent, exact numbers.
class MetricsCsvWriter
{
public:
    /// Columns the writer derives; on re-import they are known keys, not extra series.
    static constexpr std::string_view kElapsed = "elapsed_s";
    static constexpr std::string_view kWaitingExceeded = "waiting_exceeded";
    static constexpr std::string_view kKvExceeded = "kv_cache_exceeded";
    static constexpr std::string_view kAnyExceeded = "any_threshold_exceeded";

    /// The CSV text: `timestamp,elapsed_s,` then every metric column in table order (known
    /// ones under their canonical names, KV cache as kv_cache_pct / kv_cache_target_pct only,
    /// extra ones under their own header), then the three threshold flags as true/false.
    /// Rows whose time lies in [fromTime, toTime] (each bound optional); elapsed_s is the time
    /// minus `origin`. Missing values are empty cells; numbers keep full precision.
    static std::string write(const Experiment &experiment, std::optional<double> fromTime,
                             std::optional<double> toTime, double origin);

    /// The header name the writer uses for a column with this canonical key and header.
    static std::string columnName(std::string_view key, std::string_view header);
    /// A CSV cell: quoted (with doubled quotes) only when it holds a comma, quote or newline.
    static std::string cell(std::string_view text);
};

} // namespace hpa::core
