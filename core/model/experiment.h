#pragma once

#include "core/model/autoscaler_info.h"
#include "core/model/bench_job.h"
#include "core/model/experiment_metadata.h"
#include "core/model/job_schedule.h"
#include "core/model/kubectl_snapshot.h"
#include "core/model/kv_cache_unit.h"
#include "core/model/load_warning.h"
#include "core/model/metrics_table.h"
#include "core/model/scaling_event.h"
#include "core/model/scaling_event_texts.h"
#include "core/model/waiting_unit.h"

#include <optional>
#include <string>
#include <vector>

namespace hpa::core {

enum class Layout
{
    Legacy,   ///< older monitor: epoch column, scaling.log, metadata.json
    Enhanced, ///< newer monitor: naive times, TTFT/ITL, scaling-events.log
    Custom,   ///< anything else that still has a time column
    Wva       ///< llm-d WVA run: wva-controller-logs.jsonl (see WvaExperimentBuilder)
};

std::string_view layoutKey(Layout layout); ///< "legacy", "enhanced", "custom", "wva"

/// A text file of the folder kept for the user to read.
struct TextDocument
{
    std::string fileName;
    std::string content;
};

/// Everything read from one experiment folder. The loader fills it; nothing else mutates it.
struct Experiment
{
    std::string name; ///< folder name
    std::string path; ///< absolute folder path
    Layout layout = Layout::Custom;
    AutoscalerInfo autoscaler;
    ExperimentMetadata metadata;
    /// Samples; after loading it also holds kv_cache_pct / kv_cache_target_pct in percent.
    MetricsTable metrics;
    KvCacheRule kvRule;
    /// How waiting requests were read; after loading the waiting column holds them as read.
    WaitingRule waitingRule;
    std::vector<ScalingEvent> events; ///< sorted by time
    ScalingEventTexts eventTexts;     ///< text and file name of each of `events`
    /// The newer monitor's first `REPLICAS CHANGED: 0 -> N`: its first look at the
    /// deployment, not a change. Not one of `events` (so no count includes it), but listed
    /// where the log is shown line by line. Its text is in `eventTexts`.
    std::optional<ScalingEvent> monitorStart;
    /// `kubectl describe hpa` text from scaling.log's initial state, when present.
    std::string hpaDescription;
    std::vector<KubectlSnapshot> kubernetesEvents; ///< events.log
    std::vector<KubectlSnapshot> jobSnapshots;     ///< jobs.log
    std::vector<TextDocument> documents; ///< monitor.log, experiment-config.yaml, README.md
    /// `vllm bench serve` jobs of job-logs/, by file name, each placed or not (JobPlacer).
    std::vector<BenchJob> jobs;
    JobSchedule schedule; ///< experiment-config.yaml's start_delay schedule
    /// No metrics.csv, only job logs: there is no HPA time series, `metrics` is empty.
    bool benchOnly = false;
    std::vector<LoadWarning> warnings;

    /// The name the run is shown and exported under (window titles, chart titles, export file
    /// names): metadata.json's `experiment_name` when it has one, else the folder name.
    std::string displayName() const;
};

} // namespace hpa::core
