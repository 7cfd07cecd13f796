#include "core/plot/value_readout.h"

#include "core/model/collected_series.h"
#include "core/model/metric_keys.h"
#include "core/model/timestamp.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace hpa::core {

namespace {

/// Inside a collected column, a zero latency is a gap; a zero request rate is a real "no
/// traffic" reading.
bool zeroIsGap(std::string_view key)
{
    return key == keys::TtftMs || key == keys::ItlMs;
}

} // namespace

void ValueReadout::addSource(std::string label, const MetricsTable &table, double origin,
                             std::vector<std::string> keys)
{
    Source source{std::move(label), &table, origin, {}};
    for (std::string &key : keys) {
        const auto *values = table.values(key);
        if (!values)
            continue;
        Series series;
        series.name = keys::displayName(key);
        series.values = values;
        series.positiveOnly = zeroIsGap(key);
        series.collected = CollectedSeries::isCollected(key, *values);
        series.key = std::move(key);
        source.series.push_back(std::move(series));
    }
    m_sources.push_back(std::move(source));
}

std::vector<std::string> ValueReadout::lines(double x) const
{
    std::vector<std::string> out;
    for (const Source &source : m_sources) {
        const MetricsTable &table = *source.table;
        if (table.empty())
            continue;
        const std::size_t row = table.nearestRow(x + source.origin);
        const double time = table.time()[row];
        const std::string prefix = source.label.empty() ? "" : source.label + ": ";
        out.push_back(fmt::format("{}{} (elapsed {})", prefix,
                                  Timestamp::format(time, table.naiveTime()),
                                  Timestamp::formatElapsed(time - source.origin)));
        for (const Series &series : source.series) {
            std::string text;
            if (!series.collected) {
                text = "not collected";
            } else {
                const double v = row < series.values->size() ? (*series.values)[row] : NAN;
                text = series.positiveOnly && !(v > 0) ? formatValue(NAN) : formatValue(v);
            }
            out.push_back(fmt::format("  {}: {}", series.name, text));
        }
    }
    return out;
}

std::string ValueReadout::formatValue(double value)
{
    if (!std::isfinite(value))
        return "—";
    if (value == 0)
        return "0"; // also for -0.0
    if (value == std::round(value) && std::fabs(value) < 1e15)
        return fmt::format("{:.0f}", value);
    std::string text =
        std::fabs(value) < 1 ? fmt::format("{:.3g}", value) : fmt::format("{:.2f}", value);
    if (text.find('.') != std::string::npos && text.find('e') == std::string::npos) {
        while (text.back() == '0')
            text.pop_back();
        if (text.back() == '.')
            text.pop_back();
    }
    return text;
}

} // namespace hpa::core
