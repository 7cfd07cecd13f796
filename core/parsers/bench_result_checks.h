#pragma once

#include "core/model/bench_job.h"
#include "core/model/warning_list.h"

#include <optional>

namespace hpa::core {

/// The consistency checks that held on all 52 real logs (spec §2), run on a parsed job: each
/// one that fails becomes a warning, never an error.
class BenchResultChecks
{
public:
    /// `trafficRate` is the `Traffic request rate:` printed before the run, when present.
    static void run(const BenchJob &job, std::optional<double> trafficRate, int trafficLine,
                    WarningList &warnings);
};

} // namespace hpa::core
