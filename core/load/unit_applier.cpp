#include "core/load/unit_applier.h"

#include "core/model/metric_keys.h"
#include "core/model/number_format.h"
#include "core/model/warning_list.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <iterator>
#include <string>
#include <utility>

namespace hpa::core {

namespace {

/// `raw` read through `read`. `previous` (may be null) holds the same reading of raw's first
/// rows: it is shared and only the rows after it are read. Without it the values are written
/// over, in place when no other copy holds them (a load).
template <class Read>
ColumnValues converted(ColumnValues raw, const ColumnValues *previous, const Read &read)
{
    if (!previous || previous->size() > raw.size()) {
        double *values = raw.data();
        std::transform(values, values + raw.size(), values, read);
        return raw;
    }
    ColumnValues out = *previous;
    const std::span<double> rest = out.extend(raw.size() - previous->size());
    std::transform(std::as_const(raw).begin() + static_cast<std::ptrdiff_t>(previous->size()),
                   std::as_const(raw).end(), rest.begin(), read);
    return out;
}

/// True when both rules read every value alike.
bool readsAlike(const WaitingRule &a, const WaitingRule &b)
{
    return a.unit == b.unit && a.applies == b.applies && a.limit == b.limit;
}

} // namespace

void UnitApplier::applyKvCacheUnit(Experiment &experiment, std::optional<KvCacheUnit> forced,
                                   bool keepRaw, const Experiment *previous)
{
    MetricsTable &table = experiment.metrics;
    const ColumnValues *raw = table.values(keys::KvCacheRaw);
    const ColumnValues *rawTarget = table.values(keys::KvCacheTargetRaw);
    // An exported file already holds percent under the canonical names.
    if (!raw && table.has(keys::KvCachePct)) {
        experiment.kvRule = {KvCacheUnit::Percent, "column kv_cache_pct is in percent", false};
        return;
    }
    if (!raw)
        return;
    const std::optional<double> target = firstFinite(rawTarget);
    experiment.kvRule =
        forced ? KvCacheNormalizer::forced(*forced) : KvCacheNormalizer::detect(target, *raw);
    const double factor = experiment.kvRule.toPercentFactor();
    const auto toPercent = [factor](double v) {
        return v * factor;
    };
    // The percent values of the last snapshot, when they were read with the same factor.
    const bool reuse = previous && previous->kvRule.unit == experiment.kvRule.unit &&
                       previous->kvRule.toPercentFactor() == factor;
    const auto before = [&](std::string_view key) {
        return reuse ? previous->metrics.values(key) : nullptr;
    };
    if (!keepRaw && !table.has(keys::KvCachePct) && !table.has(keys::KvCacheTargetPct)) {
        // The same products as below, written over the raw values: no second column.
        for (MetricColumn &c : table.columns()) {
            const bool usage = c.key == keys::KvCacheRaw;
            if (!usage && c.key != keys::KvCacheTargetRaw)
                continue;
            const std::string_view key = usage ? keys::KvCachePct : keys::KvCacheTargetPct;
            c.values = converted(std::move(c.values), before(key), toPercent);
            c.header = usage ? "kv_cache_pct" : "kv_cache_target_pct";
            c.key = std::string(key);
        }
        return;
    }
    // Both are computed before either is stored: storing may reallocate the column list.
    ColumnValues pct = converted(*raw, before(keys::KvCachePct), toPercent);
    std::optional<ColumnValues> targetPct;
    if (rawTarget)
        targetPct = converted(*rawTarget, before(keys::KvCacheTargetPct), toPercent);
    table.setColumn("kv_cache_pct", std::string(keys::KvCachePct), std::move(pct));
    if (targetPct)
        table.setColumn("kv_cache_target_pct", std::string(keys::KvCacheTargetPct),
                        std::move(*targetPct));
}

void UnitApplier::applyWaitingUnit(Experiment &experiment, WaitingUnit unit,
                                   const Experiment *previous)
{
    WaitingRule rule;
    rule.unit = unit;
    MetricsTable &table = experiment.metrics;
    MetricColumn *column = nullptr;
    for (MetricColumn &c : table.columns()) {
        if (c.key == keys::Waiting)
            column = &c;
    }
    if (!column) {
        experiment.waitingRule = std::move(rule);
        return;
    }
    std::string header = column->header;
    std::transform(header.begin(), header.end(), header.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    // The older layout's num_requests_waiting_current is all stripped quantities alike; only
    // the newer monitor's column mixes plain counts with a leaked milli-quantity.
    if (header == "num_requests_waiting")
        rule = WaitingNormalizer::detect(column->values,
                                         firstFinite(table.values(keys::WaitingTarget)), unit);
    for (WaitingCorrection &cell : rule.cells)
        cell.line = table.sourceLine(cell.row);
    if (rule.unit == WaitingUnit::Auto && rule.count > 0) {
        WarningList warnings("metrics.csv");
        for (const WaitingCorrection &cell : rule.cells) {
            warnings.add(cell.line,
                         fmt::format("{} {} read as {} (a milli-quantity whose \"m\" was "
                                     "stripped: at most 10 x the run's largest plain value or "
                                     "target)",
                                     column->header, NumberFormat::fixed(cell.raw, 3),
                                     NumberFormat::fixed(cell.corrected, 3)));
        }
        std::vector<LoadWarning> taken = warnings.take();
        experiment.warnings.insert(experiment.warnings.end(),
                                   std::make_move_iterator(taken.begin()),
                                   std::make_move_iterator(taken.end()));
        rule.reason = fmt::format("{} cell(s) >= 1000 read as milli-units", rule.count);
    } else if (rule.unit == WaitingUnit::AsWritten) {
        rule.reason = rule.count
                          ? fmt::format("as written; {} cell(s) look like milli-units", rule.count)
                          : "as written";
    } else if (rule.unit == WaitingUnit::Milli) {
        rule.reason = "every cell read as milli-units";
    } else {
        rule.reason = "as written";
    }
    // The automatic rule that found no leak reads every cell as written: the values stay
    // shared with the rows as parsed.
    const bool identity =
        rule.unit == WaitingUnit::AsWritten || (rule.unit == WaitingUnit::Auto && rule.count == 0);
    if (!identity) {
        const ColumnValues *before = previous && readsAlike(previous->waitingRule, rule)
                                         ? previous->metrics.values(keys::Waiting)
                                         : nullptr;
        column->values = converted(std::move(column->values), before,
                                   [&rule](double v) { return rule.read(v); });
    }
    experiment.waitingRule = std::move(rule);
}

} // namespace hpa::core
