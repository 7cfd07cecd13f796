#include "core/load/wva_source_merger.h"

#include "core/model/number_format.h"
#include "core/model/timestamp.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <map>

namespace hpa::core {

namespace {

constexpr const char *kFieldNames[] = {"replicas",
                                       "ttft_ms",
                                       "itl_ms",
                                       "arrival_rate",
                                       "cost",
                                       "queue length (mean of pods)",
                                       "queue length (largest pod)",
                                       "KV cache usage (mean of pods)",
                                       "KV cache usage (fullest pod)",
                                       "desired_replicas",
                                       "predicted_replicas",
                                       "predicted_ttft_ms",
                                       "predicted_itl_ms"};
static_assert(std::size(kFieldNames) == std::size(WvaSample::kValueFields));

/// The millisecond both files write (the CSV's timestamp is the log line's `ts`).
long long millis(double seconds)
{
    return std::llround(seconds * 1000.0);
}

bool same(double a, double b)
{
    return std::fabs(a - b) <= 1e-9 * std::max({1.0, std::fabs(a), std::fabs(b)});
}

const char *actionName(WvaDecision::Action a)
{
    switch (a) {
    case WvaDecision::Action::ScaleUp:
        return "scale-up";
    case WvaDecision::Action::ScaleDown:
        return "scale-down";
    case WvaDecision::Action::NoChange:
        break;
    }
    return "no-change";
}

std::string decisionText(const WvaDecision &d)
{
    return fmt::format("{} {}→{}", actionName(d.action), d.current, d.target);
}

template <typename T> std::multimap<long long, std::size_t> byTime(const std::vector<T> &items)
{
    std::multimap<long long, std::size_t> index;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (std::isfinite(items[i].time) && std::fabs(items[i].time) < 1e15)
            index.emplace(millis(items[i].time), i);
    }
    return index;
}

} // namespace

const char *WvaSourceMerger::fieldName(std::size_t i)
{
    return i < std::size(kFieldNames) ? kFieldNames[i] : "value";
}

WvaSourceMerger::Result WvaSourceMerger::merge(WvaLog &log, const WvaLog &csv,
                                               const std::string &logName, WarningList &warnings)
{
    Result result;
    // A row the log lacks can only be placed when the log has one variant.
    const std::string onlyVariant = log.variants.size() == 1 ? log.variants.front().name : "";
    const auto sampleIndex = byTime(log.samples);
    std::vector<bool> sampleMatched(log.samples.size(), false);
    std::vector<WvaSample> extra;
    for (const WvaSample &c : csv.samples) {
        const auto [from, to] = sampleIndex.equal_range(millis(c.time));
        const auto candidates = std::distance(from, to);
        if (candidates > 1) {
            warnings.add(c.line,
                         fmt::format("{} has {} samples at {} (several variants) and "
                                     "this file names none: row not used",
                                     logName, candidates, Timestamp::format(c.time, false)));
            ++result.csvOnlySamples;
            continue;
        }
        if (candidates == 0) {
            ++result.csvOnlySamples;
            if (onlyVariant.empty()) {
                warnings.add(c.line, fmt::format("no sample at {} in {}; row not used",
                                                 Timestamp::format(c.time, false), logName));
                continue;
            }
            warnings.add(c.line,
                         fmt::format("no sample at {} in {}; kept as a sample of {}",
                                     Timestamp::format(c.time, false), logName, onlyVariant));
            WvaSample s = c;
            s.variant = onlyVariant;
            for (std::size_t f = 0; f < std::size(WvaSample::kValueFields); ++f) {
                if (std::isfinite(s.*WvaSample::kValueFields[f]))
                    s.fromCsv |= 1u << f;
            }
            extra.push_back(std::move(s));
            continue;
        }
        ++result.matchedSamples;
        sampleMatched[from->second] = true;
        WvaSample &s = log.samples[from->second];
        for (std::size_t f = 0; f < std::size(WvaSample::kValueFields); ++f) {
            const double value = c.*WvaSample::kValueFields[f];
            double &own = s.*WvaSample::kValueFields[f];
            if (!std::isfinite(value))
                continue;
            // desired_replicas is the cycle's decision, compared below as a decision.
            const bool desired = WvaSample::kValueFields[f] == &WvaSample::desiredReplicas;
            if (!desired && std::isfinite(own) && !same(own, value)) {
                ++result.disagreements;
                warnings.add(c.line,
                             fmt::format("{} {} here, {} in {} line {} ({}): this file's value "
                                         "is used",
                                         fieldName(f), NumberFormat::fixed(value, 3),
                                         NumberFormat::fixed(own, 3), logName, s.line,
                                         Timestamp::format(s.time, false)));
            }
            own = value;
            s.fromCsv |= 1u << f;
        }
    }
    if (!csv.samples.empty()) {
        result.logOnlySamples =
            static_cast<std::size_t>(std::count(sampleMatched.begin(), sampleMatched.end(), false));
        if (result.logOnlySamples > 0) {
            const auto first = std::find(sampleMatched.begin(), sampleMatched.end(), false);
            warnings.add(
                0, fmt::format(
                       "{} sample(s) of {} (the first at line {}) have no row "
                       "here: their values are the log's",
                       result.logOnlySamples, logName,
                       log.samples[static_cast<std::size_t>(first - sampleMatched.begin())].line));
        }
    }
    for (WvaSample &s : extra) {
        for (WvaVariant &v : log.variants) {
            if (v.name == s.variant)
                ++v.samples;
        }
        log.samples.push_back(std::move(s));
    }

    const auto decisionIndex = byTime(log.decisions);
    std::vector<bool> decisionMatched(log.decisions.size(), false);
    for (const WvaDecision &c : csv.decisions) {
        const auto [from, to] = decisionIndex.equal_range(millis(c.time));
        const auto candidates = std::distance(from, to);
        if (candidates != 1) {
            const bool keep = candidates == 0 && !onlyVariant.empty();
            warnings.add(c.line, fmt::format("{} decision(s) at {} in {}; {}", candidates,
                                             Timestamp::format(c.time, false), logName,
                                             keep ? "kept as a decision of " + onlyVariant
                                                  : std::string("row not used")));
            if (keep) {
                WvaDecision d = c;
                d.variant = onlyVariant;
                d.file = warnings.file();
                log.decisions.push_back(std::move(d));
            }
            continue;
        }
        ++result.matchedDecisions;
        decisionMatched[from->second] = true;
        WvaDecision &d = log.decisions[from->second];
        if (d.action != c.action || d.current != c.current || d.target != c.target) {
            ++result.disagreements;
            warnings.add(c.line, fmt::format("decision {} here, {} in {} line {}: this file's "
                                             "is used",
                                             decisionText(c), decisionText(d), logName, d.line));
        }
        d.action = c.action;
        d.current = c.current;
        d.target = c.target;
        d.line = c.line;
        d.file = warnings.file();
    }
    const auto logOnlyDecisions =
        static_cast<std::size_t>(std::count(decisionMatched.begin(), decisionMatched.end(), false));
    if (!csv.decisions.empty() && logOnlyDecisions > 0) {
        warnings.add(0, fmt::format("{} decision(s) of {} have no row here: they are the log's",
                                    logOnlyDecisions, logName));
    }
    // A decision's action may have changed: count them again.
    for (WvaVariant &v : log.variants) {
        v.scaleUps = v.scaleDowns = v.noChanges = 0;
        for (const WvaDecision &d : log.decisions) {
            if (d.variant != v.name)
                continue;
            (d.action == WvaDecision::Action::ScaleUp     ? v.scaleUps
             : d.action == WvaDecision::Action::ScaleDown ? v.scaleDowns
                                                          : v.noChanges)++;
        }
    }
    std::stable_sort(log.decisions.begin(), log.decisions.end(),
                     [](const WvaDecision &a, const WvaDecision &b) { return a.time < b.time; });
    return result;
}

} // namespace hpa::core
