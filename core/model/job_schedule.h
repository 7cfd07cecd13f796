#pragma once

#include <optional>
#include <string>
#include <vector>

namespace hpa::core {

/// One workload of experiment-config.yaml (`workloads:` or `jobs:`): when the experiment
/// script starts its job, relative to the experiment start.
struct ScheduledJob
{
    std::string name;
    std::string manifest;             ///< job_manifest (WVA) or manifest (HPA), as written
    std::optional<double> startDelay; ///< seconds after the experiment start
    std::optional<double> duration;   ///< seconds, as planned
    int line = 0;                     ///< line of its `- name:` item
};

/// The start_delay schedule of an experiment, in file order.
struct JobSchedule
{
    std::vector<ScheduledJob> jobs;
};

} // namespace hpa::core
