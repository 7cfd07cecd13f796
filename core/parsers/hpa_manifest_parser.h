#pragma once

#include "core/model/hpa_spec.h"
#include "core/model/load_warning.h"
#include "core/model/warning_list.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hpa::core {

/// Reads a Kubernetes HorizontalPodAutoscaler (autoscaling/v2 or v2beta2) as
/// `kubectl get hpa -o yaml` or `-o json` prints it, or as written in a manifest: one document,
/// several (`---`), or a `kind: List`. The first HorizontalPodAutoscaler found is used. YAML is
/// read with yaml-cpp (JSON is YAML). Never throws: a file that holds no usable HPA gives
/// `error` and no spec.
class HpaManifestParser
{
public:
    struct Options
    {
        std::size_t maxWarnings = WarningList::kDefaultLimit;
        /// Larger inputs are refused: an HPA manifest is a few kilobytes.
        std::size_t maxBytes = 4 * 1024 * 1024;
    };

    struct Result
    {
        std::optional<HpaSpec> spec;
        /// Why there is no spec (file, line, message); nullopt when there is one.
        std::optional<LoadWarning> error;
        /// Fields the manifest left out and the API server defaulted (e.g. "min_replicas").
        std::vector<std::string> defaulted;
        /// Metrics HPA Lens cannot replay (not a Pods metric with an AverageValue target), and
        /// other oddities. They do not stop the parse.
        std::vector<LoadWarning> warnings;
    };

    /// What an experiment-config.yaml says about its HPA: the `hpa.manifest` path it names
    /// and the plain keys the demo and some monitors write (`min_replicas`, `max_replicas`,
    /// `tolerance`, `metrics: [{name, target_average_value}]`).
    struct ConfigHints
    {
        std::optional<std::string> manifestPath;
        std::optional<int> minReplicas, maxReplicas;
        std::optional<double> tolerance;
        std::vector<HpaMetricSpec> metrics;
    };
    /// Never throws; an unreadable config gives no hints.
    static ConfigHints readExperimentConfig(std::string_view content);

    /// `fileName` names the file in the error and the warnings.
    static Result parse(std::string_view content, const std::string &fileName,
                        const Options &options);
    static Result parse(std::string_view content, const std::string &fileName)
    {
        return parse(content, fileName, Options{});
    }
};

} // namespace hpa::core
