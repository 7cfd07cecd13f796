#include "core/analysis/comparison.h"

#include "core/analysis/experiment_analyzer.h"
#include "core/model/number_format.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace hpa::core {

namespace {

std::vector<std::string> unionOrder(const std::vector<std::string> &a,
                                    const std::vector<std::string> &b)
{
    std::vector<std::string> out = a;
    for (const std::string &key : b) {
        if (std::find(out.begin(), out.end(), key) == out.end())
            out.push_back(key);
    }
    return out;
}

std::optional<std::string> rendered(const std::optional<double> &v)
{
    return v ? std::optional(NumberFormat::fixed(*v, 6)) : std::nullopt;
}

/// "not collected in A" / "in B" / "in A and B" when `key` is a series one of the runs has but
/// did not collect; empty otherwise.
std::string notCollectedNote(const ExperimentSummary &a, const ExperimentSummary &b,
                             const std::string &key)
{
    const auto missing = [&key](const ExperimentSummary &s) {
        const auto it = s.series.find(key);
        return it != s.series.end() && !it->second.collected;
    };
    const bool inA = missing(a), inB = missing(b);
    if (!inA && !inB)
        return {};
    return inA && inB ? "not collected in A and B"
           : inA      ? "not collected in A"
                      : "not collected in B";
}

/// One row instead of a row per statistic for each series a run did not collect: there is
/// nothing to compare, and seven rows of "—" would hide that.
std::vector<ComparisonRow> collapseNotCollected(std::vector<ComparisonRow> rows,
                                                const ExperimentSummary &a,
                                                const ExperimentSummary &b,
                                                const std::vector<std::string> &order)
{
    std::vector<ComparisonRow> out;
    out.reserve(rows.size());
    std::string collapsing; // "series.<key>." of the series being collapsed
    for (ComparisonRow &r : rows) {
        if (!collapsing.empty() && r.key.starts_with(collapsing))
            continue;
        collapsing.clear();
        for (const std::string &key : order) {
            const std::string prefix = "series." + key + ".";
            if (!r.key.starts_with(prefix))
                continue;
            if (std::string note = notCollectedNote(a, b, key); !note.empty()) {
                collapsing = prefix;
                r.key = "series." + key;
                r.label = note;
                r.a = r.b = r.delta = r.percent = std::nullopt;
                r.better = Direction::Neutral;
                r.verdict = Verdict::Unknown;
                r.resolution = std::nullopt;
                r.note.clear();
                r.notCollected = std::move(note);
            }
            break;
        }
        out.push_back(std::move(r));
    }
    return out;
}

} // namespace

ExperimentComparison::ExperimentComparison(ExperimentSummary a, ExperimentSummary b,
                                           std::string_view nameB)
    : m_a(std::move(a)), m_b(std::move(b)),
      m_loadProfile(LoadProfileMatch::match(m_a.schedule, m_b.schedule, "A", nameB))
{
    const std::vector<std::string> order = unionOrder(m_a.seriesOrder, m_b.seriesOrder);
    const std::vector<Statistic> sa = SummaryStatistics::list(m_a, order);
    const std::vector<Statistic> sb = SummaryStatistics::list(m_b, order);
    // Both lists come from the same series order, so they pair up index by index.
    m_rows.reserve(sa.size());
    for (std::size_t i = 0; i < sa.size() && i < sb.size(); ++i) {
        ComparisonRow r;
        r.group = sa[i].group;
        r.key = sa[i].key;
        r.label = sa[i].label;
        r.a = sa[i].value;
        r.b = sb[i].value;
        r.better = sa[i].better;
        if (r.a && r.b) {
            r.delta = *r.b - *r.a;
            if (*r.a != 0)
                r.percent = 100.0 * *r.delta / std::abs(*r.a);
        }
        r.verdict = verdict(r.a, r.b, r.better);
        // A time KPI measured at one sample interval: a smaller difference is not a change.
        if (const double res = std::max(sa[i].resolution, sb[i].resolution); res > 0) {
            r.resolution = res;
            r.verdict = verdict(r.a, r.b, r.better, res);
        }
        m_rows.push_back(std::move(r));
    }
    applyVerdictRules();
    m_rows = collapseNotCollected(std::move(m_rows), m_a, m_b, order);

    const auto entriesA = m_a.metadata.entries();
    const auto entriesB = m_b.metadata.entries();
    auto find = [](const auto &entries, const std::string &key) -> std::optional<std::string> {
        for (const auto &[k, v] : entries) {
            if (k == key)
                return v;
        }
        return std::nullopt;
    };
    std::vector<std::string> metadataKeys;
    for (const auto *entries : {&entriesA, &entriesB}) {
        for (const auto &[k, v] : *entries) {
            if (std::find(metadataKeys.begin(), metadataKeys.end(), k) == metadataKeys.end())
                metadataKeys.push_back(k);
        }
    }
    auto differs = [this](std::string key, std::optional<std::string> a,
                          std::optional<std::string> b) {
        if (a != b)
            m_metadata.push_back({std::move(key), std::move(a), std::move(b)});
    };
    for (const std::string &key : metadataKeys)
        differs(key, find(entriesA, key), find(entriesB, key));
    differs("layout", m_a.layout, m_b.layout);
    differs("waiting_target", rendered(m_a.waitingTarget), rendered(m_b.waitingTarget));
    differs("kv_cache_target_pct", rendered(m_a.kvCacheTargetPct), rendered(m_b.kvCacheTargetPct));
    differs("kv_cache_unit", std::string(KvCacheNormalizer::unitKey(m_a.kvRule.unit)),
            std::string(KvCacheNormalizer::unitKey(m_b.kvRule.unit)));
}

void ExperimentComparison::applyVerdictRules()
{
    const double durA = m_a.durationSeconds, durB = m_b.durationSeconds;
    const bool durationsDiffer =
        durA > 0 && durB > 0 && std::abs(durB - durA) > kDurationTolerance * std::max(durA, durB);
    const std::string durationNote =
        durationsDiffer
            ? fmt::format("per hour of run: B ran {:.0f} % {} than A",
                          100.0 * std::abs(durB - durA) / durA, durB < durA ? "shorter" : "longer")
            : std::string();
    const auto perHour = [](const std::optional<double> &v, double seconds) {
        return v && seconds > 0 ? std::optional(*v / (seconds / 3600.0)) : std::nullopt;
    };
    // Times found from samples are only as fine as the sampling.
    const double resolution = std::max(m_a.medianIntervalSeconds, m_b.medianIntervalSeconds);

    std::vector<ComparisonRow> out;
    out.reserve(m_rows.size() + 2);
    for (ComparisonRow &r : m_rows) {
        if (r.key == "replica_hours" || r.key == "gaps") {
            // A total grows with the length of the run: B is not cheaper for stopping sooner.
            ComparisonRow rate = r;
            rate.key = r.key + "_per_hour";
            rate.label = r.key == "replica_hours" ? "Mean replicas (replica-hours per hour)"
                                                  : "Gaps per hour";
            rate.a = perHour(r.a, durA);
            rate.b = perHour(r.b, durB);
            rate.delta.reset();
            rate.percent.reset();
            if (rate.a && rate.b) {
                rate.delta = *rate.b - *rate.a;
                if (*rate.a != 0)
                    rate.percent = 100.0 * *rate.delta / std::abs(*rate.a);
            }
            rate.verdict = verdict(rate.a, rate.b, rate.better);
            if (durationsDiffer) {
                r.verdict = rate.verdict;
                r.note = durationNote;
            }
            out.push_back(r);
            out.push_back(std::move(rate));
            continue;
        }
        if (r.key == "scale_up_latency_s" && resolution > 0) {
            r.resolution = resolution;
            r.verdict = verdict(r.a, r.b, r.better, resolution);
            if (r.verdict == Verdict::Same && r.delta && *r.delta != 0)
                r.note = fmt::format("within the sampling resolution (±{} s)",
                                     NumberFormat::fixed(resolution, 1));
        }
        out.push_back(r);
    }
    // Violation counts are samples, and the runs may have different numbers of them: a
    // count is graded by its share of the run (the % row), so both rows always agree.
    for (ComparisonRow &r : out) {
        const std::string suffix = ".samples";
        if (r.key.rfind("violations.", 0) != 0 || !r.key.ends_with(suffix))
            continue;
        const std::string percentKey = r.key.substr(0, r.key.size() - suffix.size()) + ".percent";
        for (const ComparisonRow &p : out) {
            if (p.key == percentKey && p.verdict != r.verdict) {
                r.verdict = p.verdict;
                r.note = "graded by its share of the samples (%)";
            }
        }
    }
    m_rows = std::move(out);
}

ExperimentComparison ExperimentComparison::compare(const Experiment &a, const Experiment &b,
                                                   const ScorecardSettings &scorecard)
{
    return ExperimentComparison(ExperimentAnalyzer::summarize(a, scorecard),
                                ExperimentAnalyzer::summarize(b, scorecard));
}

const ComparisonRow *ExperimentComparison::row(std::string_view key) const
{
    for (const ComparisonRow &r : m_rows) {
        if (r.key == key)
            return &r;
    }
    return nullptr;
}

Verdict ExperimentComparison::verdict(std::optional<double> a, std::optional<double> b,
                                      Direction better, std::optional<double> resolution)
{
    if (!a || !b || !std::isfinite(*a) || !std::isfinite(*b))
        return Verdict::Unknown;
    const double delta = *b - *a;
    if (std::abs(delta) <= 1e-9 * std::max(std::abs(*a), std::abs(*b)))
        return Verdict::Same;
    if (resolution && std::abs(delta) <= *resolution)
        return Verdict::Same;
    switch (better) {
    case Direction::LowerIsBetter:
        return delta < 0 ? Verdict::Better : Verdict::Worse;
    case Direction::HigherIsBetter:
        return delta > 0 ? Verdict::Better : Verdict::Worse;
    case Direction::Neutral:
        break;
    }
    return Verdict::Unknown;
}

std::string_view ExperimentComparison::verdictKey(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Better:
        return "better";
    case Verdict::Worse:
        return "worse";
    case Verdict::Same:
        return "same";
    case Verdict::Unknown:
        return "unknown";
    }
    return "unknown";
}

} // namespace hpa::core
