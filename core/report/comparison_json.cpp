#include "core/report/comparison_json.h"

#include "core/analysis/alignment.h"
#include "core/report/summary_json.h"

namespace hpa::core {

using Json = nlohmann::ordered_json;

namespace {

/// Counts subtract as signed integers so the JSON shows `-3`, not `-3.0`.
Json countDelta(std::size_t a, std::size_t b)
{
    return static_cast<long long>(b) - static_cast<long long>(a);
}

Json optionalDelta(std::optional<int> a, std::optional<int> b)
{
    if (!a || !b)
        return nullptr;
    return static_cast<long long>(*b) - static_cast<long long>(*a);
}

Json numberDelta(double a, double b)
{
    return SummaryJson::number(b - a);
}

Json seriesDelta(const SeriesSummary &a, const SeriesSummary &b)
{
    // Nothing to subtract where a run did not collect the series (no statistics of zeros).
    if (!a.collected || !b.collected) {
        return Json{{"collected", false},
                    {"note", !a.collected && !b.collected ? "not collected in A and B"
                             : !a.collected               ? "not collected in A"
                                                          : "not collected in B"}};
    }
    const bool both = a.hasStats && b.hasStats;
    auto d = [&](double SeriesSummary::*field) {
        return both ? numberDelta(a.*field, b.*field) : Json(nullptr);
    };
    return Json{{"count", both ? countDelta(a.count, b.count) : Json(nullptr)},
                {"mean", d(&SeriesSummary::mean)},
                {"min", d(&SeriesSummary::min)},
                {"max", d(&SeriesSummary::max)},
                {"p50", d(&SeriesSummary::p50)},
                {"p90", d(&SeriesSummary::p90)},
                {"p99", d(&SeriesSummary::p99)}};
}

Json violationDelta(const ViolationSummary &a, const ViolationSummary &b)
{
    return Json{{"samples", countDelta(a.samples, b.samples)},
                {"percent", numberDelta(a.percent, b.percent)}};
}

} // namespace

Json ComparisonJson::toJson(const ExperimentComparison &comparison)
{
    const ExperimentSummary &a = comparison.summaryA();
    const ExperimentSummary &b = comparison.summaryB();
    Json delta;
    delta["duration_s"] = numberDelta(a.durationSeconds, b.durationSeconds);
    delta["samples"] = countDelta(a.samples, b.samples);
    delta["replicas"] = Json{{"initial", optionalDelta(a.replicasInitial, b.replicasInitial)},
                             {"final", optionalDelta(a.replicasFinal, b.replicasFinal)},
                             {"min", optionalDelta(a.replicasMin, b.replicasMin)},
                             {"max", optionalDelta(a.replicasMax, b.replicasMax)}};
    delta["events"] = Json{{"total", countDelta(a.eventsTotal, b.eventsTotal)},
                           {"scale_up", countDelta(a.scaleUps, b.scaleUps)},
                           {"scale_down", countDelta(a.scaleDowns, b.scaleDowns)},
                           {"replicas_changed", countDelta(a.replicaChanges, b.replicaChanges)}};
    Json series = Json::object();
    for (const std::string &key : a.seriesOrder) {
        const auto other = b.series.find(key);
        if (other != b.series.end())
            series[key] = seriesDelta(a.series.at(key), other->second);
    }
    delta["series"] = std::move(series);
    delta["violations"] =
        Json{{"waiting", violationDelta(a.waitingViolations, b.waitingViolations)},
             {"kv_cache", violationDelta(a.kvViolations, b.kvViolations)},
             {"any", violationDelta(a.anyViolations, b.anyViolations)}};
    // Every scorecard KPI with both values, B - A and the verdict by its direction.
    Json autoscaling = Json::object();
    for (const ComparisonRow &r : comparison.rows()) {
        if (r.key.rfind("autoscaling.", 0) != 0)
            continue;
        const auto value = [](const std::optional<double> &v) {
            return v ? SummaryJson::number(*v) : Json(nullptr);
        };
        autoscaling[r.key.substr(12)] =
            Json{{"a", value(r.a)},
                 {"b", value(r.b)},
                 {"delta", value(r.delta)},
                 {"verdict", std::string(ExperimentComparison::verdictKey(r.verdict))},
                 {"resolution_s", value(r.resolution)}};
    }
    delta["autoscaling"] = std::move(autoscaling);
    // The verdicts as the text and the Comparison tab give them (core/analysis/comparison).
    Json verdicts = Json::object();
    for (const ComparisonRow &r : comparison.rows()) {
        Json v{{"verdict", std::string(ExperimentComparison::verdictKey(r.verdict))}};
        if (r.resolution)
            v["resolution_s"] = SummaryJson::number(*r.resolution);
        if (!r.note.empty())
            v["note"] = r.note;
        verdicts[r.key] = std::move(v);
    }
    return Json{
        {"a", SummaryJson::toJson(a)},
        {"b", SummaryJson::toJson(b)},
        {"same_run", comparison.sameRun()},
        {"load_profile",
         Json{{"match", std::string(LoadProfileMatch::kindKey(comparison.loadProfile().kind))},
              {"detail", comparison.loadProfile().detail},
              // What the window and export align the charts on unless told otherwise.
              {"align",
               std::string(Alignment::key(Alignment::defaultFor(comparison.loadProfile())))}}},
        {"delta", delta},
        {"verdicts", std::move(verdicts)}};
}

} // namespace hpa::core
