#pragma once

#include "core/model/experiment.h"

#include <optional>
#include <string_view>

namespace hpa::core {

/// Places each bench job of an experiment on the experiment's wall clock (the clock of
/// metrics.csv), in this order, and says how (JobPlacement::detail):
///  1. a jobs.log / events.log line naming the job (its creation ≈ snapshot − AGE, its end
///     ≈ creation + DURATION once COMPLETIONS is 1/1);
///  2. the log's own clock: the bench container's clock, maybe in another zone, so only a
///     whole number of quarter hours may separate it from the experiment's; the offset is
///     accepted when it is the only one that puts every job inside the experiment's window
///     (±2 min);
///  3. the start_delay schedule of experiment-config.yaml: the logs' start times follow the
///     delays within 15 s, and the experiment start minus the first log's start is within
///     2 min of a multiple of 15 min.
/// A job nothing places is "not placed" with the reason: never guessed.
class JobPlacer
{
public:
    /// Seconds either side of the window a shifted job may reach, and the distance to a
    /// whole quarter hour an inferred offset may have.
    static constexpr double kSlackSeconds = 120;
    /// How far the logs' start times may stray from the start_delay pattern.
    static constexpr double kScheduleToleranceSeconds = 15;

    /// Fills `placement` of every job of `experiment`.
    static void place(Experiment &experiment);

    /// A kubectl AGE / DURATION (`16s`, `11m0s`, `3h5m`, `2d3h`); nullopt when it is none.
    static std::optional<double> kubectlDuration(std::string_view text);
    /// A signed offset as `+8 h 00 min` / `-0 h 15 min`.
    static std::string offsetText(double seconds);
};

} // namespace hpa::core
