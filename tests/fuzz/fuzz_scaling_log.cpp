// libFuzzer target: the older monitor's scaling.log blocks through ScalingLogParser.
#include "core/scaling_log_parser.h"
#include "tests/fuzz/fuzz_check.h"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string_view>

using hpa::fuzz::require;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view content(reinterpret_cast<const char *>(data), size);
    const auto result = hpa::core::ScalingLogParser::parse(content, "scaling.log");
    hpa::fuzz::checkWarnings(result.warnings, "scaling.log", size);
    require(result.initialState.size() <= size, "initial state longer than the input");
    for (const auto &event : result.events) {
        require(std::isfinite(event.time), "event with a non-finite time");
        require(event.file == "scaling.log", "event names another file");
        require(event.line >= 1 && static_cast<std::size_t>(event.line) <= size + 1,
                "event line outside the input");
        require(event.text.size() <= size, "event text longer than the input");
    }
    return 0;
}
