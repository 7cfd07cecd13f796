#pragma once

#include "core/model/job_schedule.h"

#include <string>
#include <string_view>

namespace hpa::core {

/// Whether two runs were driven by the same load: the same job manifests started at the same
/// delays (experiment-config.yaml's `jobs:` / `workloads:`). The study behind the examples ran
/// each load profile under an HPA and under WVA; this is what makes such a pair comparable.
struct LoadProfileMatch
{
    enum class Kind
    {
        Same,      ///< same manifests (by file name) at the same start delays, in order
        Different, ///< both runs have a schedule and it differs
        Unknown    ///< a run has no schedule (no experiment-config.yaml jobs)
    };

    Kind kind = Kind::Unknown;
    /// What was compared or the first difference, for the comparison header:
    /// "3 jobs: sharegpt-load-job-high-20.yaml at 0 s, ..." or "job 3: ... in A, ... in B".
    std::string detail;

    /// Matches A's schedule against B's. Manifests are compared by file name (the runs' own
    /// folders name them by different relative paths); start delays within one second match.
    /// `nameA` / `nameB` name the runs in the detail ("B", or "C" for a third run).
    static LoadProfileMatch match(const JobSchedule &a, const JobSchedule &b,
                                  std::string_view nameA = "A", std::string_view nameB = "B");
    static std::string_view kindKey(Kind kind); ///< "same", "different", "unknown"
};

} // namespace hpa::core
