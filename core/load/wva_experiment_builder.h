#pragma once

#include "core/model/experiment.h"
#include "core/model/wva_log.h"

#include <string>
#include <string_view>

namespace hpa::core {

/// Turns a WVA controller log into the experiment model every view reads, so HPA and WVA
/// runs are charted, summarised, scored and compared alike:
///   replicas         = the controller's current replicas
///   desired_replicas = the target of the cycle's decision (its current count when it said it
///                      made none)
///   waiting          = per-pod queue lengths averaged per collection (the meaning of the
///                      HPA's average value); waiting_max keeps the largest pod's
///   kv_cache_raw     = per-pod KV cache usage (fraction) averaged the same way;
///                      kv_cache_max_pct the fullest pod's, in percent
///   ttft_ms, itl_ms  = as the controller collected them ("Metrics collected for VA")
///   arrival_rate_per_min = its arrivalRate (model-based mode only; requests arriving, not
///                      the monitor's successful request_rate_per_min)
///   predicted_replicas, predicted_ttft_ms, predicted_itl_ms = the model-based optimizer's
///                      solution, series of their own beside the observed ones
/// Each scale-up / scale-down decision is a scaling event (from current to target) whose text
/// is the decision as logged. AutoscalerInfo::sources says, per series and for the decisions,
/// whether the values came from `fileName` or from metrics.csv (WvaSample::fromCsv,
/// WvaDecision::file).
class WvaExperimentBuilder
{
public:
    /// The run's long metrics.csv, named as a source (AutoscalerInfo::sources).
    static constexpr const char *kCsvName = "metrics.csv";

    /// The variant loaded when none is asked for: the one with the most samples.
    static std::string defaultVariant(const WvaLog &log);

    /// Fills `experiment`'s table, events, layout and autoscaler from `log`'s samples of
    /// `variant` (its name; empty = defaultVariant()). Returns false, with nothing filled,
    /// when the log has no sample of that variant.
    static bool build(const WvaLog &log, std::string_view variant, const std::string &fileName,
                      Experiment &experiment);
};

} // namespace hpa::core
