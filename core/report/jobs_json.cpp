#include "core/report/jobs_json.h"

#include "core/report/summary_json.h"

#include <cmath>
#include <cstdlib>

namespace hpa::core {

using Json = nlohmann::ordered_json;

namespace {

Json placementJson(const JobSummary &s)
{
    const JobPlacement &p = s.job.placement;
    return JobPlacement::methodName(p.method) + (p.detail.empty() ? "" : ": " + p.detail);
}

Json sloJson(const JobSloCheck &c, const SloLimits &limits)
{
    return Json{{"ttft_limit_ms", limits.ttftMs},
                {"itl_limit_ms", limits.itlMs},
                {"ttft_median_ok", SummaryJson::optional(c.ttftMedianOk)},
                {"ttft_p99_ok", SummaryJson::optional(c.ttftP99Ok)},
                {"itl_median_ok", SummaryJson::optional(c.itlMedianOk)},
                {"itl_p99_ok", SummaryJson::optional(c.itlP99Ok)}};
}

} // namespace

Json JobsJson::configValue(const std::string &text)
{
    if (text == "None")
        return nullptr;
    if (text == "True" || text == "False")
        return text == "True";
    char *end = nullptr;
    const double v = std::strtod(text.c_str(), &end);
    if (!text.empty() && end == text.c_str() + text.size() && std::isfinite(v))
        return v == std::floor(v) && std::fabs(v) < 9e15 && text.find('.') == std::string::npos
                   ? Json(static_cast<long long>(v))
                   : Json(v);
    return text; // "inf" stays a string: JSON has no infinity
}

Json JobsJson::jobs(const ExperimentSummary &summary)
{
    Json list = Json::array();
    for (const JobSummary &s : summary.jobs) {
        const BenchJob &job = s.job;
        Json config = Json::object();
        for (const auto &[key, value] : job.config.fields)
            config[key] = configValue(value);
        Json result = nullptr;
        if (job.result) {
            result = Json::object();
            for (const BenchField &f : job.result->fields) {
                if (!f.value)
                    result[f.key] = nullptr;
                else if (std::isfinite(*f.value) && f.text.find('.') == std::string::npos)
                    result[f.key] = static_cast<long long>(*f.value);
                else
                    result[f.key] = SummaryJson::number(*f.value);
            }
        }
        list.push_back(Json{{"name", job.name},
                            {"pod", job.pod},
                            {"file", job.fileName},
                            {"outcome", BenchJob::outcomeName(job.outcome)},
                            {"placed", job.placement.placed()},
                            {"placement", placementJson(s)},
                            {"start", s.start.empty() ? Json(nullptr) : Json(s.start)},
                            {"end", s.end.empty() ? Json(nullptr) : Json(s.end)},
                            {"config", std::move(config)},
                            {"result", std::move(result)},
                            {"slo", sloJson(s.slo, summary.slo)}});
    }
    return list;
}

Json JobsJson::clientLatency(const ExperimentSummary &summary)
{
    const ClientLatency &c = summary.clientLatency;
    const auto worst = [](const std::optional<double> &v, const std::string &job) {
        return Json{{"ms", SummaryJson::optional(v)}, {"job", v ? Json(job) : Json(nullptr)}};
    };
    return Json{{"source", "client-side, per job (vllm bench)"},
                {"jobs", c.jobs},
                {"requests", SummaryJson::number(c.requests)},
                {"ttft_mean_ms", SummaryJson::optional(c.ttftMeanMs)},
                {"tpot_mean_ms", SummaryJson::optional(c.tpotMeanMs)},
                {"itl_mean_ms", SummaryJson::optional(c.itlMeanMs)},
                {"ttft_p99_worst", worst(c.ttftP99WorstMs, c.ttftP99WorstJob)},
                {"tpot_p99_worst", worst(c.tpotP99WorstMs, c.tpotP99WorstJob)},
                {"itl_p99_worst", worst(c.itlP99WorstMs, c.itlP99WorstJob)},
                {"slo", Json{{"ttft_limit_ms", summary.slo.ttftMs},
                             {"itl_limit_ms", summary.slo.itlMs},
                             {"jobs_checked", c.jobsChecked},
                             {"jobs_within", c.jobsWithinSlo}}}};
}

} // namespace hpa::core
