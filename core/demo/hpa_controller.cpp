#include "core/demo/hpa_controller.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace hpa::core {

HpaController::HpaController(const Config &config, int initialReplicas)
    : m_config(config), m_desired(initialReplicas)
{
    if (config.minReplicas < 1 || config.maxReplicas < config.minReplicas)
        throw std::invalid_argument("HPA: need 1 <= minReplicas <= maxReplicas");
    if (!(config.waitingTarget > 0.0) || !(config.kvCacheTarget > 0.0))
        throw std::invalid_argument("HPA: metric targets must be positive");
    if (config.tolerance < 0.0 || config.scaleUpPods < 0 || config.scaleUpPercent < 0 ||
        config.scaleDownPods < 1)
        throw std::invalid_argument("HPA: invalid tolerance or scaling policy");
    m_desired = std::clamp(initialReplicas, config.minReplicas, config.maxReplicas);
}

int HpaController::recommend(int current, int readyPods, double waitingPerPod,
                             double kvCacheFraction) const
{
    const auto proposal = [&](double value, double target) {
        const double ratio = value / target;
        if (std::abs(ratio - 1.0) <= m_config.tolerance)
            return static_cast<double>(current);
        return std::ceil(readyPods * ratio);
    };
    // Clamping in double first keeps an outlier (60250 waiting) from overflowing the int.
    const double best = std::max(proposal(waitingPerPod, m_config.waitingTarget),
                                 proposal(kvCacheFraction, m_config.kvCacheTarget));
    const double clamped = std::clamp(best, static_cast<double>(m_config.minReplicas),
                                      static_cast<double>(m_config.maxReplicas));
    return static_cast<int>(clamped);
}

int HpaController::evaluate(double now, int readyPods, double waitingPerPod, double kvCacheFraction)
{
    const int current = m_desired;
    const int recommended = recommend(current, readyPods, waitingPerPod, kvCacheFraction);

    const double window =
        std::max(m_config.scaleDownStabilizationSeconds, m_config.scaleUpStabilizationSeconds);
    while (!m_recommendations.empty() && m_recommendations.front().time <= now - window)
        m_recommendations.pop_front();
    m_recommendations.push_back({now, recommended});

    // As in Kubernetes: scale up to the lowest, down to the highest recommendation seen within
    // the respective stabilization window, so a brief dip never sheds pods.
    int upFloor = recommended;
    int downCeiling = recommended;
    for (const Recommendation &r : m_recommendations) {
        if (r.time > now - m_config.scaleUpStabilizationSeconds)
            upFloor = std::min(upFloor, r.replicas);
        if (r.time > now - m_config.scaleDownStabilizationSeconds)
            downCeiling = std::max(downCeiling, r.replicas);
    }

    int next = current;
    if (upFloor > current)
        next = std::min(upFloor, scaleUpLimit(now, current));
    else if (downCeiling < current)
        next = std::max(downCeiling, scaleDownLimit(now, current));
    next = std::clamp(next, m_config.minReplicas, m_config.maxReplicas);

    const double period = std::max(m_config.scaleUpPeriodSeconds, m_config.scaleDownPeriodSeconds);
    while (!m_changes.empty() && m_changes.front().time <= now - period)
        m_changes.pop_front();
    if (next != current)
        m_changes.push_back({now, next - current});
    m_desired = next;
    return next;
}

int HpaController::scaleUpLimit(double now, int current) const
{
    // Policies are budgets per period, counted from the replica count at the period's start.
    int periodStart = current;
    for (const Change &c : m_changes) {
        if (c.delta > 0 && c.time > now - m_config.scaleUpPeriodSeconds)
            periodStart -= c.delta;
    }
    const int byPercent = periodStart + (periodStart * m_config.scaleUpPercent + 99) / 100;
    const int byPods = periodStart + m_config.scaleUpPods;
    return std::max(byPercent, byPods);
}

int HpaController::scaleDownLimit(double now, int current) const
{
    int periodStart = current;
    for (const Change &c : m_changes) {
        if (c.delta < 0 && c.time > now - m_config.scaleDownPeriodSeconds)
            periodStart -= c.delta;
    }
    return periodStart - m_config.scaleDownPods;
}

} // namespace hpa::core
