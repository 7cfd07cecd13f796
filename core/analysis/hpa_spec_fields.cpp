#include "core/analysis/hpa_spec_fields.h"

#include <fmt/format.h>

#include <algorithm>

namespace hpa::core {

namespace {

std::string number(double v)
{
    return fmt::format("{:g}", v);
}

/// The value of the first policy of `type`, 0 when there is none (the edit that removes it).
int policyValue(const HpaScalingRules &rules, HpaScalingPolicy::Type type)
{
    const auto p = std::find_if(rules.policies.begin(), rules.policies.end(),
                                [type](const HpaScalingPolicy &q) { return q.type == type; });
    return p == rules.policies.end() ? 0 : p->value;
}

int period(const HpaScalingRules &rules)
{
    return rules.policies.empty() ? 15 : rules.policies.front().periodSeconds;
}

std::string target(const HpaSpec &spec, std::string_view name)
{
    for (const HpaMetricSpec &m : spec.metrics) {
        std::string_view n = m.name;
        if (n.starts_with("vllm:"))
            n.remove_prefix(5);
        if (n == name || (name == "kv_cache_usage_perc" && n == "gpu_cache_usage_perc"))
            return number(m.target);
    }
    return {};
}

bool isBehaviorKey(std::string_view key)
{
    return key.starts_with("up-") || key.starts_with("down-") || key.starts_with("select-");
}

} // namespace

HpaWhatIfSettings HpaSpecFields::of(const HpaSpec &spec, double onsetDelaySeconds)
{
    const HpaBehavior behavior = spec.behavior.value_or(HpaBehavior{});
    const HpaScalingRules &up = behavior.scaleUp;
    const HpaScalingRules &down = behavior.scaleDown;
    // Without behavior, the windows an edit starts from are the default behavior's (0 s up,
    // the controller's down window), as HpaWhatIfEdits::apply() creates it.
    const double upWindow = up.stabilizationWindowSeconds.value_or(0);
    const double downWindow =
        down.stabilizationWindowSeconds.value_or(spec.controller.downscaleStabilizationSeconds);
    return {
        {"waiting-target", target(spec, "num_requests_waiting")},
        {"kv-target", target(spec, "kv_cache_usage_perc")},
        {"tolerance", number(spec.toleranceUp())},
        {"min", std::to_string(spec.minReplicas)},
        {"max", std::to_string(spec.maxReplicas)},
        {"up-window", number(spec.behavior ? spec.scaleUpWindowSeconds() : upWindow)},
        {"down-window", number(spec.behavior ? spec.scaleDownWindowSeconds() : downWindow)},
        {"up-pods", std::to_string(policyValue(up, HpaScalingPolicy::Type::Pods))},
        {"up-percent", std::to_string(policyValue(up, HpaScalingPolicy::Type::Percent))},
        {"up-period", std::to_string(period(up))},
        {"down-pods", std::to_string(policyValue(down, HpaScalingPolicy::Type::Pods))},
        {"down-percent", std::to_string(policyValue(down, HpaScalingPolicy::Type::Percent))},
        {"down-period", std::to_string(period(down))},
        {"select-up", std::string(HpaSpec::selectPolicyKey(up.selectPolicy))},
        {"select-down", std::string(HpaSpec::selectPolicyKey(down.selectPolicy))},
        {"no-behavior", spec.behavior ? "false" : "true"},
        {"onset-delay", number(onsetDelaySeconds)},
    };
}

std::string HpaSpecFields::value(const HpaWhatIfSettings &fields, std::string_view key)
{
    for (const auto &[k, v] : fields) {
        if (k == key)
            return v;
    }
    return {};
}

HpaWhatIfSettings HpaSpecFields::diff(const HpaWhatIfSettings &loaded,
                                      const HpaWhatIfSettings &edited)
{
    const bool behavior = value(edited, "no-behavior") != "true";
    HpaWhatIfSettings out;
    for (const auto &[key, v] : edited) {
        if (v.empty() || v == value(loaded, key))
            continue;
        if (isBehaviorKey(key) && !behavior)
            continue;
        out.emplace_back(key, v);
    }
    return out;
}

} // namespace hpa::core
