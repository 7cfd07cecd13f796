#include "core/analysis/hpa_what_if_settings.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>

namespace hpa::core {

namespace {

std::optional<double> number(std::string_view text)
{
    return HpaSpec::parseQuantity(text);
}

std::optional<int> wholeNumber(std::string_view text)
{
    const auto v = number(text);
    if (!v || *v != std::floor(*v) || std::abs(*v) > 1e6)
        return std::nullopt;
    return static_cast<int>(*v);
}

HpaMetricSpec &metricFor(HpaSpec &spec, std::string_view name)
{
    const auto key = HpaSpec::recordedMetric(name)->valueKey;
    for (HpaMetricSpec &m : spec.metrics) {
        const auto r = HpaSpec::recordedMetric(m.name);
        if (r && r->valueKey == key)
            return m;
    }
    spec.metrics.push_back({std::string(name), 0});
    return spec.metrics.back();
}

/// Sets the value of the policies of `type` (0 removes them; adds one when there is none).
void setPolicy(HpaScalingRules &rules, HpaScalingPolicy::Type type, int value)
{
    auto &ps = rules.policies;
    const int period = ps.empty() ? 15 : ps.front().periodSeconds;
    const bool had =
        std::any_of(ps.begin(), ps.end(), [&](const auto &p) { return p.type == type; });
    if (value == 0) {
        std::erase_if(ps, [&](const HpaScalingPolicy &p) { return p.type == type; });
        return;
    }
    for (HpaScalingPolicy &p : ps) {
        if (p.type == type)
            p.value = value;
    }
    if (!had)
        ps.push_back({type, value, period});
}

} // namespace

const std::vector<std::string_view> &HpaWhatIfEdits::keys()
{
    static const std::vector<std::string_view> k = {
        "waiting-target", "kv-target", "tolerance",   "min",         "max",        "up-window",
        "down-window",    "up-pods",   "up-percent",  "up-period",   "down-pods",  "down-percent",
        "down-period",    "select-up", "select-down", "no-behavior", "onset-delay"};
    return k;
}

std::string HpaWhatIfEdits::parseGroup(std::string_view text, HpaWhatIfSettings &out)
{
    while (!text.empty()) {
        const auto comma = text.find(',');
        const std::string_view item = text.substr(0, comma);
        text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
        const auto eq = item.find('=');
        const std::string key(item.substr(0, eq));
        if (std::find(keys().begin(), keys().end(), key) == keys().end())
            return fmt::format("unknown setting '{}'", key);
        const std::string value = eq == std::string_view::npos
                                      ? std::string(key == "no-behavior" ? "true" : "")
                                      : std::string(item.substr(eq + 1));
        if (value.empty())
            return fmt::format("{} needs a value ({}=VALUE)", key, key);
        out.emplace_back(key, value);
    }
    return {};
}

std::string HpaWhatIfEdits::expandSweeps(const std::vector<std::string> &sweeps,
                                         std::vector<HpaWhatIfSettings> &out, std::size_t limit)
{
    std::vector<HpaWhatIfSettings> combos{{}};
    for (const std::string &sweep : sweeps) {
        const auto eq = sweep.find('=');
        if (eq == std::string::npos)
            return fmt::format("--sweep expects KEY=V1,V2,... or KEY=A:B:STEP, got '{}'", sweep);
        const std::string key = sweep.substr(0, eq);
        if (std::find(keys().begin(), keys().end(), key) == keys().end())
            return fmt::format("unknown setting '{}'", key);
        const std::string spec = sweep.substr(eq + 1);
        std::vector<std::string> values;
        if (std::count(spec.begin(), spec.end(), ':') == 2) {
            const auto a = spec.find(':'), b = spec.rfind(':');
            const auto from = number(spec.substr(0, a)), to = number(spec.substr(a + 1, b - a - 1)),
                       step = number(spec.substr(b + 1));
            if (!from || !to || !step || !(*step > 0) || *to < *from)
                return fmt::format("--sweep {}: A:B:STEP needs numbers with A <= B and STEP > 0",
                                   key);
            for (int i = 0;; ++i) {
                const double v = *from + i * *step;
                if (v > *to + 1e-9 * std::max(1.0, std::abs(*to)) || values.size() > limit)
                    break;
                values.push_back(fmt::format("{:g}", std::round(v * 1e9) / 1e9));
            }
        } else {
            std::size_t pos = 0;
            while (pos <= spec.size()) {
                const auto comma = spec.find(',', pos);
                values.push_back(spec.substr(pos, comma - pos));
                if (comma == std::string::npos)
                    break;
                pos = comma + 1;
            }
        }
        if (values.empty() ||
            std::any_of(values.begin(), values.end(), [](auto &v) { return v.empty(); }))
            return fmt::format("--sweep {}: empty value", key);
        if (combos.size() * values.size() > limit)
            return fmt::format("the sweeps make more than {} combinations", limit);
        std::vector<HpaWhatIfSettings> next;
        for (const HpaWhatIfSettings &c : combos) {
            for (const std::string &v : values) {
                HpaWhatIfSettings s = c;
                s.emplace_back(key, v);
                next.push_back(std::move(s));
            }
        }
        combos = std::move(next);
    }
    out.insert(out.end(), combos.begin(), combos.end());
    return {};
}

std::string HpaWhatIfEdits::apply(const HpaWhatIfSettings &settings, HpaSpec &spec,
                                  double &onsetDelaySeconds)
{
    // no-behavior first, so that "no-behavior + down-window" means what it says.
    for (const auto &[key, value] : settings) {
        if (key != "no-behavior")
            continue;
        if (value == "true" || value == "1" || value == "yes")
            spec.behavior.reset();
        else if (value == "false" || value == "0" || value == "no") {
            if (!spec.behavior)
                spec.behavior = HpaBehavior{};
        } else
            return fmt::format("no-behavior expects true or false, got '{}'", value);
    }
    for (const auto &[key, value] : settings) {
        const auto bad = [&, &k = key, &v = value](std::string_view what) {
            return fmt::format("{} expects {}, got '{}'", k, what, v);
        };
        if (key == "no-behavior")
            continue;
        if (key == "waiting-target" || key == "kv-target") {
            const auto v = number(value);
            if (!v || !(*v > 0))
                return bad("a positive number (a quantity such as 500m works)");
            metricFor(spec, key == "kv-target" ? "kv_cache_usage_perc" : "num_requests_waiting")
                .target = *v;
        } else if (key == "tolerance") {
            const auto v = number(value);
            if (!v || *v < 0 || *v >= 10)
                return bad("a tolerance between 0 and 10 (0.1 = 10 %)");
            spec.controller.tolerance = *v;
            if (spec.behavior) {
                spec.behavior->scaleUp.tolerance.reset();
                spec.behavior->scaleDown.tolerance.reset();
            }
        } else if (key == "onset-delay") {
            const auto v = number(value);
            if (!v || *v < 0 || *v > 86400)
                return bad("seconds between 0 and 86400");
            onsetDelaySeconds = *v;
        } else {
            const bool select = key == "select-up" || key == "select-down";
            const auto n = wholeNumber(value);
            if (!select && (!n || *n < 0))
                return bad("a whole number >= 0");
            if (key == "min") {
                spec.minReplicas = *n;
                continue;
            }
            if (key == "max") {
                spec.maxReplicas = *n;
                continue;
            }
            if (!spec.behavior)
                spec.behavior = HpaBehavior{};
            HpaScalingRules &rules = key.starts_with("up-") || key == "select-up"
                                         ? spec.behavior->scaleUp
                                         : spec.behavior->scaleDown;
            if (select) {
                const auto p = HpaSpec::selectPolicyFromKey(value);
                if (!p)
                    return bad("Max, Min or Disabled");
                rules.selectPolicy = *p;
            } else if (key.ends_with("-window")) {
                rules.stabilizationWindowSeconds = *n;
            } else if (key.ends_with("-pods")) {
                setPolicy(rules, HpaScalingPolicy::Type::Pods, *n);
            } else if (key.ends_with("-percent")) {
                setPolicy(rules, HpaScalingPolicy::Type::Percent, *n);
            } else if (key.ends_with("-period")) {
                for (HpaScalingPolicy &p : rules.policies)
                    p.periodSeconds = *n;
            } else {
                return fmt::format("unknown setting '{}'", key);
            }
        }
    }
    const std::string problem = spec.problem();
    return problem.empty() ? std::string() : "the edited spec is not valid: " + problem;
}

} // namespace hpa::core
