#include "core/report/metrics_csv_writer.h"

#include "core/analysis/experiment_analyzer.h"
#include "core/model/metric_keys.h"
#include "core/model/number_format.h"
#include "core/model/timestamp.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <iterator>

namespace hpa::core {

namespace {

/// Canonical keys whose monitor header differs from the key itself.
constexpr std::array<std::pair<std::string_view, std::string_view>, 2> kHeaders{{
    {keys::Waiting, "num_requests_waiting"},
    {keys::WaitingTarget, "num_requests_waiting_target"},
}};

/// Columns that are not written as they are: the raw KV cache (written in percent instead),
/// the time columns, and the writer's own derived columns of an exported file read back.
bool skipped(std::string_view key)
{
    return key == keys::KvCacheRaw || key == keys::KvCacheTargetRaw || key == keys::Timestamp ||
           key == keys::Epoch || key == MetricsCsvWriter::kElapsed ||
           key == MetricsCsvWriter::kWaitingExceeded || key == MetricsCsvWriter::kKvExceeded ||
           key == MetricsCsvWriter::kAnyExceeded;
}

} // namespace

/// The columns to write, in table order, with the KV percent columns where the raw ones stood.
std::vector<const MetricColumn *> MetricsCsvWriter::outputColumns(const MetricsTable &table)
{
    std::vector<const MetricColumn *> out;
    auto push = [&out](const MetricColumn *c) {
        if (c && std::find(out.begin(), out.end(), c) == out.end())
            out.push_back(c);
    };
    for (const MetricColumn &c : table.columns()) {
        if (c.key == keys::KvCacheRaw)
            push(table.column(keys::KvCachePct));
        else if (c.key == keys::KvCacheTargetRaw)
            push(table.column(keys::KvCacheTargetPct));
        else if (!skipped(c.key))
            push(&c);
    }
    return out;
}

namespace {

std::vector<bool> flags(const MetricsTable &table, std::string_view key, std::string_view target)
{
    const auto *values = table.values(key);
    const auto *targets = table.values(target);
    if (!values || !targets)
        return std::vector<bool>(table.rowCount(), false);
    return ExperimentAnalyzer::exceeded(*values, *targets);
}

} // namespace

std::string MetricsCsvWriter::cell(std::string_view text)
{
    if (text.find_first_of(",\"\r\n") == std::string_view::npos)
        return std::string(text);
    std::string out = "\"";
    for (char c : text) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
    return out;
}

std::string MetricsCsvWriter::columnName(std::string_view key, std::string_view header)
{
    for (const auto &[k, name] : kHeaders) {
        if (k == key)
            return std::string(name);
    }
    if (keys::isKnownKey(key))
        return std::string(key);
    // An extra column keeps its own header unless that would read back as another key (a
    // repeated header the parser renamed, say).
    return keys::canonicalKey(header) == key ? std::string(header) : std::string(key);
}

namespace {

/// Appends the rows of `experiment` whose elapsed time (time - origin) lies in
/// [fromElapsed, toElapsed], `prefix` first on each line; a null column is an empty cell.
void appendRows(fmt::memory_buffer &buf, const Experiment &experiment,
                const std::vector<const MetricColumn *> &columns, std::string_view prefix,
                double origin, std::optional<double> fromElapsed, std::optional<double> toElapsed)
{
    auto out = std::back_inserter(buf);
    const MetricsTable &table = experiment.metrics;
    const std::vector<bool> waiting = flags(table, keys::Waiting, keys::WaitingTarget);
    const std::vector<bool> kv = flags(table, keys::KvCachePct, keys::KvCacheTargetPct);
    const auto &time = table.time();
    const std::size_t first = fromElapsed ? table.lowerBound(*fromElapsed + origin) : 0;
    for (std::size_t i = first; i < time.size(); ++i) {
        const double t = time[i];
        if (toElapsed && t - origin > *toElapsed)
            break;
        fmt::format_to(out, "{}{},{}", prefix, Timestamp::format(t, table.naiveTime()),
                       NumberFormat::shortest(t - origin));
        for (const MetricColumn *c : columns) {
            const double v = c && i < c->values.size() ? c->values[i] : NAN;
            if (std::isfinite(v))
                fmt::format_to(out, ",{}", NumberFormat::shortest(v));
            else
                buf.push_back(',');
        }
        const bool w = i < waiting.size() && waiting[i];
        const bool k = i < kv.size() && kv[i];
        fmt::format_to(out, ",{},{},{}\n", w, k, w || k);
    }
}

} // namespace

std::string MetricsCsvWriter::write(const Experiment &experiment, std::optional<double> fromTime,
                                    std::optional<double> toTime, double origin)
{
    const std::vector<const MetricColumn *> columns = outputColumns(experiment.metrics);
    fmt::memory_buffer buf;
    auto out = std::back_inserter(buf);
    fmt::format_to(out, "timestamp,{}", kElapsed);
    for (const MetricColumn *c : columns)
        fmt::format_to(out, ",{}", cell(columnName(c->key, c->header)));
    fmt::format_to(out, ",{},{},{}\n", kWaitingExceeded, kKvExceeded, kAnyExceeded);
    auto elapsed = [origin](std::optional<double> t) {
        return t ? std::optional<double>(*t - origin) : std::nullopt;
    };
    appendRows(buf, experiment, columns, {}, origin, elapsed(fromTime), elapsed(toTime));
    return fmt::to_string(buf);
}

std::string MetricsCsvWriter::writeRuns(const std::vector<Run> &runs,
                                        std::optional<double> fromElapsed,
                                        std::optional<double> toElapsed)
{
    // One header for all runs: every column name any run writes, in first-seen order; a run
    // without a column leaves its cells empty.
    std::vector<std::string> names;
    std::vector<std::vector<std::pair<std::string, const MetricColumn *>>> named(runs.size());
    for (std::size_t r = 0; r < runs.size(); ++r) {
        for (const MetricColumn *c : outputColumns(runs[r].experiment->metrics)) {
            std::string name = columnName(c->key, c->header);
            if (std::find(names.begin(), names.end(), name) == names.end())
                names.push_back(name);
            named[r].emplace_back(std::move(name), c);
        }
    }
    fmt::memory_buffer buf;
    auto out = std::back_inserter(buf);
    fmt::format_to(out, "{},timestamp,{}", kRun, kElapsed);
    for (const std::string &name : names)
        fmt::format_to(out, ",{}", cell(name));
    fmt::format_to(out, ",{},{},{}\n", kWaitingExceeded, kKvExceeded, kAnyExceeded);
    for (std::size_t r = 0; r < runs.size(); ++r) {
        std::vector<const MetricColumn *> columns(names.size(), nullptr);
        for (const auto &[name, column] : named[r])
            columns[std::find(names.begin(), names.end(), name) - names.begin()] = column;
        appendRows(buf, *runs[r].experiment, columns, cell(runs[r].label) + ",", runs[r].origin,
                   fromElapsed, toElapsed);
    }
    return fmt::to_string(buf);
}

} // namespace hpa::core
