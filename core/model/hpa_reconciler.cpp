#include "core/model/hpa_reconciler.h"

#include <stdexcept>
#include <utility>

namespace hpa::core {

HpaReconciler::HpaReconciler(HpaSpec spec)
    : m_spec(std::move(spec)), m_window(m_spec.behavior.has_value())
{
    const std::string problem = m_spec.problem();
    if (!problem.empty())
        throw std::invalid_argument("HPA spec: " + problem);
}

void HpaReconciler::reset()
{
    m_seeded = false;
    m_window.clear();
    m_recommendations.clear();
    m_upEvents.clear();
    m_downEvents.clear();
}

HpaReconciler::Decision HpaReconciler::reconcile(double now, int current, std::optional<int> raw)
{
    if (!m_seeded) {
        if (m_referenceMemory)
            m_recommendations.push_back({current, now});
        else
            m_window.store(now, current);
        m_seeded = true;
    }
    Decision d;
    d.current = current;
    if (current == 0) {
        // Scaled to zero by hand: the HPA leaves it alone (HPAScaleToZero is not modelled).
        d.desired = 0;
        d.reason = "ScalingDisabled";
        return d;
    }
    if (current > m_spec.maxReplicas) {
        d.desired = m_spec.maxReplicas;
        d.reason = "AboveMaxReplicas";
    } else if (current < m_spec.minReplicas) {
        d.desired = m_spec.minReplicas;
        d.reason = "BelowMinReplicas";
    } else if (!raw) {
        // computeReplicasForMetrics returned -1: no recommendation is stored, nothing scales.
        d.desired = current;
        d.reason = "FailedGetMetrics";
        return d;
    } else {
        d.raw = raw;
        HpaNormalizer::Limited limited{};
        if (!m_spec.behavior) {
            const double window = m_spec.controller.downscaleStabilizationSeconds;
            d.stabilized = m_referenceMemory
                               ? HpaNormalizer::stabilize(m_recommendations, now, *raw, window)
                               : m_window.stabilize(now, *raw, window);
            limited = HpaNormalizer::convertWithRules(current, *d.stabilized, m_spec.minReplicas,
                                                      m_spec.maxReplicas);
        } else {
            const double up = m_spec.scaleUpWindowSeconds();
            const double down = m_spec.scaleDownWindowSeconds();
            d.stabilized = m_referenceMemory
                               ? HpaNormalizer::stabilizeWithBehaviors(m_recommendations, now, *raw,
                                                                       current, up, down)
                               : m_window.stabilizeWithBehaviors(now, *raw, current, up, down);
            limited = HpaNormalizer::convertWithBehaviorRate(
                current, *d.stabilized, m_spec.minReplicas, m_spec.maxReplicas, *m_spec.behavior,
                m_upEvents, m_downEvents, now);
        }
        d.desired = limited.replicas;
        d.reason = limited.reason;
    }
    if (d.rescaled() && m_spec.behavior) {
        if (d.desired > current)
            HpaNormalizer::storeScaleEvent(m_upEvents, m_spec.behavior->scaleUp,
                                           d.desired - current, now);
        else
            HpaNormalizer::storeScaleEvent(m_downEvents, m_spec.behavior->scaleDown,
                                           current - d.desired, now);
    }
    return d;
}

} // namespace hpa::core
