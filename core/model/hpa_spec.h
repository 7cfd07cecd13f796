#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hpa::core {

/// `selectPolicy` of one direction of `spec.behavior`.
enum class HpaSelectPolicy
{
    Max,     ///< the policy that allows the largest change
    Min,     ///< the policy that allows the smallest change
    Disabled ///< no scaling in this direction
};

/// One `behavior.scaleUp/scaleDown.policies[]` entry.
struct HpaScalingPolicy
{
    enum class Type
    {
        Pods,
        Percent
    };
    Type type = Type::Pods;
    int value = 0;
    int periodSeconds = 15;

    bool operator==(const HpaScalingPolicy &) const = default;
};

/// One direction of `spec.behavior`, completed field by field with the API defaults
/// (`copyHPAScalingRules`): what the controller reads.
struct HpaScalingRules
{
    /// nullopt only for scale-down: the controller flag (300 s) applies.
    std::optional<int> stabilizationWindowSeconds;
    HpaSelectPolicy selectPolicy = HpaSelectPolicy::Max;
    std::vector<HpaScalingPolicy> policies;
    /// `behavior.scaleX.tolerance` (HPAConfigurableTolerance, alpha in v1.33); nullopt = the
    /// controller's tolerance.
    std::optional<double> tolerance;

    bool operator==(const HpaScalingRules &) const = default;

    /// K5 `GenerateHPAScaleUpRules(nil)`: window 0, Max of {Pods 4, Percent 100} per 15 s.
    static HpaScalingRules defaultScaleUp();
    /// K5 `GenerateHPAScaleDownRules(nil)`: window nil (controller flag), Max, {Percent 100/15 s}.
    static HpaScalingRules defaultScaleDown();
};

/// `spec.behavior`; the controller takes the no-behavior path when the HPA has none.
struct HpaBehavior
{
    HpaScalingRules scaleUp = HpaScalingRules::defaultScaleUp();
    HpaScalingRules scaleDown = HpaScalingRules::defaultScaleDown();

    bool operator==(const HpaBehavior &) const = default;
};

/// One `Pods` metric with an `AverageValue` target, in the HPA's own unit (the quantity
/// `500m` is 0.5). HPA Lens replays the two metrics the monitor records.
struct HpaMetricSpec
{
    std::string name; ///< e.g. "num_requests_waiting", "kv_cache_usage_perc"
    double target = 0;

    bool operator==(const HpaMetricSpec &) const = default;
};

/// The flags of kube-controller-manager that the algorithm reads (K4 defaults).
struct HpaControllerSettings
{
    double syncPeriodSeconds = 15;
    double downscaleStabilizationSeconds = 300;
    double tolerance = 0.1;

    bool operator==(const HpaControllerSettings &) const = default;
};

/// Where a replayed HPA spec came from, in the order HPA Lens looks for one.
enum class HpaSpecSource
{
    Manifest,   ///< a HorizontalPodAutoscaler YAML/JSON given by the user
    ScalingLog, ///< the `kubectl describe hpa` text in an older-layout scaling.log
    Metadata,   ///< experiment-config.yaml / metadata.json of the folder
    Defaults    ///< nothing found: Kubernetes defaults
};

/// The autoscaling/v2 HorizontalPodAutoscaler spec as far as the algorithm needs it.
struct HpaSpec
{
    std::string name;
    int minReplicas = 1;
    int maxReplicas = 10;
    std::vector<HpaMetricSpec> metrics;
    std::optional<HpaBehavior> behavior;
    HpaControllerSettings controller;

    bool operator==(const HpaSpec &) const = default;

    /// Tolerance below 1 (scale-down) and above 1 (scale-up): the per-direction
    /// behavior tolerance when set, else the controller's (K1 `tolerancesForHpa`).
    double toleranceDown() const;
    double toleranceUp() const;
    /// The effective scale-down stabilization window (behavior's, else the controller flag).
    double scaleDownWindowSeconds() const;
    double scaleUpWindowSeconds() const;

    /// What the API server would reject (min < 0, max < 1 or < min, a target <= 0, a policy
    /// value or period <= 0, a window < 0 or a tolerance < 0), or empty when valid.
    std::string problem() const;

    /// The recorded column of a metric: "waiting", or "kv_cache_pct" in percent (toHpaUnit
    /// 0.01 turns it into vLLM's fraction), with its target column; nullopt for other metrics.
    struct RecordedMetric
    {
        std::string_view valueKey;
        std::string_view targetKey;
        double toHpaUnit;
    };
    static std::optional<RecordedMetric> recordedMetric(std::string_view name);

    /// "manifest", "scaling.log", "metadata", "defaults".
    static std::string_view sourceKey(HpaSpecSource source);
    static std::string_view selectPolicyKey(HpaSelectPolicy policy); ///< "Max", "Min", "Disabled"
    static std::optional<HpaSelectPolicy> selectPolicyFromKey(std::string_view key);
    static std::string_view policyTypeKey(HpaScalingPolicy::Type type); ///< "Pods", "Percent"
    /// A Kubernetes quantity ("20", "500m", "1.5", "2k") as a number; nullopt when it is not one.
    static std::optional<double> parseQuantity(std::string_view text);
};

} // namespace hpa::core
