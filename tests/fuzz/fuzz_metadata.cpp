// libFuzzer target: metadata.json through MetadataParser (depth guard, invalid UTF-8).
#include "core/parsers/metadata_parser.h"
#include "tests/fuzz/fuzz_check.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

using hpa::fuzz::require;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view content(reinterpret_cast<const char *>(data), size);
    const auto result = hpa::core::MetadataParser::parse(content, "metadata.json");
    hpa::fuzz::checkWarnings(result.warnings, "metadata.json", size);
    const auto &json = result.metadata.json;
    require(json.is_object(), "metadata that is not an object");
    // What the summary does with it: must not throw on invalid UTF-8 kept in strings.
    (void)json.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    return 0;
}
