// libFuzzer target: `kubectl describe hpa` text through HpaDescribeParser.
#include "core/parsers/hpa_describe_parser.h"
#include "tests/fuzz/fuzz_check.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

using hpa::fuzz::require;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view content(reinterpret_cast<const char *>(data), size);
    const auto result = hpa::core::HpaDescribeParser::parse(content, "scaling.log");
    hpa::fuzz::checkWarnings(result.warnings, "scaling.log", size);
    if (result.spec)
        require(result.spec->problem().empty(), "parser returned a spec the API would reject");
    return 0;
}
