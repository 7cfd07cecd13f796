// libFuzzer target: metrics.csv through MetricsCsvParser, checking the table's invariants.
#include "core/parsers/metrics_csv_parser.h"
#include "tests/fuzz/fuzz_check.h"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

using hpa::fuzz::require;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view content(reinterpret_cast<const char *>(data), size);
    hpa::core::MetricsCsvParser::Options options;
    options.threads = 1;
    options.maxWarnings = 20;
    const auto result = hpa::core::MetricsCsvParser::parse(content, "metrics.csv", options);
    hpa::fuzz::checkWarnings(result.warnings, "metrics.csv", size);
    // The cap plus the single "N more problems" line, plus the few file-wide notes.
    require(result.warnings.size() <= options.maxWarnings + 6, "warning cap exceeded");

    const auto &table = result.table;
    const std::vector<int> lines = table.sourceLineList();
    require(lines.size() == table.rowCount(), "lines and times differ in length");
    for (std::size_t i = 0; i < table.rowCount(); ++i) {
        require(std::isfinite(table.time()[i]), "non-finite time kept");
        require(i == 0 || table.time()[i - 1] <= table.time()[i], "times not sorted");
        require(lines[i] >= 1 && table.sourceLine(i) == lines[i], "row without a source line");
    }
    for (const auto &column : table.columns()) {
        require(column.values.size() == table.rowCount(), "column length differs from rows");
        for (double v : column.values)
            require(std::isnan(v) || std::isfinite(v), "infinite value kept");
    }
    if (!result.hasTimeColumn)
        require(table.rowCount() == 0, "rows without a time column");
    return 0;
}
