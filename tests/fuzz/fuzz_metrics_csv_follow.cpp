// libFuzzer target: metrics.csv and scaling-events.log read in pieces, as a followed run is
// (MetricsCsvParser::parseAppended, ScalingEventsLogParser::parseAppended), must read exactly
// as the whole file parsed at once: same rows, values, lines and warnings.
#include "core/parsers/metrics_csv_parser.h"
#include "core/parsers/scaling_events_log_parser.h"
#include "tests/fuzz/fuzz_check.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

using hpa::fuzz::require;

namespace {

/// `text` cut after its last line break, and the offsets just past each line break in it
/// chosen by `seed` (the pieces the follower would have read).
std::vector<std::size_t> cuts(std::string_view text, std::uint8_t seed)
{
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n' && ((i * 31 + seed) % 7 == 0))
            out.push_back(i + 1);
    }
    out.push_back(text.size());
    return out;
}

bool same(double a, double b)
{
    return a == b || (std::isnan(a) && std::isnan(b));
}

void checkMetrics(std::string_view text, std::uint8_t seed)
{
    using hpa::core::ByteSource;
    using hpa::core::MetricsCsvParser;
    MetricsCsvParser::Options options;
    options.threads = 1;
    options.maxWarnings = 20;
    const auto whole = MetricsCsvParser::parse(text, "metrics.csv", options);
    const std::vector<std::size_t> pieces = cuts(text, seed);
    // The first piece must hold the header: the follower starts once it has one.
    std::size_t first = 0;
    MetricsCsvParser::Result start;
    for (; first < pieces.size(); ++first) {
        start = MetricsCsvParser::parse(text.substr(0, pieces[first]), "metrics.csv", options);
        if (start.hasTimeColumn)
            break;
    }
    if (!start.hasTimeColumn)
        return;
    require(whole.hasTimeColumn, "a prefix has a header the whole file lacks");
    hpa::core::MetricsTable rows = start.table;
    // The parser sorted rows that went backwards (their lines are out of order): the follower
    // parses the whole file again (ExperimentFollower::appendMetrics), so nothing to compare.
    const std::vector<int> startLines = rows.sourceLineList();
    if (!std::is_sorted(startLines.begin(), startLines.end()))
        return;
    MetricsCsvParser::Continuation state = start.continuation;
    for (std::size_t i = first + 1; i < pieces.size(); ++i) {
        const std::string_view piece = text.substr(pieces[i - 1], pieces[i] - pieces[i - 1]);
        const auto more = MetricsCsvParser::parseAppended(ByteSource::fromMemory(piece), state,
                                                          "metrics.csv", options);
        const auto &added = more.table.time();
        for (std::size_t r = 0; r < added.size(); ++r) {
            const double before = r > 0          ? added[r - 1]
                                  : rows.empty() ? added[r]
                                                 : rows.time().back();
            if (added[r] < before)
                return; // going backwards: the follower parses the whole file again
        }
        rows.appendRows(more.table);
    }
    const auto warnings = MetricsCsvParser::finish(state, "metrics.csv", rows);
    require(warnings == whole.warnings, "pieces give other warnings than the whole file");
    require(rows.time() == whole.table.time(), "pieces give other times");
    require(rows.sourceLineList() == whole.table.sourceLineList(), "pieces give other lines");
    require(rows.columns().size() == whole.table.columns().size(), "pieces give other columns");
    for (std::size_t c = 0; c < rows.columns().size(); ++c) {
        const auto &a = rows.columns()[c].values;
        const auto &b = whole.table.columns()[c].values;
        require(a.size() == b.size(), "pieces give another column length");
        for (std::size_t r = 0; r < a.size(); ++r)
            require(same(a[r], b[r]), "pieces give another value");
    }
}

void checkEvents(std::string_view text, std::uint8_t seed)
{
    using hpa::core::ScalingEventsLogParser;
    const auto whole = ScalingEventsLogParser::parse(text, "scaling-events.log");
    ScalingEventsLogParser::Cursor cursor;
    cursor.warnings = hpa::core::WarningList("scaling-events.log");
    std::size_t events = 0, from = 0;
    for (std::size_t cut : cuts(text, seed)) {
        const auto r = ScalingEventsLogParser::parseAppended(text.substr(from, cut - from), cursor,
                                                             "scaling-events.log");
        for (const auto &e : r.events) {
            require(events < whole.events.size(), "pieces give more events");
            require(e.line == whole.events[events].line && e.time == whole.events[events].time,
                    "pieces give another event");
            ++events;
        }
        from = cut;
    }
    require(events == whole.events.size(), "pieces give fewer events");
    require(cursor.warnings.take() == whole.warnings, "pieces give other warnings");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 1)
        return 0;
    std::string_view text(reinterpret_cast<const char *>(data) + 1, size - 1);
    const auto nl = text.rfind('\n');
    text = nl == std::string_view::npos ? std::string_view() : text.substr(0, nl + 1);
    checkMetrics(text, data[0]);
    checkEvents(text, data[0]);
    return 0;
}
