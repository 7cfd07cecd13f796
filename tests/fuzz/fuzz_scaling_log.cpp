// libFuzzer target: the older monitor's scaling.log blocks through ScalingLogParser.
#include "core/parsers/scaling_log_parser.h"
#include "tests/fuzz/fuzz_check.h"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string_view>

using hpa::fuzz::require;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using hpa::core::ScalingLogParser;
    const std::string_view content(reinterpret_cast<const char *>(data), size);
    const auto result = ScalingLogParser::parse(content, "scaling.log");
    hpa::fuzz::checkWarnings(result.warnings, "scaling.log", size);
    require(result.initialState.size() <= size, "initial state longer than the input");
    for (const auto &event : result.events) {
        require(std::isfinite(event.time), "event with a non-finite time");
        require(result.texts.file(event) == "scaling.log", "event names another file");
        require(event.line >= 1 && static_cast<std::size_t>(event.line) <= size + 1,
                "event line outside the input");
        require(result.texts.text(event).size() <= size, "event text longer than the input");
    }
    const auto bare = ScalingLogParser::parse(content, "scaling.log", false);
    require(bare.events.size() == result.events.size(), "keepText changed the events");
    for (const auto &event : bare.events)
        require(bare.texts.text(event).empty(), "text read back when not kept");
    return 0;
}
