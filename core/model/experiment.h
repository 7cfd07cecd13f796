#pragma once

#include "core/model/autoscaler_info.h"
#include "core/model/experiment_metadata.h"
#include "core/model/kubectl_snapshot.h"
#include "core/model/kv_cache_unit.h"
#include "core/model/load_warning.h"
#include "core/model/metrics_table.h"
#include "core/model/scaling_event.h"
#include "core/model/scaling_event_texts.h"

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
    std::vector<ScalingEvent> events; ///< sorted by time
    ScalingEventTexts eventTexts;     ///< text and file name of each of `events`
    /// `kubectl describe hpa` text from scaling.log's initial state, when present.
    std::string hpaDescription;
    std::vector<KubectlSnapshot> kubernetesEvents; ///< events.log
    std::vector<KubectlSnapshot> jobSnapshots;     ///< jobs.log
    std::vector<TextDocument> documents; ///< monitor.log, experiment-config.yaml, README.md
    std::vector<LoadWarning> warnings;
};

} // namespace hpa::core
