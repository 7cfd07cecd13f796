#include "core/parsers/metadata_parser.h"

#include "core/model/warning_list.h"

#include <algorithm>
#include <fmt/format.h>

namespace hpa::core {

namespace {

// nlohmann parses recursively, so a hostile file of a million `[` would overflow the stack.
constexpr int kMaxDepth = 64;

int lineAt(std::string_view content, std::size_t offset)
{
    offset = std::min(offset, content.size());
    return 1 + static_cast<int>(std::count(content.begin(), content.begin() + offset, '\n'));
}

/// Offset where nesting first exceeds kMaxDepth, brackets inside strings not counted.
std::optional<std::size_t> tooDeepAt(std::string_view content)
{
    int depth = 0;
    bool inString = false;
    for (std::size_t i = 0; i < content.size(); ++i) {
        const char c = content[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > kMaxDepth)
                return i;
        } else if (c == ']' || c == '}') {
            depth = std::max(0, depth - 1);
        }
    }
    return std::nullopt;
}

} // namespace

MetadataParser::Result MetadataParser::parse(std::string_view content, const std::string &fileName)
{
    Result result;
    WarningList warnings(fileName);
    constexpr std::string_view bom = "\xEF\xBB\xBF";
    if (content.substr(0, bom.size()) == bom)
        content.remove_prefix(bom.size());

    if (const auto deep = tooDeepAt(content)) {
        warnings.add(lineAt(content, *deep),
                     fmt::format("JSON nested deeper than {} levels; metadata ignored", kMaxDepth));
        result.warnings = warnings.take();
        return result;
    }

    nlohmann::ordered_json json;
    try {
        json = nlohmann::ordered_json::parse(content.begin(), content.end());
    } catch (const nlohmann::ordered_json::parse_error &error) {
        // `byte` is 1-based and points at the character that could not be read.
        const std::size_t offset = error.byte > 0 ? error.byte - 1 : 0;
        std::string reason = error.what();
        if (const auto pos = reason.find(": "); pos != std::string::npos)
            reason = reason.substr(pos + 2);
        // The echoed input may hold the very bytes that are not valid UTF-8.
        if (const auto pos = reason.find("; last read:"); pos != std::string::npos)
            reason.resize(pos);
        warnings.add(lineAt(content, offset), fmt::format("invalid JSON: {}", reason));
        result.warnings = warnings.take();
        return result;
    } catch (const nlohmann::ordered_json::exception &error) {
        // Not a syntax error but still no usable document, e.g. out_of_range for `1e309`.
        std::string reason = error.what();
        if (const auto pos = reason.find("] "); pos != std::string::npos)
            reason = reason.substr(pos + 2);
        warnings.add(0, fmt::format("invalid JSON: {}; metadata ignored", reason));
        result.warnings = warnings.take();
        return result;
    }

    if (!json.is_object()) {
        std::size_t offset = content.find_first_not_of(" \t\r\n");
        if (offset == std::string_view::npos)
            offset = 0;
        warnings.add(
            lineAt(content, offset),
            fmt::format("expected a JSON object at the top level, found {}; metadata ignored",
                        json.type_name()));
        result.warnings = warnings.take();
        return result;
    }
    result.metadata.json = std::move(json);
    return result;
}

} // namespace hpa::core
