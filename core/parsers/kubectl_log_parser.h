#pragma once

#include "core/model/kubectl_snapshot.h"
#include "core/model/load_warning.h"

#include <string>
#include <string_view>
#include <vector>

namespace hpa::core {

/// Reads events.log and jobs.log: `kubectl get` tables under `=== ... at <ISO> ===` headers.
class KubectlLogParser
{
public:
    struct Result
    {
        std::vector<KubectlSnapshot> snapshots;
        std::vector<LoadWarning> warnings;
    };

    static Result parse(std::string_view content, const std::string &fileName);
};

} // namespace hpa::core
