#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <utility>
#include <vector>

namespace hpa::core {

/// metadata.json as read: every key in file order, unknown ones included.
struct ExperimentMetadata
{
    nlohmann::ordered_json json = nlohmann::ordered_json::object();

    /// The value of a string-ish key, or empty.
    std::string text(const std::string &key) const;
    /// Every key with its value rendered for display (strings unquoted, others as JSON).
    std::vector<std::pair<std::string, std::string>> entries() const;
};

} // namespace hpa::core
