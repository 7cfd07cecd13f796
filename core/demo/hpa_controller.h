#pragma once

#include <deque>

namespace hpa::core {

/// A model of the Kubernetes HorizontalPodAutoscaler (autoscaling/v2) for two Pods metrics:
/// requests waiting per pod and KV-cache usage as a fraction. Deterministic: no clock, no noise.
class HpaController
{
public:
    struct Config
    {
        int minReplicas = 1;
        int maxReplicas = 10;
        double waitingTarget = 10.0; ///< average waiting requests per pod
        double kvCacheTarget = 0.8;  ///< average KV-cache usage fraction
        double tolerance = 0.1;      ///< no change while |ratio - 1| <= tolerance
        double syncPeriodSeconds = 15.0;
        int scaleUpPercent = 100; ///< scale-up policy 1: +100 % per period ...
        int scaleUpPods = 4;      ///< ... or policy 2: +4 pods, whichever allows more
        double scaleUpPeriodSeconds = 15.0;
        int scaleDownPods = 1; ///< scale-down policy: -1 pod per period
        double scaleDownPeriodSeconds = 15.0;
        double scaleUpStabilizationSeconds = 0.0;
        double scaleDownStabilizationSeconds = 120.0;
    };

    /// Throws std::invalid_argument for inconsistent settings (min > max, targets <= 0, ...).
    explicit HpaController(const Config &config, int initialReplicas);

    const Config &config() const { return m_config; }
    /// The desired replica count after the latest evaluation.
    int desiredReplicas() const { return m_desired; }

    /// ceil(readyPods * value / target) for the metric with the largest proposal, where a metric
    /// within tolerance proposes `current` (as Kubernetes does for Pods metrics, whose averages
    /// only cover ready pods); clamped to [min, max].
    int recommend(int current, int readyPods, double waitingPerPod, double kvCacheFraction) const;

    /// One HPA sync at `now` (seconds, non-decreasing) with the current desired count as
    /// `current`: recommendation, stabilization, rate policies. Returns the new desired count.
    int evaluate(double now, int readyPods, double waitingPerPod, double kvCacheFraction);

private:
    struct Recommendation
    {
        double time;
        int replicas;
    };
    struct Change
    {
        double time;
        int delta;
    };

    int scaleUpLimit(double now, int current) const;
    int scaleDownLimit(double now, int current) const;

    Config m_config;
    int m_desired = 1;
    std::deque<Recommendation> m_recommendations;
    std::deque<Change> m_changes;
};

} // namespace hpa::core
