// libFuzzer target: the newer monitor's scaling-events.log lines through ScalingEventsLogParser.
#include "core/model/ascii_text.h"
#include "core/parsers/log_lines.h"
#include "core/parsers/scaling_events_log_parser.h"
#include "tests/fuzz/fuzz_check.h"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string_view>

using hpa::fuzz::require;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using hpa::core::ScalingEventsLogParser;
    const std::string_view content(reinterpret_cast<const char *>(data), size);
    const auto result = ScalingEventsLogParser::parse(content, "scaling-events.log");
    hpa::fuzz::checkWarnings(result.warnings, "scaling-events.log", size);
    const auto lines = hpa::core::LogLines::split(content);
    for (const auto &event : result.events) {
        require(std::isfinite(event.time), "event with a non-finite time");
        require(event.line >= 1 && static_cast<std::size_t>(event.line) <= lines.size(),
                "event line outside the input");
        require(result.texts.file(event) == "scaling-events.log", "event names another file");
        // Stored whole or rebuilt from the fields, the text is the line as written.
        require(result.texts.text(event) ==
                    hpa::core::AsciiText::trim(lines[std::size_t(event.line - 1)].text),
                "event text differs from its line");
    }
    if (result.declaredIntervalSeconds)
        require(std::isfinite(*result.declaredIntervalSeconds), "non-finite sample interval");

    // Without text: the same events, reading as empty.
    const auto bare = ScalingEventsLogParser::parse(content, "scaling-events.log", false);
    require(bare.events.size() == result.events.size(), "keepText changed the events");
    require(bare.texts.bufferSize() == 0, "text kept when asked not to");
    for (std::size_t i = 0; i < bare.events.size(); ++i) {
        require(bare.events[i].line == result.events[i].line, "keepText changed a line");
        require(bare.texts.text(bare.events[i]).empty(), "text read back when not kept");
    }
    return 0;
}
