#include "core/model/hpa_metric_proposal.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace hpa::core {

std::optional<int> HpaMetricProposal::fromPods(int current, std::span<const Pod> pods,
                                               std::int64_t targetMilli,
                                               const Tolerances &tolerances)
{
    if (targetMilli <= 0)
        return std::nullopt;
    // groupPods for a non-CPU metric: deleted and failed pods are ignored, pending ones are
    // unready, the rest are ready when they reported and missing when they did not.
    std::vector<std::int64_t> metrics;
    std::size_t unready = 0, missing = 0;
    for (const Pod &pod : pods) {
        if (pod.deleted || pod.phase == Pod::Phase::Failed)
            continue;
        if (pod.phase == Pod::Phase::Pending)
            ++unready;
        else if (!pod.valueMilli)
            ++missing;
        else
            metrics.push_back(*pod.valueMilli);
    }
    if (pods.empty() || metrics.empty())
        return std::nullopt; // "no pods returned" / "did not receive metrics"
    std::int64_t sum = 0;
    for (std::int64_t v : metrics)
        sum += v;
    const std::int64_t usage = sum / static_cast<std::int64_t>(metrics.size());
    const double ratio = static_cast<double>(usage) / static_cast<double>(targetMilli);
    const bool upWithUnready = unready > 0 && ratio > 1.0;
    if (!upWithUnready && missing == 0) {
        if (tolerances.within(ratio))
            return current;
        return ceilReplicas(ratio, static_cast<double>(metrics.size()));
    }
    if (missing > 0) {
        // Missing pods are assumed on target when scaling down, idle when scaling up.
        if (ratio < 1.0)
            metrics.insert(metrics.end(), missing, targetMilli);
        else if (ratio > 1.0)
            metrics.insert(metrics.end(), missing, 0);
    }
    if (upWithUnready)
        metrics.insert(metrics.end(), unready, 0);
    sum = 0;
    for (std::int64_t v : metrics)
        sum += v;
    const double newRatio = static_cast<double>(sum / static_cast<std::int64_t>(metrics.size())) /
                            static_cast<double>(targetMilli);
    // Never flip the direction, and nothing within tolerance after rebalancing.
    if (tolerances.within(newRatio) || (ratio < 1.0 && newRatio > 1.0) ||
        (ratio > 1.0 && newRatio < 1.0))
        return current;
    const int proposal = ceilReplicas(newRatio, static_cast<double>(metrics.size()));
    if ((newRatio < 1.0 && proposal > current) || (newRatio > 1.0 && proposal < current))
        return current;
    return proposal;
}

} // namespace hpa::core
