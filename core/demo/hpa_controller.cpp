#include "core/demo/hpa_controller.h"

#include "core/model/hpa_metric_proposal.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <stdexcept>

namespace hpa::core {

namespace {

int wholeSeconds(double seconds)
{
    return static_cast<int>(std::lround(seconds));
}

} // namespace

HpaSpec HpaController::spec(const Config &config)
{
    if (config.minReplicas < 1 || config.maxReplicas < config.minReplicas)
        throw std::invalid_argument("HPA: need 1 <= minReplicas <= maxReplicas");
    if (!(config.waitingTarget > 0.0) || !(config.kvCacheTarget > 0.0))
        throw std::invalid_argument("HPA: metric targets must be positive");
    if (config.tolerance < 0.0 || config.scaleUpPods < 0 || config.scaleUpPercent < 0 ||
        config.scaleDownPods < 1)
        throw std::invalid_argument("HPA: invalid tolerance or scaling policy");
    HpaSpec spec;
    spec.name = "vllm-hpa-combined";
    spec.minReplicas = config.minReplicas;
    spec.maxReplicas = config.maxReplicas;
    spec.metrics = {{"num_requests_waiting", config.waitingTarget},
                    {"kv_cache_usage_perc", config.kvCacheTarget}};
    spec.controller.tolerance = config.tolerance;
    spec.controller.syncPeriodSeconds = config.syncPeriodSeconds;
    HpaBehavior b;
    b.scaleUp.stabilizationWindowSeconds = wholeSeconds(config.scaleUpStabilizationSeconds);
    b.scaleUp.selectPolicy = HpaSelectPolicy::Max;
    b.scaleUp.policies.clear();
    const int upPeriod = wholeSeconds(config.scaleUpPeriodSeconds);
    if (config.scaleUpPercent > 0)
        b.scaleUp.policies.push_back(
            {HpaScalingPolicy::Type::Percent, config.scaleUpPercent, upPeriod});
    if (config.scaleUpPods > 0)
        b.scaleUp.policies.push_back({HpaScalingPolicy::Type::Pods, config.scaleUpPods, upPeriod});
    b.scaleDown.stabilizationWindowSeconds = wholeSeconds(config.scaleDownStabilizationSeconds);
    b.scaleDown.selectPolicy = HpaSelectPolicy::Max;
    b.scaleDown.policies = {{HpaScalingPolicy::Type::Pods, config.scaleDownPods,
                             wholeSeconds(config.scaleDownPeriodSeconds)}};
    spec.behavior = b;
    return spec;
}

HpaController::HpaController(const Config &config, int initialReplicas)
    : m_config(config), m_reconciler(spec(config)),
      m_desired(std::clamp(initialReplicas, config.minReplicas, config.maxReplicas))
{}

std::optional<int> HpaController::proposal(int current, int readyPods, double waitingPerPod,
                                           double kvCacheFraction) const
{
    const HpaMetricProposal::Tolerances tol{m_config.tolerance, m_config.tolerance};
    const std::array<std::optional<int>, 2> proposals = {
        HpaMetricProposal::fromAverage(current, HpaMetricProposal::toMilli(waitingPerPod),
                                       readyPods,
                                       HpaMetricProposal::toMilli(m_config.waitingTarget), tol),
        HpaMetricProposal::fromAverage(current, HpaMetricProposal::toMilli(kvCacheFraction),
                                       readyPods,
                                       HpaMetricProposal::toMilli(m_config.kvCacheTarget), tol)};
    return HpaMetricProposal::combine(current, proposals);
}

int HpaController::recommend(int current, int readyPods, double waitingPerPod,
                             double kvCacheFraction) const
{
    const auto p = proposal(current, readyPods, waitingPerPod, kvCacheFraction);
    return std::clamp(p.value_or(current), m_config.minReplicas, m_config.maxReplicas);
}

int HpaController::evaluate(double now, int readyPods, double waitingPerPod, double kvCacheFraction)
{
    const int current = m_desired;
    m_desired =
        m_reconciler
            .reconcile(now, current, proposal(current, readyPods, waitingPerPod, kvCacheFraction))
            .desired;
    return m_desired;
}

} // namespace hpa::core
