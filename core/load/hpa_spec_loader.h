#pragma once

#include "core/model/experiment.h"
#include "core/model/hpa_spec.h"
#include "core/model/load_warning.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hpa::core {

/// The HPA spec a replay uses and how sure HPA Lens is of each part of it.
struct ResolvedHpaSpec
{
    HpaSpec spec;
    HpaSpecSource source = HpaSpecSource::Defaults;
    /// Fields nobody recorded, filled with Kubernetes' defaults (JSON names: "tolerance",
    /// "sync_period_s", "max_replicas", "behavior", ...).
    std::vector<std::string> assumed;
    /// Plain sentences on what was taken from where ("waiting target 2 from the recorded
    /// target column; the manifest says 20").
    std::vector<std::string> notes;
    std::vector<LoadWarning> warnings;
};

/// Finds the HPA spec of an experiment, in this order: the manifest the user gave, the
/// `kubectl describe hpa` text of scaling.log, the folder's experiment-config.yaml /
/// metadata.json, else Kubernetes defaults. Targets then come from the recorded target columns
/// (what the HPA status reported during the run) when the table has them.
class HpaSpecLoader
{
public:
    struct Result
    {
        std::optional<ResolvedHpaSpec> resolved;
        std::optional<LoadWarning> error; ///< the user's manifest could not be used
    };

    /// `manifestPath`: --hpa FILE / File > Load HPA Manifest; an unusable file is an error
    /// (nothing else is tried, so the user sees the problem).
    static Result resolve(const Experiment &experiment,
                          const std::optional<std::string> &manifestPath);

    /// The recorded column of a metric name: "waiting" or "kv_cache_pct" (percent, so the
    /// factor 0.01 turns it into the HPA's fraction), or nullopt for other metrics.
    struct RecordedMetric
    {
        std::string_view valueKey;
        std::string_view targetKey;
        double toHpaUnit;
    };
    static std::optional<RecordedMetric> recordedMetric(std::string_view name);
};

} // namespace hpa::core
