#include "core/report/replay_json.h"

#include "core/report/scorecard_json.h"

#include <cmath>

namespace hpa::core {

namespace {

using Json = nlohmann::ordered_json;

Json number(double v)
{
    return std::isfinite(v) ? Json(v) : Json(nullptr);
}

Json optional(const std::optional<double> &v)
{
    return v ? number(*v) : Json(nullptr);
}

Json rulesJson(const HpaScalingRules &rules, double window)
{
    Json policies = Json::array();
    for (const HpaScalingPolicy &p : rules.policies)
        policies.push_back({{"type", HpaSpec::policyTypeKey(p.type)},
                            {"value", p.value},
                            {"period_s", p.periodSeconds}});
    return {{"stabilization_window_s", window},
            {"select_policy", HpaSpec::selectPolicyKey(rules.selectPolicy)},
            {"policies", policies}};
}

/// A setting's value as a number when it is one, else as written.
Json settingValue(const std::string &value)
{
    const auto n = HpaSpec::parseQuantity(value);
    if (n && value.find_first_not_of("0123456789.+-eE") == std::string::npos)
        return number(*n);
    if (value == "true" || value == "false")
        return value == "true";
    return value;
}

Json seriesJson(const std::vector<double> &elapsed, const std::vector<int> &desired,
                const std::vector<int> &replicas)
{
    Json r = Json::array();
    for (int v : replicas)
        r.push_back(v < 0 ? Json(nullptr) : Json(v));
    return {{"t_s", elapsed}, {"desired", desired}, {"replicas", r}};
}

} // namespace

Json ReplayJson::specJson(const ResolvedHpaSpec &resolved)
{
    const HpaSpec &s = resolved.spec;
    Json j;
    j["source"] = HpaSpec::sourceKey(resolved.source);
    j["assumed"] = resolved.assumed;
    j["min_replicas"] = s.minReplicas;
    j["max_replicas"] = s.maxReplicas;
    if (s.toleranceUp() == s.toleranceDown())
        j["tolerance"] = s.toleranceUp();
    else
        j["tolerance"] = {{"scale_up", s.toleranceUp()}, {"scale_down", s.toleranceDown()}};
    j["sync_period_s"] = s.controller.syncPeriodSeconds;
    Json metrics = Json::array();
    for (const HpaMetricSpec &m : s.metrics)
        metrics.push_back({{"name", m.name}, {"target", number(m.target)}});
    j["metrics"] = metrics;
    if (s.behavior)
        j["behavior"] = {
            {"scale_up", rulesJson(s.behavior->scaleUp, s.scaleUpWindowSeconds())},
            {"scale_down", rulesJson(s.behavior->scaleDown, s.scaleDownWindowSeconds())}};
    else
        j["behavior"] = nullptr;
    return j;
}

Json ReplayJson::toJson(const HpaReplayReport &report, bool series)
{
    Json j;
    j["spec"] = specJson(report.spec);
    Json check = {{"agreement", optional(report.selfCheck.agreement)},
                  {"mean_abs_diff", optional(report.selfCheck.meanAbsDiff)},
                  {"first_divergence_s", optional(report.selfCheck.firstDivergenceS)}};
    if (series)
        check["series"] =
            seriesJson(report.elapsed, report.selfCheckDesired, report.selfCheckReplicas);
    j["self_check"] = check;
    Json whatifs = Json::array();
    for (const HpaWhatIf::Outcome &o : report.whatIfs) {
        Json settings = Json::object();
        for (const auto &[key, value] : o.settings)
            settings[key] = settingValue(value);
        Json autoscaling = ScorecardJson::toJson(o.scorecard);
        // Latency is not predicted by a what-if: unknown, not "not collected".
        autoscaling["slo"] = {{"ttft_ms", nullptr}, {"itl_ms", nullptr}};
        Json w = {{"settings", settings},
                  {"autoscaling", autoscaling},
                  {"elastic_speedup", optional(o.elasticSpeedup)}};
        if (series)
            w["series"] = seriesJson(report.elapsed, o.desired, o.reporting);
        whatifs.push_back(w);
    }
    j["whatifs"] = whatifs;
    return j;
}

} // namespace hpa::core
