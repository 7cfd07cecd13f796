// libFuzzer target: wva-controller-logs.jsonl through WvaLogParser.
#include "core/parsers/wva_log_parser.h"
#include "tests/fuzz/fuzz_check.h"
#include "tests/fuzz/wva_log_check.h"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

using hpa::fuzz::require;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view content(reinterpret_cast<const char *>(data), size);
    const std::string fileName = "wva-controller-logs.jsonl";
    const hpa::core::WvaLog log = hpa::core::WvaLogParser::parse(content, fileName);
    hpa::fuzz::checkWarnings(log.warnings, fileName, content.size());
    require(log.samples.size() <= log.lines, "more samples than lines");
    require(log.decisions.size() <= log.lines, "more decisions than lines");
    hpa::fuzz::checkWvaLog(log);
    for (const auto &s : log.samples)
        require(s.line >= 1 && static_cast<std::size_t>(s.line) <= content.size(),
                "sample line outside the input");
    return 0;
}
