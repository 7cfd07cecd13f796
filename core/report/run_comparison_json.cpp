#include "core/report/run_comparison_json.h"

#include "core/report/summary_json.h"

namespace hpa::core {

using Json = nlohmann::ordered_json;

namespace {

Json number(const std::optional<double> &v)
{
    return v ? SummaryJson::number(*v) : Json(nullptr);
}

} // namespace

Json RunComparisonJson::toJson(const RunComparison &c)
{
    const std::size_t n = c.runCount();
    Json runs = Json::array();
    for (std::size_t i = 0; i < n; ++i)
        runs.push_back(Json{{"label", RunComparison::letter(i)},
                            {"summary", SummaryJson::toJson(c.summaries()[i])}});
    Json statistics = Json::array();
    for (const RunComparisonRow &r : c.rows()) {
        Json values = Json::object(), delta = Json::object(), percent = Json::object(),
             verdict = Json::object();
        for (std::size_t i = 0; i < n; ++i) {
            const RunComparisonCell &cell = r.cells[i];
            const std::string l = RunComparison::letter(i);
            values[l] = number(cell.value);
            if (i == 0)
                continue;
            delta[l] = number(cell.delta);
            percent[l] = number(cell.percent);
            verdict[l] = std::string(ExperimentComparison::verdictKey(cell.verdict));
        }
        Json row{{"key", r.key},   {"group", r.group},   {"label", r.label},  {"values", values},
                 {"delta", delta}, {"percent", percent}, {"verdict", verdict}};
        if (r.resolution)
            row["resolution_s"] = SummaryJson::number(*r.resolution);
        if (!r.notCollected.empty())
            row["not_collected"] = r.notCollected;
        statistics.push_back(std::move(row));
    }
    Json settings = Json::array();
    for (const RunSettingDifference &d : c.settingDifferences()) {
        Json values = Json::object();
        for (std::size_t i = 0; i < n; ++i)
            values[RunComparison::letter(i)] = d.values[i] ? Json(*d.values[i]) : Json(nullptr);
        settings.push_back(Json{{"key", d.key}, {"values", std::move(values)}});
    }
    Json load = Json::object();
    for (std::size_t i = 1; i < n; ++i)
        load[RunComparison::letter(i)] =
            std::string(LoadProfileMatch::kindKey(c.pair(i).loadProfile().kind));
    return Json{{"baseline", RunComparison::letter(0)},
                {"runs", std::move(runs)},
                {"statistics", std::move(statistics)},
                {"settings_that_differ", std::move(settings)},
                {"load_profile", std::move(load)}};
}

} // namespace hpa::core
