#include "core/parsers/hpa_manifest_parser.h"

#include <yaml-cpp/yaml.h>

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <exception>
#include <optional>
#include <stdexcept>
#include <utility>

namespace hpa::core {

namespace {

/// A problem that makes the manifest unusable, at the node's line.
struct ManifestError : std::runtime_error
{
    ManifestError(int line, const std::string &message) : std::runtime_error(message), line(line) {}
    int line;
};

int lineOf(const YAML::Node &node)
{
    const YAML::Mark mark = node.Mark();
    return mark.line >= 0 ? mark.line + 1 : 0;
}

std::string scalarOf(const YAML::Node &node, std::string_view field)
{
    if (!node.IsScalar())
        throw ManifestError(lineOf(node), fmt::format("{} must be a single value", field));
    return node.Scalar();
}

int intOf(const YAML::Node &node, std::string_view field, int min, int max)
{
    const std::string text = scalarOf(node, field);
    int value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size())
        throw ManifestError(lineOf(node), fmt::format("{} must be a whole number, not \"{}\"",
                                                      field, WarningList::clip(text)));
    if (value < min || value > max)
        throw ManifestError(lineOf(node), fmt::format("{} must be between {} and {}, not {}", field,
                                                      min, max, value));
    return value;
}

double quantityOf(const YAML::Node &node, std::string_view field)
{
    const std::string text = scalarOf(node, field);
    const auto value = HpaSpec::parseQuantity(text);
    if (!value || *value < 0)
        throw ManifestError(lineOf(node), fmt::format("{} is not a quantity: \"{}\"", field,
                                                      WarningList::clip(text)));
    return *value;
}

bool isHpa(const YAML::Node &doc)
{
    return doc.IsMap() && doc["kind"] && doc["kind"].IsScalar() &&
           doc["kind"].Scalar() == "HorizontalPodAutoscaler";
}

HpaScalingRules readRules(const YAML::Node &node, HpaScalingRules rules, std::string_view dir)
{
    if (!node.IsMap())
        throw ManifestError(lineOf(node), fmt::format("behavior.{} must be a mapping", dir));
    // copyHPAScalingRules: each field given replaces the default, the others stay.
    if (const YAML::Node w = node["stabilizationWindowSeconds"])
        rules.stabilizationWindowSeconds =
            intOf(w, fmt::format("behavior.{}.stabilizationWindowSeconds", dir), 0, 3600);
    if (const YAML::Node s = node["selectPolicy"]) {
        const auto policy = HpaSpec::selectPolicyFromKey(scalarOf(s, "selectPolicy"));
        if (!policy)
            throw ManifestError(lineOf(s), fmt::format("behavior.{}.selectPolicy must be Max, "
                                                       "Min or Disabled",
                                                       dir));
        rules.selectPolicy = *policy;
    }
    if (const YAML::Node t = node["tolerance"])
        rules.tolerance = quantityOf(t, fmt::format("behavior.{}.tolerance", dir));
    if (const YAML::Node ps = node["policies"]) {
        if (!ps.IsSequence())
            throw ManifestError(lineOf(ps),
                                fmt::format("behavior.{}.policies must be a list", dir));
        rules.policies.clear();
        for (const YAML::Node &p : ps) {
            if (!p.IsMap() || !p["type"] || !p["value"] || !p["periodSeconds"])
                throw ManifestError(lineOf(p), fmt::format("behavior.{}.policies: each policy "
                                                           "needs type, value and periodSeconds",
                                                           dir));
            HpaScalingPolicy policy;
            const std::string type = scalarOf(p["type"], "policy type");
            if (type == "Pods")
                policy.type = HpaScalingPolicy::Type::Pods;
            else if (type == "Percent")
                policy.type = HpaScalingPolicy::Type::Percent;
            else
                throw ManifestError(lineOf(p["type"]),
                                    fmt::format("policy type must be Pods or Percent, not \"{}\"",
                                                WarningList::clip(type)));
            policy.value = intOf(p["value"], "policy value", 1, 1000000);
            policy.periodSeconds = intOf(p["periodSeconds"], "periodSeconds", 1, 1800);
            rules.policies.push_back(policy);
        }
    }
    return rules;
}

void readMetrics(const YAML::Node &metrics, HpaSpec &spec, WarningList &warnings)
{
    if (!metrics.IsSequence())
        throw ManifestError(lineOf(metrics), "spec.metrics must be a list");
    for (const YAML::Node &m : metrics) {
        const std::string type = m.IsMap() && m["type"] && m["type"].IsScalar()
                                     ? m["type"].Scalar()
                                     : std::string("(no type)");
        if (type != "Pods" || !m["pods"] || !m["pods"].IsMap()) {
            warnings.add(lineOf(m), fmt::format("a {} metric cannot be replayed from the recorded "
                                                "samples; it is left out",
                                                WarningList::clip(type)));
            continue;
        }
        const YAML::Node pods = m["pods"];
        const YAML::Node metric = pods["metric"];
        const YAML::Node target = pods["target"];
        if (!metric || !metric.IsMap() || !metric["name"] || !target || !target.IsMap())
            throw ManifestError(lineOf(pods), "a Pods metric needs metric.name and target");
        HpaMetricSpec spec_;
        spec_.name = scalarOf(metric["name"], "metric.name");
        const YAML::Node targetType = target["type"];
        if (!targetType || scalarOf(targetType, "target.type") != "AverageValue" ||
            !target["averageValue"]) {
            warnings.add(lineOf(target), fmt::format("metric {}: only an AverageValue target can "
                                                     "be replayed; it is left out",
                                                     WarningList::clip(spec_.name)));
            continue;
        }
        spec_.target = quantityOf(target["averageValue"], "target.averageValue");
        if (!(spec_.target > 0))
            throw ManifestError(lineOf(target["averageValue"]),
                                fmt::format("metric {}: the target must be > 0", spec_.name));
        spec.metrics.push_back(std::move(spec_));
    }
}

HpaSpec readHpa(const YAML::Node &doc, HpaManifestParser::Result &result, WarningList &warnings)
{
    if (const YAML::Node api = doc["apiVersion"]; api && api.IsScalar()) {
        if (api.Scalar() == "autoscaling/v1")
            throw ManifestError(lineOf(api), "autoscaling/v1 has neither metrics nor behavior; "
                                             "export the HPA as autoscaling/v2 "
                                             "(kubectl get hpa.v2.autoscaling NAME -o yaml)");
    }
    HpaSpec spec;
    if (const YAML::Node meta = doc["metadata"];
        meta && meta.IsMap() && meta["name"] && meta["name"].IsScalar())
        spec.name = meta["name"].Scalar();
    const YAML::Node s = doc["spec"];
    if (!s || !s.IsMap())
        throw ManifestError(lineOf(doc), "the HorizontalPodAutoscaler has no spec");
    if (const YAML::Node min = s["minReplicas"])
        spec.minReplicas = intOf(min, "spec.minReplicas", 0, 1000000);
    else
        result.defaulted.push_back("min_replicas");
    const YAML::Node max = s["maxReplicas"];
    if (!max)
        throw ManifestError(lineOf(s), "spec.maxReplicas is missing (the API requires it)");
    spec.maxReplicas = intOf(max, "spec.maxReplicas", 1, 1000000);
    if (spec.maxReplicas < spec.minReplicas)
        throw ManifestError(lineOf(max), "spec.maxReplicas is below spec.minReplicas");
    if (const YAML::Node metrics = s["metrics"])
        readMetrics(metrics, spec, warnings);
    if (const YAML::Node b = s["behavior"]; b && !b.IsNull()) {
        if (!b.IsMap())
            throw ManifestError(lineOf(b), "spec.behavior must be a mapping");
        HpaBehavior behavior;
        if (const YAML::Node up = b["scaleUp"])
            behavior.scaleUp = readRules(up, behavior.scaleUp, "scaleUp");
        if (const YAML::Node down = b["scaleDown"])
            behavior.scaleDown = readRules(down, behavior.scaleDown, "scaleDown");
        spec.behavior = behavior;
    }
    return spec;
}

} // namespace

namespace {

/// The offset of the first byte that is not part of a well-formed UTF-8 character, if any.
std::optional<std::size_t> firstInvalidUtf8(std::string_view text)
{
    std::size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        std::size_t length = 0;
        unsigned min = 0;
        if (c < 0x80) {
            ++i;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            length = 2;
            min = 0x80;
        } else if ((c & 0xF0) == 0xE0) {
            length = 3;
            min = 0x800;
        } else if ((c & 0xF8) == 0xF0) {
            length = 4;
            min = 0x10000;
        } else {
            return i;
        }
        if (i + length > text.size())
            return i;
        unsigned code = c & (0xFF >> (length + 1));
        for (std::size_t k = 1; k < length; ++k) {
            const auto next = static_cast<unsigned char>(text[i + k]);
            if ((next & 0xC0) != 0x80)
                return i;
            code = (code << 6) | (next & 0x3F);
        }
        if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
            return i;
        i += length;
    }
    return std::nullopt;
}

/// The 1-based line of a YAML document whose first token is `,` (never valid YAML; yaml-cpp 0.7
/// loops for ever on it, found by fuzz_hpa_manifest), if any.
std::optional<int> documentStartingWithComma(std::string_view text)
{
    bool atDocumentStart = true;
    int line = 0;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        const std::size_t end = std::min(text.find('\n', pos), text.size());
        std::string_view l = text.substr(pos, end - pos);
        ++line;
        pos = end + 1;
        if (l.substr(0, 3) == "---" || l.substr(0, 3) == "...") {
            atDocumentStart = true;
            l.remove_prefix(3);
        }
        if (!atDocumentStart)
            continue;
        const std::size_t first = l.find_first_not_of(" \t\r");
        if (first == std::string_view::npos || l[first] == '#' || l[first] == '%')
            continue;
        if (l[first] == ',')
            return line;
        atDocumentStart = false;
        if (end == text.size())
            break;
    }
    return std::nullopt;
}

} // namespace

HpaManifestParser::Result HpaManifestParser::parse(std::string_view content,
                                                   const std::string &fileName,
                                                   const Options &options)
{
    Result result;
    WarningList warnings(fileName, options.maxWarnings);
    const auto fail = [&](int line, std::string message) {
        result.error = LoadWarning{fileName, line, WarningList::clip(std::move(message))};
        result.spec.reset();
        result.defaulted.clear();
    };
    if (content.size() > options.maxBytes) {
        fail(0, fmt::format("{} bytes is too large for an HPA manifest", content.size()));
        return result;
    }
    // yaml-cpp 0.7 can loop for ever on a broken UTF-8 sequence (found by fuzz_hpa_manifest):
    // a manifest is UTF-8 text, so anything else is refused before it gets there.
    if (const auto bad = firstInvalidUtf8(content)) {
        const int line =
            1 + static_cast<int>(std::count(content.begin(), content.begin() + *bad, '\n'));
        fail(line,
             fmt::format("not UTF-8 text (byte {} is not part of a valid character)", *bad + 1));
        return result;
    }
    if (const auto line = documentStartingWithComma(content)) {
        fail(*line, "not valid YAML or JSON: a document cannot start with ','");
        return result;
    }
    try {
        const std::vector<YAML::Node> docs = YAML::LoadAll(std::string(content));
        const YAML::Node *hpa = nullptr;
        YAML::Node listItem;
        for (const YAML::Node &doc : docs) {
            if (isHpa(doc)) {
                hpa = &doc;
                break;
            }
            if (doc.IsMap() && doc["items"] && doc["items"].IsSequence()) {
                for (const YAML::Node &item : doc["items"]) {
                    if (isHpa(item)) {
                        listItem = item;
                        hpa = &listItem;
                        break;
                    }
                }
                if (hpa)
                    break;
            }
        }
        if (!hpa) {
            fail(0, "no HorizontalPodAutoscaler in this file (kind: HorizontalPodAutoscaler)");
        } else {
            result.spec = readHpa(*hpa, result, warnings);
            if (result.spec->metrics.empty())
                warnings.add(0, "no metric HPA Lens can replay; the recorded target columns "
                                "will supply them");
        }
    } catch (const ManifestError &e) {
        fail(e.line, e.what());
    } catch (const YAML::Exception &e) {
        fail(e.mark.line >= 0 ? e.mark.line + 1 : 0, "not valid YAML or JSON: " + e.msg);
    } catch (const std::exception &e) {
        fail(0, std::string("could not be read: ") + e.what());
    }
    result.warnings = warnings.take();
    return result;
}

HpaManifestParser::ConfigHints HpaManifestParser::readExperimentConfig(std::string_view content)
{
    ConfigHints hints;
    if (content.size() > Options{}.maxBytes)
        return hints;
    try {
        const YAML::Node doc = YAML::Load(std::string(content));
        const YAML::Node hpa = doc.IsMap() ? doc["hpa"] : YAML::Node();
        if (!hpa || !hpa.IsMap())
            return hints;
        const auto scalar = [](const YAML::Node &n) -> std::optional<std::string> {
            if (n && n.IsScalar())
                return n.Scalar();
            return std::nullopt;
        };
        hints.manifestPath = scalar(hpa["manifest"]);
        const auto number = [&](const char *key) -> std::optional<double> {
            const auto text = scalar(hpa[key]);
            return text ? HpaSpec::parseQuantity(*text) : std::nullopt;
        };
        if (const auto v = number("min_replicas"); v && *v >= 0 && *v <= 1e6)
            hints.minReplicas = static_cast<int>(*v);
        if (const auto v = number("max_replicas"); v && *v >= 1 && *v <= 1e6)
            hints.maxReplicas = static_cast<int>(*v);
        if (const auto v = number("tolerance"); v && *v >= 0 && *v < 10)
            hints.tolerance = *v;
        if (const YAML::Node ms = hpa["metrics"]; ms && ms.IsSequence()) {
            for (const YAML::Node &m : ms) {
                if (!m.IsMap())
                    continue;
                const auto name = scalar(m["name"]);
                const auto target = scalar(m["target_average_value"]);
                const auto value = target ? HpaSpec::parseQuantity(*target) : std::nullopt;
                if (name && value && *value > 0)
                    hints.metrics.push_back({*name, *value});
            }
        }
    } catch (const std::exception &) {
        return ConfigHints{};
    }
    return hints;
}

} // namespace hpa::core
