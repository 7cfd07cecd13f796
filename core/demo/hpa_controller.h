#pragma once

#include "core/model/hpa_reconciler.h"
#include "core/model/hpa_spec.h"

#include <optional>

namespace hpa::core {

/// The demo's HorizontalPodAutoscaler: its configuration as an autoscaling/v2 spec with two Pods
/// metrics (requests waiting per pod, KV-cache usage as a fraction), run by the one
/// implementation of the Kubernetes algorithm (core/model HpaReconciler, the same the replay
/// uses). Deterministic: no clock, no noise.
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
        int scaleDownPods = 1; ///< scale-down policy: -1 pod per period (selectPolicy Max)
        double scaleDownPeriodSeconds = 15.0;
        double scaleUpStabilizationSeconds = 0.0;
        double scaleDownStabilizationSeconds = 120.0;
    };

    /// Throws std::invalid_argument for inconsistent settings (min > max, targets <= 0, ...).
    explicit HpaController(const Config &config, int initialReplicas);

    const Config &config() const { return m_config; }
    /// The desired replica count after the latest evaluation.
    int desiredReplicas() const { return m_desired; }

    /// The configuration as the HPA spec the algorithm reads.
    static HpaSpec spec(const Config &config);

    /// The combined proposal of both metrics (HpaMetricProposal, in milli-units: a metric
    /// within tolerance proposes `current`), before stabilization and limits; clamped to
    /// [min, max] for display.
    int recommend(int current, int readyPods, double waitingPerPod, double kvCacheFraction) const;

    /// One HPA sync at `now` (seconds, non-decreasing) with the current desired count as
    /// `current`: recommendation, stabilization, rate policies. Returns the new desired count.
    int evaluate(double now, int readyPods, double waitingPerPod, double kvCacheFraction);

private:
    std::optional<int> proposal(int current, int readyPods, double waitingPerPod,
                                double kvCacheFraction) const;

    Config m_config;
    HpaReconciler m_reconciler;
    int m_desired = 1;
};

} // namespace hpa::core
