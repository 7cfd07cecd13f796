#pragma once

#include "core/model/warning_list.h"
#include "core/model/wva_log.h"

#include <cstddef>
#include <map>
#include <string>
#include <string_view>

namespace hpa::core {

/// Reads the long metrics.csv a WVA run's own scripts (parse_capacity_based.py,
/// parse_model_based.py) extract from wva-controller-logs.jsonl: one row per log line they
/// kept, its kind in `event_type`, its time (the log line's `ts`) in `timestamp`, and only the
/// columns of that kind filled. Columns are found by header name. The rows read:
///   metrics            replicas, ttft, itl, cost        ("Metrics collected for VA")
///   observed_metrics   observed_replicas, observed_ttft, observed_itl   (the same line)
///   queue              pod, queue_length                ("Queue metric")
///   kv_cache           pod, kv_cache_usage (fraction) or kv_cache_percent
///   prediction         predicted_replicas, predicted_ttft, predicted_itl ("Optimization solution")
///   scaling_decision   action, current_replicas, target_replicas        ("Processing decision")
///   capacity_analysis  total_replicas, non_saturated_replicas, should_scale_up, scale_down_safe
///   slo                slo_ttft, slo_itl
/// The last two are checked but carry nothing HPA Lens shows. The file names no variant, no
/// model and no mode: every sample and decision gets Options::variant, and the rows become
/// cycles by WvaCycleAssembler's rules (a second collection, or a second value of a pod,
/// starts the next cycle). Never throws: a row with the wrong number of cells, an unreadable
/// time or number, or a missing value it needs is a warning naming its line and is skipped;
/// an unknown event_type is one warning per kind; the rest still loads.
class WvaMetricsCsvParser
{
public:
    /// The variant name given when nothing names one.
    static constexpr const char *kUnknownVariant = "unknown";

    struct Options
    {
        std::string variant = kUnknownVariant;
        std::size_t maxWarnings = WarningList::kDefaultLimit;
    };

    struct Result
    {
        WvaLog log; ///< lines are the CSV's; warnings are in log.warnings
        /// The header has `event_type` and `timestamp`: the long format. False for the
        /// monitor's wide metrics.csv (or no header at all); nothing else is read then.
        bool longFormat = false;
        std::size_t rows = 0;                     ///< data rows (blank lines not counted)
        std::map<std::string, std::size_t> kinds; ///< rows read per known event_type
        std::size_t skipped = 0;                  ///< rows not used (each one warned about)
    };

    /// True when `headerLine` (a CSV header) has the `event_type` and `timestamp` columns.
    static bool isLongFormat(std::string_view headerLine);

    static Result parse(std::string_view content, const std::string &fileName,
                        const Options &options);
    static Result parse(std::string_view content, const std::string &fileName)
    {
        return parse(content, fileName, Options{});
    }
};

} // namespace hpa::core
