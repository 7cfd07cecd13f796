#pragma once

#include <algorithm>
#include <cmath>
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

    /// ceil(ratio * pods) as int32 would hold it; an absurd ratio (a milli-unit leak such as
    /// `60250` waiting requests) saturates instead of overflowing.
    static int ceilReplicas(double ratio, double pods);
};

// fromAverage, combine, toMilli and ceilReplicas run once per metric per simulated sync (a
// sweep runs millions of them): defined here so the replay's loop inlines them instead of
// calling across translation units.

inline int HpaMetricProposal::ceilReplicas(double ratio, double pods)
{
    // std::ceil without the libm call (as toMilli): below kMax the truncation is exact.
    const double x = ratio * pods;
    constexpr double kMax = 1e9;
    if (!(x < kMax))
        return static_cast<int>(kMax); // and NaN, as std::ceil's NaN failed this test too
    if (!(x > 0))
        return 0;
    const auto whole = static_cast<int>(x);
    return whole + (static_cast<double>(whole) < x ? 1 : 0);
}

inline std::int64_t HpaMetricProposal::toMilli(double value)
{
    // std::round(x) clamped to +-kLimit, NaN -> 0, without the libm call std::round is at -O2
    // (a replay of 1M rows rounds 700k values): below 2^53 both the truncation and x - t are
    // exact, so rounding half away from zero by the remainder is exact too.
    constexpr double kLimit = 1e15; // milli-units; far below int64 overflow after summing
    const double milli = value * 1000.0;
    if (!(milli < kLimit))
        return std::isnan(milli) ? 0 : static_cast<std::int64_t>(kLimit);
    if (!(milli > -kLimit))
        return -static_cast<std::int64_t>(kLimit);
    auto whole = static_cast<std::int64_t>(milli);
    const double rest = milli - static_cast<double>(whole);
    if (rest >= 0.5)
        ++whole;
    else if (rest <= -0.5)
        --whole;
    return whole;
}

inline std::optional<int> HpaMetricProposal::fromAverage(int current, std::int64_t usageMilli,
                                                         int readyPods, std::int64_t targetMilli,
                                                         const Tolerances &tolerances)
{
    if (readyPods <= 0 || targetMilli <= 0)
        return std::nullopt;
    const double ratio = static_cast<double>(usageMilli) / static_cast<double>(targetMilli);
    if (tolerances.within(ratio))
        return current;
    return ceilReplicas(ratio, readyPods);
}

inline std::optional<int> HpaMetricProposal::combine(int current,
                                                     std::span<const std::optional<int>> proposals)
{
    int replicas = 0;
    std::size_t invalid = 0;
    for (const std::optional<int> &p : proposals) {
        if (!p) {
            ++invalid;
            continue;
        }
        if (replicas == 0 || *p > replicas)
            replicas = *p;
    }
    if (invalid == proposals.size() || (invalid > 0 && replicas < current))
        return std::nullopt;
    return replicas;
}

} // namespace hpa::core
