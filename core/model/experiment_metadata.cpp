#include "core/model/experiment_metadata.h"

namespace hpa::core {

namespace {

std::string display(const nlohmann::ordered_json &value)
{
    if (value.is_string())
        return value.get<std::string>();
    // Replacement keeps a stray invalid UTF-8 byte from throwing during display.
    return value.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

} // namespace

std::string ExperimentMetadata::text(const std::string &key) const
{
    if (!json.is_object())
        return {};
    const auto it = json.find(key);
    if (it == json.end())
        return {};
    if (it->is_string() || it->is_number() || it->is_boolean())
        return display(*it);
    return {};
}

std::vector<std::pair<std::string, std::string>> ExperimentMetadata::entries() const
{
    std::vector<std::pair<std::string, std::string>> result;
    if (!json.is_object())
        return result;
    for (const auto &[key, value] : json.items())
        result.emplace_back(key, display(value));
    return result;
}

} // namespace hpa::core
