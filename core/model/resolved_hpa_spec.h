#pragma once

#include "core/model/hpa_spec.h"
#include "core/model/load_warning.h"

#include <string>
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

} // namespace hpa::core
