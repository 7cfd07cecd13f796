// libFuzzer target: the newer monitor's scaling-events.log lines through ScalingEventsLogParser.
#include "core/scaling_events_log_parser.h"
#include "tests/fuzz/fuzz_check.h"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string_view>

using hpa::fuzz::require;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view content(reinterpret_cast<const char *>(data), size);
    const auto result = hpa::core::ScalingEventsLogParser::parse(content, "scaling-events.log");
    hpa::fuzz::checkWarnings(result.warnings, "scaling-events.log", size);
    for (const auto &event : result.events) {
        require(std::isfinite(event.time), "event with a non-finite time");
        require(event.line >= 1 && static_cast<std::size_t>(event.line) <= size + 1,
                "event line outside the input");
    }
    if (result.declaredIntervalSeconds)
        require(std::isfinite(*result.declaredIntervalSeconds), "non-finite sample interval");
    return 0;
}
