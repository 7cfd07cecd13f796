// libFuzzer target: HorizontalPodAutoscaler YAML/JSON through HpaManifestParser (yaml-cpp; deep
// nesting, aliases, invalid UTF-8, absurd numbers).
#include "core/parsers/hpa_manifest_parser.h"
#include "tests/fuzz/fuzz_check.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

using hpa::fuzz::require;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view content(reinterpret_cast<const char *>(data), size);
    const auto result = hpa::core::HpaManifestParser::parse(content, "hpa.yaml");
    hpa::fuzz::checkWarnings(result.warnings, "hpa.yaml", size);
    require(result.spec.has_value() != result.error.has_value(), "spec and error both or neither");
    if (result.error) {
        require(result.error->file == "hpa.yaml", "error names another file");
        require(!result.error->message.empty(), "empty error message");
    }
    if (result.spec)
        require(result.spec->problem().empty(), "parser returned a spec the API would reject");
    return 0;
}
