#pragma once

#include <cstdint>
#include <optional>
#include <span>

namespace hpa::core {

/// The replica count one `Pods` metric with an `AverageValue` target proposes, and the
/// combination of several metrics, as kubernetes/kubernetes `replica_calculator.go`
/// (`calcPlainMetricReplicas`, `groupPods`) and `horizontal.go` (`computeReplicasForMetrics`)
/// compute them (hpa-algorithm.md §2, §3). All metric values are int64 milli-units.
class HpaMetricProposal
{
public:
    /// `Tolerances.isWithin`: (1 - down) <= ratio <= (1 + up).
    struct Tolerances
    {
        double down = 0.1;
        double up = 0.1;
        bool within(double ratio) const { return 1.0 - down <= ratio && ratio <= 1.0 + up; }
    };

    /// One pod of the target as `groupPods` sees it.
    struct Pod
    {
        enum class Phase
        {
            Running,
            Pending,
            Failed
        };
        Phase phase = Phase::Running;
        bool deleted = false;                   ///< deletionTimestamp set
        std::optional<std::int64_t> valueMilli; ///< the metric sample, if the pod reported one
    };

    /// The proposal from an average over `readyPods` pods that all reported (no missing or
    /// unready pods): `current` within tolerance, else ceil(usage / target * readyPods).
    /// nullopt (the metric is invalid) with no pods or a target <= 0.
    static std::optional<int> fromAverage(int current, std::int64_t usageMilli, int readyPods,
                                          std::int64_t targetMilli, const Tolerances &tolerances);

    /// The full rule with missing and pending pods rebalanced and the direction guards.
    static std::optional<int> fromPods(int current, std::span<const Pod> pods,
                                       std::int64_t targetMilli, const Tolerances &tolerances);

    /// `computeReplicasForMetrics`: the largest valid proposal; nullopt (no scaling, nothing
    /// recorded) when every metric is invalid, or some is and the largest is below `current`.
    static std::optional<int> combine(int current, std::span<const std::optional<int>> proposals);

    /// round(value * 1000) as the HPA's int64 milli-units, saturated far below overflow.
    static std::int64_t toMilli(double value);
};

} // namespace hpa::core
