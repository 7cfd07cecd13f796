#include "core/model/hpa_spec.h"

#include "core/model/metric_keys.h"

#include <charconv>
#include <cmath>

namespace hpa::core {

HpaScalingRules HpaScalingRules::defaultScaleUp()
{
    HpaScalingRules rules;
    rules.stabilizationWindowSeconds = 0;
    rules.selectPolicy = HpaSelectPolicy::Max;
    rules.policies = {{HpaScalingPolicy::Type::Pods, 4, 15},
                      {HpaScalingPolicy::Type::Percent, 100, 15}};
    return rules;
}

HpaScalingRules HpaScalingRules::defaultScaleDown()
{
    HpaScalingRules rules;
    rules.selectPolicy = HpaSelectPolicy::Max;
    rules.policies = {{HpaScalingPolicy::Type::Percent, 100, 15}};
    return rules;
}

double HpaSpec::toleranceDown() const
{
    if (behavior && behavior->scaleDown.tolerance)
        return *behavior->scaleDown.tolerance;
    return controller.tolerance;
}

double HpaSpec::toleranceUp() const
{
    if (behavior && behavior->scaleUp.tolerance)
        return *behavior->scaleUp.tolerance;
    return controller.tolerance;
}

double HpaSpec::scaleDownWindowSeconds() const
{
    if (behavior && behavior->scaleDown.stabilizationWindowSeconds)
        return *behavior->scaleDown.stabilizationWindowSeconds;
    return controller.downscaleStabilizationSeconds;
}

double HpaSpec::scaleUpWindowSeconds() const
{
    if (behavior && behavior->scaleUp.stabilizationWindowSeconds)
        return *behavior->scaleUp.stabilizationWindowSeconds;
    return 0;
}

std::string HpaSpec::problem() const
{
    if (minReplicas < 0)
        return "minReplicas must be >= 0";
    if (maxReplicas < 1 || maxReplicas < minReplicas)
        return "maxReplicas must be >= 1 and >= minReplicas";
    for (const HpaMetricSpec &m : metrics) {
        if (!(m.target > 0))
            return "the target of " + m.name + " must be > 0";
    }
    if (!(controller.syncPeriodSeconds > 0) || !(controller.downscaleStabilizationSeconds >= 0) ||
        !(controller.tolerance >= 0))
        return "the controller settings must be positive";
    if (behavior) {
        for (const HpaScalingRules *rules : {&behavior->scaleUp, &behavior->scaleDown}) {
            if (rules->stabilizationWindowSeconds && *rules->stabilizationWindowSeconds < 0)
                return "a stabilization window must be >= 0";
            if (rules->tolerance && !(*rules->tolerance >= 0))
                return "a tolerance must be >= 0";
            for (const HpaScalingPolicy &p : rules->policies) {
                if (p.value <= 0 || p.periodSeconds <= 0)
                    return "a scaling policy needs a value and a period > 0";
            }
        }
    }
    return {};
}

std::optional<HpaSpec::RecordedMetric> HpaSpec::recordedMetric(std::string_view name)
{
    if (name.starts_with("vllm:"))
        name.remove_prefix(5);
    if (name == "num_requests_waiting")
        return RecordedMetric{keys::Waiting, keys::WaitingTarget, 1.0};
    if (name == "kv_cache_usage_perc" || name == "gpu_cache_usage_perc")
        return RecordedMetric{keys::KvCachePct, keys::KvCacheTargetPct, 0.01};
    return std::nullopt;
}

std::string_view HpaSpec::sourceKey(HpaSpecSource source)
{
    switch (source) {
    case HpaSpecSource::Manifest:
        return "manifest";
    case HpaSpecSource::ScalingLog:
        return "scaling.log";
    case HpaSpecSource::Metadata:
        return "metadata";
    case HpaSpecSource::Defaults:
        break;
    }
    return "defaults";
}

std::string_view HpaSpec::selectPolicyKey(HpaSelectPolicy policy)
{
    switch (policy) {
    case HpaSelectPolicy::Min:
        return "Min";
    case HpaSelectPolicy::Disabled:
        return "Disabled";
    case HpaSelectPolicy::Max:
        break;
    }
    return "Max";
}

std::optional<HpaSelectPolicy> HpaSpec::selectPolicyFromKey(std::string_view key)
{
    if (key == "Max" || key == "max")
        return HpaSelectPolicy::Max;
    if (key == "Min" || key == "min")
        return HpaSelectPolicy::Min;
    if (key == "Disabled" || key == "disabled")
        return HpaSelectPolicy::Disabled;
    return std::nullopt;
}

std::string_view HpaSpec::policyTypeKey(HpaScalingPolicy::Type type)
{
    return type == HpaScalingPolicy::Type::Percent ? "Percent" : "Pods";
}

std::optional<double> HpaSpec::parseQuantity(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '"' || text.front() == '\''))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '"' || text.back() == '\''))
        text.remove_suffix(1);
    if (text.empty())
        return std::nullopt;
    double scale = 1;
    // Decimal SI suffixes of resource.Quantity; binary ones (Ki, Mi) make no sense for these
    // metrics but are read all the same.
    static constexpr struct
    {
        std::string_view suffix;
        double scale;
    } kSuffixes[] = {{"Ki", 1024.0}, {"Mi", 1048576.0}, {"Gi", 1073741824.0}, {"n", 1e-9},
                     {"u", 1e-6},    {"m", 1e-3},       {"k", 1e3},           {"M", 1e6},
                     {"G", 1e9},     {"T", 1e12}};
    for (const auto &s : kSuffixes) {
        if (text.size() > s.suffix.size() && text.ends_with(s.suffix)) {
            text.remove_suffix(s.suffix.size());
            scale = s.scale;
            break;
        }
    }
    if (!text.empty() && text.front() == '+')
        text.remove_prefix(1);
    double value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value))
        return std::nullopt;
    return value * scale;
}

} // namespace hpa::core
