#include "core/parsers/hpa_describe_parser.h"

#include "core/model/warning_list.h"
#include "core/model/ascii_text.h"
#include "core/parsers/log_lines.h"

#include <fmt/format.h>

#include <charconv>

namespace hpa::core {

namespace {

std::string_view after(std::string_view text, std::string_view label)
{
    return AsciiText::trim(text.substr(label.size()));
}

std::optional<int> wholeNumber(std::string_view text)
{
    text = AsciiText::trim(text);
    int value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end == text.data())
        return std::nullopt;
    return value;
}

/// `- Type: Percent  Value: 100  Period: 15 seconds`
std::optional<HpaScalingPolicy> readPolicy(std::string_view text)
{
    const auto words = LogLines::words(text);
    HpaScalingPolicy policy;
    bool type = false, value = false, period = false;
    for (std::size_t i = 0; i + 1 < words.size(); ++i) {
        if (words[i] == "Type:") {
            if (words[i + 1] == "Pods")
                policy.type = HpaScalingPolicy::Type::Pods;
            else if (words[i + 1] == "Percent")
                policy.type = HpaScalingPolicy::Type::Percent;
            else
                return std::nullopt;
            type = true;
        } else if (words[i] == "Value:") {
            const auto v = wholeNumber(words[i + 1]);
            if (!v || *v <= 0)
                return std::nullopt;
            policy.value = *v;
            value = true;
        } else if (words[i] == "Period:") {
            const auto v = wholeNumber(words[i + 1]);
            if (!v || *v <= 0)
                return std::nullopt;
            policy.periodSeconds = *v;
            period = true;
        }
    }
    if (!type || !value || !period)
        return std::nullopt;
    return policy;
}

} // namespace

HpaDescribeParser::Result HpaDescribeParser::parse(std::string_view text,
                                                   const std::string &fileName, int firstLine)
{
    Result result;
    WarningList warnings(fileName);
    HpaSpec spec;
    bool sawMax = false, sawMin = false, inMetrics = false, inBehavior = false;
    HpaBehavior behavior;
    HpaScalingRules *rules = nullptr;
    bool policiesCleared = false;
    int line = firstLine - 1;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos)
            end = text.size();
        std::string_view raw = text.substr(pos, end - pos);
        pos = end + 1;
        ++line;
        if (!raw.empty() && raw.back() == '\r')
            raw.remove_suffix(1);
        const bool indented = !raw.empty() && (raw.front() == ' ' || raw.front() == '\t');
        const std::string_view t = AsciiText::trim(raw);
        if (t.empty())
            continue;
        const auto warn = [&](std::string_view what) {
            warnings.add(line, fmt::format("{}: \"{}\"", what, WarningList::clip(std::string(t))));
        };
        if (!indented) {
            inMetrics = t.starts_with("Metrics:");
            inBehavior = t.starts_with("Behavior:");
            rules = nullptr;
            if (t.starts_with("Name:")) {
                spec.name = std::string(after(t, "Name:"));
            } else if (t.starts_with("Min replicas:")) {
                const auto v = wholeNumber(after(t, "Min replicas:"));
                if (v && *v >= 0) {
                    spec.minReplicas = *v;
                    sawMin = true;
                } else {
                    warn("unreadable min replicas");
                }
            } else if (t.starts_with("Max replicas:")) {
                const auto v = wholeNumber(after(t, "Max replicas:"));
                if (v && *v >= 1) {
                    spec.maxReplicas = *v;
                    sawMax = true;
                } else {
                    warn("unreadable max replicas");
                }
            }
            continue;
        }
        if (inMetrics) {
            // `"num_requests_waiting" on pods:   0 / 20`
            const auto colon = t.rfind(':');
            if (t.front() != '"' || t.find("\" on pods") == std::string_view::npos ||
                colon == std::string_view::npos) {
                warn("a metric HPA Lens cannot replay (only Pods metrics), left out");
                continue;
            }
            const auto close = t.find('"', 1);
            const std::string_view values = t.substr(colon + 1);
            const auto slash = values.rfind('/');
            const auto target =
                slash == std::string_view::npos
                    ? std::nullopt
                    : HpaSpec::parseQuantity(AsciiText::trim(values.substr(slash + 1)));
            if (!target || !(*target > 0)) {
                warn("a metric without a readable target, left out");
                continue;
            }
            spec.metrics.push_back({std::string(t.substr(1, close - 1)), *target});
            continue;
        }
        if (!inBehavior)
            continue;
        if (t == "Scale Up:" || t == "Scale Down:") {
            rules = t == "Scale Up:" ? &behavior.scaleUp : &behavior.scaleDown;
            policiesCleared = false;
        } else if (rules && t.starts_with("Stabilization Window:")) {
            const auto v = wholeNumber(after(t, "Stabilization Window:"));
            if (v && *v >= 0)
                rules->stabilizationWindowSeconds = *v;
            else
                warn("unreadable stabilization window");
        } else if (rules && t.starts_with("Select Policy:")) {
            const auto p = HpaSpec::selectPolicyFromKey(after(t, "Select Policy:"));
            if (p)
                rules->selectPolicy = *p;
            else
                warn("unknown select policy");
        } else if (rules && t.starts_with("- Type:")) {
            const auto p = readPolicy(t);
            if (!p) {
                warn("unreadable scaling policy");
                continue;
            }
            if (!policiesCleared)
                rules->policies.clear();
            policiesCleared = true;
            rules->policies.push_back(*p);
        }
        if (t == "Scale Up:" || t == "Scale Down:" || rules)
            spec.behavior = behavior; // refreshed as the block is read
    }
    if (spec.behavior)
        spec.behavior = behavior;
    if (sawMax) {
        if (!sawMin)
            warnings.add(0, "no \"Min replicas:\" line; 1 is assumed");
        if (spec.maxReplicas < spec.minReplicas)
            warnings.add(0, "max replicas below min replicas; the describe text is not usable");
        else
            result.spec = std::move(spec);
    }
    result.warnings = warnings.take();
    return result;
}

} // namespace hpa::core
