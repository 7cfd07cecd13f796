// libFuzzer target: events.log and jobs.log (`kubectl get` tables) through KubectlLogParser.
#include "core/parsers/kubectl_log_parser.h"
#include "tests/fuzz/fuzz_check.h"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

using hpa::fuzz::require;

namespace {

void run(std::string_view content, const std::string &fileName)
{
    const auto result = hpa::core::KubectlLogParser::parse(content, fileName);
    hpa::fuzz::checkWarnings(result.warnings, fileName, content.size());
    for (const auto &snapshot : result.snapshots) {
        require(snapshot.line >= 1 && static_cast<std::size_t>(snapshot.line) <= content.size(),
                "snapshot line outside the input");
        if (snapshot.time)
            require(std::isfinite(*snapshot.time), "snapshot with a non-finite time");
        for (const auto &row : snapshot.rows)
            require(row.size() <= snapshot.header.size() || snapshot.header.empty(),
                    "row with more cells than the header has columns");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view content(reinterpret_cast<const char *>(data), size);
    run(content, "events.log");
    run(content, "jobs.log");
    return 0;
}
