#pragma once

#include "core/analysis/job_summary.h"
#include "core/analysis/prediction_error.h"
#include "core/analysis/scorecard.h"
#include "core/model/autoscaler_info.h"
#include "core/model/experiment_metadata.h"
#include "core/model/job_schedule.h"
#include "core/model/kv_cache_unit.h"
#include "core/model/load_warning.h"
#include "core/model/waiting_unit.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace hpa::core {

/// Statistics of one series; none (hasStats false) when the series was not collected.
struct SeriesSummary
{
    bool collected = false;
    /// When not collected: what is known, e.g. "all 71 values are 0: not collected".
    std::string notCollectedText;
    std::size_t count = 0;
    double mean = 0, min = 0, max = 0, p50 = 0, p90 = 0, p99 = 0;
    bool hasStats = false;
};

struct ViolationSummary
{
    std::size_t samples = 0;
    double percent = 0;
};

/// Everything HPA Lens computes about one experiment: what `hpa-lens summary` prints and the
/// statistics dock shows.
struct ExperimentSummary
{
    std::string name, path, layout;
    ExperimentMetadata metadata;
    /// Which autoscaler drove the run (HPA or WVA, its mode and variants).
    AutoscalerInfo autoscaler;
    /// The load: experiment-config.yaml's job schedule (empty when the folder has none).
    JobSchedule schedule;
    /// A model-based autoscaler's predictions against what was observed (empty otherwise).
    std::vector<PredictionError> predictionErrors;
    std::string start, end; ///< first/last sample, formatted as written
    double startSeconds = 0, endSeconds = 0;
    double durationSeconds = 0;
    std::size_t samples = 0;
    double medianIntervalSeconds = 0;
    std::size_t gaps = 0; ///< intervals longer than 3 x the median
    KvCacheRule kvRule;
    /// How waiting requests were read, with the cells read as milli-units.
    WaitingRule waitingRule;

    std::optional<int> replicasInitial, replicasFinal, replicasMin, replicasMax;
    /// Integral of current replicas over time (each sample holds until the next).
    double replicaSeconds = 0;

    std::size_t eventsTotal = 0, scaleUps = 0, scaleDowns = 0, replicaChanges = 0;
    /// Mean seconds from a SCALE UP trigger to the observed replica change that reached it.
    std::optional<double> meanScaleUpLatencySeconds;

    /// Keyed by canonical series key, in display order in `seriesOrder`.
    std::map<std::string, SeriesSummary> series;
    std::vector<std::string> seriesOrder;

    std::optional<double> waitingTarget, kvCacheTargetPct;
    ViolationSummary waitingViolations, kvViolations, anyViolations;

    std::vector<std::string> correlationColumns;
    std::vector<std::vector<std::optional<double>>> correlation;

    /// No metrics.csv: only the job logs were read (no HPA time series).
    bool benchOnly = false;
    SloLimits slo; ///< the limits `jobs[].slo` were checked against
    std::vector<JobSummary> jobs;
    ClientLatency clientLatency;

    std::vector<LoadWarning> warnings;

    /// How well the HPA followed the demand (issue 12), under the settings it records.
    Scorecard autoscaling;
};

} // namespace hpa::core
