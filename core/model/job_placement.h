#pragma once

#include <optional>
#include <string>

namespace hpa::core {

/// Where a bench job sits on the experiment's wall clock, and how that was found. A job is
/// either placed (start, maybe end, on the same clock as metrics.csv's time column) or not
/// placed with the reason; it is never placed by guessing.
struct JobPlacement
{
    enum class Method
    {
        None,     ///< not placed; `detail` says why
        JobsLog,  ///< a jobs.log / events.log line naming the job
        LogClock, ///< the log's own clock, maybe shifted by a time-zone offset
        Schedule  ///< the start_delay schedule of experiment-config.yaml
    };

    Method method = Method::None;
    std::optional<double> start, end; ///< experiment clock (seconds, as MetricsTable::time)
    /// How it was placed, with the offset applied and the precision; or why it was not.
    std::string detail;

    bool placed() const { return method != Method::None && start.has_value(); }
    /// "jobs.log", "log clock", "start_delay schedule" or "not placed".
    static std::string methodName(Method method);
};

} // namespace hpa::core
