#pragma once

#include "core/model/wva_log.h"

#include <string>
#include <utility>
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
    /// WVA: the file(s) the samples came from ("wva-controller-logs.jsonl", "metrics.csv", or
    /// both joined by " and ").
    std::string source;
    /// WVA: where each series (by its key) and the decisions ("decisions") were read from:
    /// one of the files, or both joined by " and " when some values came from each. In the
    /// order of the table's columns.
    std::vector<std::pair<std::string, std::string>> sources;
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
