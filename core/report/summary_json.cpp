#include "core/report/summary_json.h"

#include "core/model/number_format.h"
#include "core/report/jobs_json.h"
#include "core/report/scorecard_json.h"

#include <cmath>

namespace hpa::core {

using Json = nlohmann::ordered_json;

namespace {

Json violation(const ViolationSummary &v)
{
    return Json{{"samples", v.samples}, {"percent", SummaryJson::number(v.percent)}};
}

/// The cells the waiting rule read as milli-units (none unless the automatic rule corrected
/// some): file, line, column, value as written and as read.
Json correctionsJson(const WaitingRule &rule)
{
    Json out = Json::array();
    if (rule.unit != WaitingUnit::Auto)
        return out;
    for (const WaitingCorrection &c : rule.cells) {
        out.push_back(Json{{"file", "metrics.csv"},
                           {"line", c.line},
                           {"column", "num_requests_waiting"},
                           {"raw", SummaryJson::number(c.raw)},
                           {"corrected", SummaryJson::number(c.corrected)}});
    }
    return out;
}

/// The autoscaler block: the same keys for every run, null where they do not apply (an HPA
/// has no mode or variants).
Json autoscalerJson(const AutoscalerInfo &a)
{
    const bool wva = a.kind == AutoscalerInfo::Kind::Wva;
    Json variants = Json::array();
    std::size_t decisions = 0;
    for (const WvaVariant &v : a.variants) {
        decisions += v.name == a.variant ? v.decisionsTotal() : 0;
        variants.push_back(Json{{"name", v.name},
                                {"model", v.model.empty() ? Json(nullptr) : Json(v.model)},
                                {"samples", v.samples},
                                {"scale_ups", v.scaleUps},
                                {"scale_downs", v.scaleDowns},
                                {"no_changes", v.noChanges},
                                {"decisions_total", v.decisionsTotal()}});
    }
    Json sources = Json::object();
    for (const auto &[key, from] : a.sources)
        sources[key] = from;
    return Json{{"kind", autoscalerKindKey(a.kind)},
                {"mode", wva && !a.mode.empty() ? Json(a.mode) : Json(nullptr)},
                {"source", wva && !a.source.empty() ? Json(a.source) : Json(nullptr)},
                {"sources", wva && !a.sources.empty() ? sources : Json(nullptr)},
                {"variant", wva && !a.variant.empty() ? Json(a.variant) : Json(nullptr)},
                {"decisions_total", wva ? Json(decisions) : Json(nullptr)},
                {"folder_clock", a.folderClock.empty() ? Json(nullptr) : Json(a.folderClock)},
                {"variants", wva ? variants : Json(nullptr)}};
}

Json predictionErrorsJson(const std::vector<PredictionError> &errors)
{
    Json out = Json::array();
    for (const PredictionError &e : errors) {
        out.push_back(Json{{"series", e.series},
                           {"predictions", e.predictions},
                           {"pairs", e.pairs},
                           {"mape_pct", e.mapePct ? SummaryJson::number(*e.mapePct) : Json()},
                           {"bias_ms", e.biasMs ? SummaryJson::number(*e.biasMs) : Json()}});
    }
    return out;
}

} // namespace

Json SummaryJson::number(double value)
{
    return std::isfinite(value) ? Json(NumberFormat::rounded(value)) : Json(nullptr);
}

Json SummaryJson::seriesJson(const SeriesSummary &s)
{
    Json j{{"collected", s.collected}};
    if (!s.collected) {
        j["note"] = s.notCollectedText; // what is known; no statistics of zeros
        return j;
    }
    if (s.hasStats) {
        j["count"] = s.count;
        j["mean"] = number(s.mean);
        j["min"] = number(s.min);
        j["max"] = number(s.max);
        j["p50"] = number(s.p50);
        j["p90"] = number(s.p90);
        j["p99"] = number(s.p99);
    }
    return j;
}

Json SummaryJson::toJson(const ExperimentSummary &s)
{
    Json j;
    j["name"] = s.name;
    j["path"] = s.path;
    j["layout"] = s.layout;
    j["autoscaler"] = autoscalerJson(s.autoscaler);
    j["metadata"] = s.metadata.json.is_object() ? s.metadata.json : Json::object();
    j["start"] = s.samples ? Json(s.start) : Json(nullptr);
    j["end"] = s.samples ? Json(s.end) : Json(nullptr);
    j["duration_s"] = number(s.durationSeconds);
    j["samples"] = s.samples;
    j["median_interval_s"] = number(s.medianIntervalSeconds);
    j["gaps"] = s.gaps;
    j["kv_cache_unit"] = std::string(KvCacheNormalizer::unitKey(s.kvRule.unit));
    j["waiting_unit"] = std::string(WaitingNormalizer::unitKey(s.waitingRule.unit));
    j["corrections"] = correctionsJson(s.waitingRule);
    j["replicas"] = Json{{"initial", SummaryJson::optional(s.replicasInitial)},
                         {"final", SummaryJson::optional(s.replicasFinal)},
                         {"min", SummaryJson::optional(s.replicasMin)},
                         {"max", SummaryJson::optional(s.replicasMax)}};
    j["events"] = Json{{"total", s.eventsTotal},
                       {"scale_up", s.scaleUps},
                       {"scale_down", s.scaleDowns},
                       {"replicas_changed", s.replicaChanges}};
    Json series = Json::object();
    for (const std::string &key : s.seriesOrder)
        series[key] = seriesJson(s.series.at(key));
    j["series"] = std::move(series);
    j["targets"] = Json{{"waiting", SummaryJson::optional(s.waitingTarget)},
                        {"kv_cache_pct", SummaryJson::optional(s.kvCacheTargetPct)}};
    j["violations"] = Json{{"waiting", violation(s.waitingViolations)},
                           {"kv_cache", violation(s.kvViolations)},
                           {"any", violation(s.anyViolations)}};
    Json matrix = Json::array();
    for (const auto &row : s.correlation) {
        Json r = Json::array();
        for (const auto &v : row)
            r.push_back(SummaryJson::optional(v));
        matrix.push_back(std::move(r));
    }
    j["correlation"] = Json{{"columns", s.correlationColumns}, {"matrix", std::move(matrix)}};
    j["autoscaling"] = ScorecardJson::toJson(s.autoscaling);
    j["prediction_errors"] = predictionErrorsJson(s.predictionErrors);
    j["bench_only"] = s.benchOnly;
    j["jobs"] = JobsJson::jobs(s);
    j["client_latency"] = JobsJson::clientLatency(s);
    Json warnings = Json::array();
    for (const LoadWarning &w : s.warnings)
        warnings.push_back(Json{{"file", w.file}, {"line", w.line}, {"message", w.message}});
    j["warnings"] = std::move(warnings);
    return j;
}

} // namespace hpa::core
