#pragma once

#include "core/model/wva_log.h"

#include <string>
#include <vector>

namespace hpa::core {

/// Which autoscaler drove the run, and what the reader knows of it.
struct AutoscalerInfo
{
    enum class Kind
    {
        Hpa, ///< a Kubernetes HorizontalPodAutoscaler (the monitor script's folders)
        Wva  ///< llm-d's Workload Variant Autoscaler (wva-controller-logs.jsonl)
    };

    Kind kind = Kind::Hpa;
    /// WVA: the controller's mode as logged ("CAPACITY-ONLY", "MODEL-ONLY"); the last one when
    /// it changed. Empty for an HPA.
    std::string mode;
    /// WVA: the file the samples came from.
    std::string source;
    /// WVA: every variant in the log with its decision counts; `variant` is the one loaded.
    std::vector<WvaVariant> variants;
    std::string variant;
    /// WVA: how the folder name's local time relates to the log's UTC ("folder name ... is
    /// local time UTC-05:00 ..."); empty when the name has no time or it does not fit.
    std::string folderClock;
};

/// "hpa" or "wva".
inline const char *autoscalerKindKey(AutoscalerInfo::Kind kind)
{
    return kind == AutoscalerInfo::Kind::Wva ? "wva" : "hpa";
}

} // namespace hpa::core
