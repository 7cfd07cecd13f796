// libFuzzer target: a WVA run's long metrics.csv through WvaMetricsCsvParser, then merged into
// a small controller log (WvaSourceMerger) and built into an experiment (WvaExperimentBuilder),
// as WvaRunLoader does when a folder has both files.
#include "core/load/wva_experiment_builder.h"
#include "core/load/wva_source_merger.h"
#include "core/parsers/wva_log_parser.h"
#include "core/parsers/wva_metrics_csv_parser.h"
#include "tests/fuzz/fuzz_check.h"
#include "tests/fuzz/wva_log_check.h"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

using hpa::fuzz::require;

namespace {

/// Two cycles of one variant at the times the seeds use, so that CSV rows meet log samples.
constexpr std::string_view kLog =
    R"({"level":"INFO","ts":"2025-12-10T10:00:00.100Z","msg":"Operating in MODEL-ONLY mode"}
{"level":"INFO","ts":"2025-12-10T10:00:00.100Z","msg":"Queue metric: pod=v-a, queueLength=4"}
{"level":"INFO","ts":"2025-12-10T10:00:00.100Z","msg":"Metrics collected for VA: variant=v, replicas=1, ttft=20.00ms, itl=8.00ms"}
{"level":"INFO","ts":"2025-12-10T10:00:00.100Z","msg":"Processing decision: variant=v, action=scale-up, current=1→target=2"}
{"level":"INFO","ts":"2025-11-26T23:21:25.843Z","msg":"Operating in MODEL-ONLY mode"}
{"level":"INFO","ts":"2025-11-26T23:21:25.843Z","msg":"Metrics collected for VA: variant=v, replicas=2, ttft=41.50ms, itl=12.25ms"}
)";

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view content(reinterpret_cast<const char *>(data), size);
    const std::string fileName = "metrics.csv";
    const auto result = hpa::core::WvaMetricsCsvParser::parse(content, fileName);
    hpa::fuzz::checkWarnings(result.log.warnings, fileName, content.size());
    require(result.log.samples.size() <= result.rows, "more samples than rows");
    require(result.log.decisions.size() <= result.rows, "more decisions than rows");
    require(result.skipped <= result.rows, "more rows skipped than read");
    require(result.longFormat || result.rows == 0, "rows read from a file not in the long format");
    for (const auto &s : result.log.samples) {
        require(s.line >= 2 && static_cast<std::size_t>(s.line) <= content.size() + 1,
                "sample line outside the input");
        require(s.variant == hpa::core::WvaMetricsCsvParser::kUnknownVariant,
                "a variant the file cannot name");
    }
    hpa::fuzz::checkWvaLog(result.log);

    hpa::core::WvaLog log = hpa::core::WvaLogParser::parse(kLog, "wva-controller-logs.jsonl");
    const std::size_t before = log.samples.size();
    hpa::core::WarningList warnings(fileName);
    const auto merged =
        hpa::core::WvaSourceMerger::merge(log, result.log, "wva-controller-logs.jsonl", warnings);
    hpa::fuzz::checkWarnings(warnings.take(), fileName, content.size());
    require(merged.matchedSamples + merged.csvOnlySamples == result.log.samples.size(),
            "CSV samples neither matched nor said");
    require(log.samples.size() >= before, "the merge lost log samples");
    hpa::fuzz::checkWvaLog(log);
    hpa::core::Experiment experiment;
    if (hpa::core::WvaExperimentBuilder::build(log, "", "wva-controller-logs.jsonl", experiment)) {
        require(experiment.metrics.rowCount() == log.samples.size(), "rows lost in the build");
        for (const auto &[key, from] : experiment.autoscaler.sources)
            require(!from.empty(), "a series without a source");
    }
    return 0;
}
