// libFuzzer target: wva-controller-logs.jsonl through WvaLogParser.
#include "core/parsers/wva_log_parser.h"
#include "tests/fuzz/fuzz_check.h"

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
    std::size_t samples = 0, decisions = 0;
    for (const auto &v : log.variants) {
        samples += v.samples;
        decisions += v.decisionsTotal();
    }
    require(samples == log.samples.size(), "variant sample counts do not add up");
    require(decisions == log.decisions.size(), "variant decision counts do not add up");
    for (const auto &s : log.samples) {
        require(std::isfinite(s.time), "sample with a non-finite time");
        require(s.line >= 1 && static_cast<std::size_t>(s.line) <= content.size(),
                "sample line outside the input");
        require(std::isnan(s.kvMean) || (s.kvMean <= s.kvMax), "KV mean above its max");
        require(std::isnan(s.queueMean) || (s.queueMean <= s.queueMax), "queue mean above max");
    }
    return 0;
}
