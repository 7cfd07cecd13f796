#pragma once

#include "core/model/experiment.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hpa::core {

/// Writes the samples of an experiment as a metrics.csv that HPA Lens itself reads back with
/// the same statistics: canonical column names, KV cache in percent, numbers as
/// NumberFormat::shortest writes them.
class MetricsCsvWriter
{
public:
    /// Columns the writer derives; on re-import they are known keys, not extra series.
    static constexpr std::string_view kElapsed = "elapsed_s";
    static constexpr std::string_view kWaitingExceeded = "waiting_exceeded";
    static constexpr std::string_view kKvExceeded = "kv_cache_exceeded";
    static constexpr std::string_view kAnyExceeded = "any_threshold_exceeded";
    /// First column of writeRuns(): which run a row belongs to.
    static constexpr std::string_view kRun = "run";

    /// One run of writeRuns().
    struct Run
    {
        const Experiment *experiment = nullptr;
        std::string label; ///< "A", "B"
        double origin = 0; ///< experiment time at elapsed 0 (the comparison's alignment)
    };

    /// The CSV text: `timestamp,elapsed_s,` then every metric column in table order (known
    /// ones under their canonical names, KV cache as kv_cache_pct / kv_cache_target_pct only,
    /// extra ones under their own header), then the three threshold flags as true/false.
    /// Rows whose time lies in [fromTime, toTime] (each bound optional); elapsed_s is the time
    /// minus `origin`. Missing values are empty cells; numbers are rounded to 10 significant digits
    /// (NumberFormat::shortest), so writing a file read back gives the same bytes.
    static std::string write(const Experiment &experiment, std::optional<double> fromTime,
                             std::optional<double> toTime, double origin);

    /// Several runs in one file for a spreadsheet or pandas (`groupby("run")`): `run,timestamp,
    /// elapsed_s,` then the union of the runs' columns (first-seen order; a run without one
    /// leaves it empty), then the threshold flags; each run's rows in turn. elapsed_s is the
    /// aligned elapsed time (time - the run's origin), so A and B rows at equal elapsed_s are
    /// the same moment of the comparison; rows with elapsed_s in [fromElapsed, toElapsed].
    static std::string writeRuns(const std::vector<Run> &runs, std::optional<double> fromElapsed,
                                 std::optional<double> toElapsed);

    /// The metric columns write() writes, in its order (KV cache as the percent columns).
    static std::vector<const MetricColumn *> outputColumns(const MetricsTable &table);
    /// The header name the writer uses for a column with this canonical key and header.
    static std::string columnName(std::string_view key, std::string_view header);
    /// A CSV cell: quoted (with doubled quotes) only when it holds a comma, quote or newline.
    static std::string cell(std::string_view text);
};

} // namespace hpa::core
