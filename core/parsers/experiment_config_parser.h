#pragma once

#include "core/model/job_schedule.h"
#include "core/model/load_warning.h"

#include <string>
#include <string_view>
#include <vector>

namespace hpa::core {

/// Reads the job schedule from experiment-config.yaml: the items of the top-level
/// `workloads:` (or `jobs:`) list with their `name`, `job_manifest` (or `manifest`), `start_delay`
/// and `duration`. Only this subset of YAML (block lists of `key: value` maps, `#` comments) is
/// read; everything else in the file is left alone. Never throws.
class ExperimentConfigParser
{
public:
    struct Result
    {
        JobSchedule schedule;
        std::vector<LoadWarning> warnings;
    };

    static Result parse(std::string_view content, const std::string &fileName);
};

} // namespace hpa::core
