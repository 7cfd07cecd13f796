#include "core/analysis/hpa_limits.h"

#include <cctype>
#include <charconv>

namespace hpa::core {

namespace {

std::optional<int> metadataInt(const ExperimentMetadata &metadata,
                               std::initializer_list<const char *> names)
{
    if (!metadata.json.is_object())
        return std::nullopt;
    for (const char *name : names) {
        const auto it = metadata.json.find(name);
        if (it == metadata.json.end())
            continue;
        if (it->is_number_integer() && it->get<long long>() >= 0 && it->get<long long>() <= 1000000)
            return static_cast<int>(it->get<long long>());
        if (it->is_string()) {
            const std::string text = it->get<std::string>();
            int value = 0;
            const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
            if (ec == std::errc() && end == text.data() + text.size() && value >= 0)
                return value;
        }
    }
    return std::nullopt;
}

} // namespace

std::optional<int> HpaLimits::describedValue(const std::string &text, std::string_view label)
{
    const std::size_t at = text.find(label);
    if (at == std::string::npos)
        return std::nullopt;
    std::size_t i = at + label.size();
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t'))
        ++i;
    int value = 0;
    const auto [end, ec] = std::from_chars(text.data() + i, text.data() + text.size(), value);
    if (ec != std::errc() || end == text.data() + i || value < 0)
        return std::nullopt;
    return value;
}

HpaLimits HpaLimits::of(const Experiment &experiment)
{
    HpaLimits limits;
    limits.minReplicas = metadataInt(experiment.metadata, {"min_replicas", "minReplicas"});
    limits.maxReplicas = metadataInt(experiment.metadata, {"max_replicas", "maxReplicas"});
    if (limits.minReplicas || limits.maxReplicas)
        limits.source = "metadata.json";
    if (!experiment.hpaDescription.empty()) {
        const std::string &text = experiment.hpaDescription;
        bool used = false;
        if (!limits.minReplicas && (limits.minReplicas = describedValue(text, "Min replicas:")))
            used = true;
        if (!limits.maxReplicas && (limits.maxReplicas = describedValue(text, "Max replicas:")))
            used = true;
        if (used)
            limits.source = limits.source.empty() ? "scaling.log" : limits.source + ", scaling.log";
    }
    return limits;
}

} // namespace hpa::core
