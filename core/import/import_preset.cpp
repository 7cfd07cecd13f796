#include "core/import/import_preset.h"

#include "core/io/file_reader.h"

#include <nlohmann/json.hpp>

namespace hpa::core {

namespace {

using Json = nlohmann::json;

std::string stringField(const Json &object, const char *key)
{
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

} // namespace

ImportPreset::Loaded ImportPreset::parse(std::string_view text, const std::string &fileName)
{
    Loaded loaded;
    const Json json = Json::parse(text.begin(), text.end(), nullptr, false);
    const auto fail = [&](const std::string &why) {
        loaded.error = fileName + ": " + why;
        return loaded;
    };
    if (json.is_discarded())
        return fail("not valid JSON");
    if (!json.is_object())
        return fail("a preset is a JSON object");
    ImportPreset &p = loaded.preset;
    p.name = stringField(json, "name");
    p.description = stringField(json, "description");
    if (const std::string live = stringField(json, "live_window"); !live.empty())
        p.liveWindow = live;
    if (const auto deployment = json.find("deployment_from");
        deployment != json.end() && deployment->is_object()) {
        p.deploymentLabel = stringField(*deployment, "label");
        p.deploymentMatch = stringField(*deployment, "match");
    }
    const auto columns = json.find("columns");
    if (columns == json.end() || !columns->is_array() || columns->empty())
        return fail("\"columns\" must be a non-empty list");
    for (const Json &item : *columns) {
        Column column;
        if (!item.is_object())
            return fail("every entry of \"columns\" is an object");
        column.column = stringField(item, "column");
        if (column.column.empty())
            return fail("a column has no \"column\" name");
        if (const auto meta = item.find("metadata"); meta != item.end() && meta->is_boolean())
            column.metadata = meta->get<bool>();
        const auto queries = item.find("queries");
        if (queries == item.end() || !queries->is_array() || queries->empty())
            return fail("column \"" + column.column + "\" has no \"queries\" list");
        for (const Json &q : *queries) {
            if (!q.is_string() || q.get<std::string>().empty())
                return fail("column \"" + column.column + "\": every query is a non-empty string");
            column.queries.push_back(q.get<std::string>());
        }
        p.columns.push_back(std::move(column));
    }
    return loaded;
}

ImportPreset::Loaded ImportPreset::load(const std::string &path)
{
    const FileReader::Result file = FileReader::read(path, FileReader::kMetadataLimit);
    if (!file.ok) {
        Loaded loaded;
        loaded.error = "cannot read the preset: " + file.error;
        return loaded;
    }
    return parse(file.content, path);
}

std::string ImportPreset::expand(const std::string &text,
                                 const std::map<std::string, std::string> &variables)
{
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        const auto open = text.find("{{", i);
        if (open == std::string::npos) {
            out.append(text, i);
            break;
        }
        const auto close = text.find("}}", open + 2);
        if (close == std::string::npos) {
            out.append(text, i);
            break;
        }
        out.append(text, i, open - i);
        const std::string name = text.substr(open + 2, close - open - 2);
        const auto value = variables.find(name);
        if (value != variables.end())
            out += value->second;
        else
            out.append(text, open, close + 2 - open);
        i = close + 2;
    }
    return out;
}

bool ImportPreset::isKubernetesName(std::string_view name)
{
    if (name.empty() || name.size() > 253)
        return false;
    for (const char c : name)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'))
            return false;
    const auto alnum = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    };
    return alnum(name.front()) && alnum(name.back());
}

} // namespace hpa::core
