#pragma once

#include "core/model/experiment.h"
#include "core/model/hpa_spec.h"
#include "core/model/load_warning.h"
#include "core/model/resolved_hpa_spec.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hpa::core {

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
};

} // namespace hpa::core
