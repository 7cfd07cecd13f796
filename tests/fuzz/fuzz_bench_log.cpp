// libFuzzer target: `vllm bench serve` job logs through BenchLogParser.
#include "core/parsers/bench_log_parser.h"
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
    const std::string fileName = "job-logs/j_j-abcde.log";
    const auto result = hpa::core::BenchLogParser::parse(content, fileName);
    hpa::fuzz::checkWarnings(result.warnings, fileName, content.size());
    const auto &job = result.job;
    require(job.name == "j" && job.pod == "j-abcde", "job and pod not taken from the file name");
    require(job.errors.size() <= 10, "more than 10 error lines kept");
    if (job.result) {
        require(job.outcome == hpa::core::BenchJob::Outcome::Complete ||
                    job.outcome == hpa::core::BenchJob::Outcome::Partial,
                "a result block with an outcome other than complete or partial");
        require(job.result->complete == (job.outcome == hpa::core::BenchJob::Outcome::Complete),
                "complete flag and outcome disagree");
        for (const auto &f : job.result->fields) {
            require(f.line >= 1 && static_cast<std::size_t>(f.line) <= content.size() + 1,
                    "field line outside the input");
            require(f.key == hpa::core::BenchResult::keyOf(f.label), "key not derived from label");
            require(!f.text.empty(), "field without value text");
        }
    } else {
        require(job.outcome != hpa::core::BenchJob::Outcome::Complete,
                "complete outcome without a block");
    }
    if (job.readyCheckSeconds)
        require(std::isfinite(*job.readyCheckSeconds) && *job.readyCheckSeconds >= 0,
                "bad ready-check time");
    return 0;
}
