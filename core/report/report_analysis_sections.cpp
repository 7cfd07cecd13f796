#include "core/report/report_analysis_sections.h"

#include "core/model/number_format.h"
#include "core/report/comparison_text.h"
#include "core/report/replay_json.h"
#include "core/report/scorecard_kpi_list.h"

#include <fmt/format.h>

#include <set>

namespace hpa::core {

namespace {

std::string num(double v, int decimals = 2)
{
    return NumberFormat::fixed(v, decimals);
}

std::string seconds(const std::optional<double> &v)
{
    return v ? num(*v, 1) : std::string("censored");
}

/// A JSON value of the replay document as a table cell.
std::string cell(const nlohmann::ordered_json &v)
{
    if (v.is_null())
        return "N/A";
    if (v.is_number_float())
        return num(v.get<double>(), 3);
    if (v.is_string())
        return v.get<std::string>();
    return v.dump();
}

/// "up_window_s" -> "up window s": the JSON keys of the replay, readable in a header.
std::string words(std::string key)
{
    for (char &c : key)
        if (c == '_')
            c = ' ';
    return key;
}

} // namespace

void ReportAnalysisSections::scorecard(HtmlWriter &w, const Scorecard &s)
{
    w.keyValues(
        {{"Supply", "requested replicas (the replicas column)"},
         {"Demand", fmt::format("{} (min {} replicas, max {}), onset delay {} s",
                                ScorecardSettings::demandKey(s.settings.demand), s.limits.floor(),
                                s.limits.maxReplicas ? std::to_string(*s.limits.maxReplicas)
                                                     : std::string("unknown"),
                                num(s.settings.onsetDelaySeconds, 1))},
         {"Covered time", fmt::format("{} s ({} s uncovered in {} interval(s); gap threshold {} s)",
                                      num(s.coveredS, 1), num(s.uncoveredS, 1),
                                      s.uncoveredIntervals, num(s.gapThresholdS, 1))},
         {"Time resolution", num(s.resolutionS, 1) + " s (the median sample interval)"},
         {"SLO limits", fmt::format("TTFT ≤ {} ms, ITL ≤ {} ms", num(s.settings.sloTtftMs, 0),
                                    num(s.settings.sloItlMs, 0))}});
    if (!s.hasReplicas || !s.hasMetric) {
        w.paragraph(s.hasReplicas ? "Not judged: the run has no waiting or KV cache column with "
                                    "its target, so the demand is unknown."
                                  : "Not judged: the run has no replicas column.",
                    "note");
        return;
    }
    if (!s.judged())
        w.paragraph("Not judged: no interval was covered (every gap exceeds the threshold).",
                    "note");
    HtmlWriter::Table t;
    t.headers = {"KPI", "Value", "Unit"};
    t.numeric = {false, true, false};
    for (const ScorecardKpiList::Kpi &k : ScorecardKpiList::list(s))
        t.rows.push_back({k.label, ScorecardKpiList::valueText(k, s), k.unit});
    w.table(t);
    w.paragraph("N/A: not known for this run (never 0 for missing). Time KPIs carry ± the "
                "sample resolution.",
                "note");
}

void ReportAnalysisSections::definitions(HtmlWriter &w, const Scorecard &s)
{
    std::vector<std::pair<std::string, std::string>> terms;
    for (const ScorecardKpiList::Kpi &k : ScorecardKpiList::list(s))
        terms.emplace_back(k.label + " (" + k.unit + ")",
                           k.definition + " Source: " + k.source + ".");
    terms.emplace_back("Required replicas (demand)",
                       "What the HPA's own formula asks for from the recorded metrics: "
                       "ceil(replicas × metric / target) for each metric, the largest, at least "
                       "minReplicas (hpa-ideal), or also capped at maxReplicas (hpa-reachable).");
    terms.emplace_back("Covered time T",
                       "Sample intervals no longer than the gap threshold with replicas and "
                       "demand known; every sum and share is taken over T only.");
    w.definitions(terms);
}

void ReportAnalysisSections::episodes(HtmlWriter &w, const Scorecard &s)
{
    if (!s.hasMetric) {
        w.paragraph("No episodes: the run has no metric with a target to breach.", "note");
        return;
    }
    if (s.episodes.empty()) {
        w.paragraph(fmt::format("No scale-up episode: no metric exceeded its target by more than "
                                "{} %.",
                                num((s.settings.breachRatio - 1) * 100, 0)),
                    "note");
        return;
    }
    HtmlWriter::Table t;
    t.headers = {"#",      "Breach",   "Decision", "Caught up",
                 "Relief", "Reaction", "Catch-up", "Time to relief"};
    t.numeric = std::vector<bool>(8, true);
    std::size_t n = 0;
    for (const ScalingEpisode &e : s.episodes)
        t.rows.push_back({std::to_string(++n), seconds(e.breachS), seconds(e.decisionS),
                          seconds(e.caughtUpS), seconds(e.reliefS), seconds(e.reactionS()),
                          seconds(e.catchUpS()), seconds(e.timeToReliefS())});
    w.paragraph(fmt::format("Seconds from the first sample, ± {} s (the sample interval). "
                            "Breach: a metric above {} % of its target; decision: the HPA "
                            "wants more replicas; caught up: the requested replicas reach the "
                            "decided count (HPA status, not pod readiness); relief: every metric "
                            "back within the breach level. Censored: the run ended first.",
                            num(s.resolutionS, 1), num(s.settings.breachRatio * 100, 0)),
                "note");
    w.table(t);
    w.keyValues(
        {{"Episodes", fmt::format("{} ({} censored)", s.episodes.size(), s.censored)},
         {"Median reaction",
          s.reactionMedianS ? num(*s.reactionMedianS, 1) + " s" : std::string("N/A")},
         {"Median time to relief",
          s.timeToReliefMedianS ? num(*s.timeToReliefMedianS, 1) + " s" : std::string("N/A")}});
}

void ReportAnalysisSections::comparison(HtmlWriter &w, const ExperimentComparison &c)
{
    if (c.sameRun())
        w.paragraph("A and B are the same run: every difference is zero by construction.", "note");
    w.paragraph("B relative to A. Verdict: better or worse by the statistic's direction; "
                "same within the measurement's resolution; blank where a side has no value or "
                "the statistic only describes the run.",
                "note");
    HtmlWriter::Table t;
    t.headers = {"Statistic", "A", "B", "B − A", "Change", "Verdict"};
    t.numeric = {false, true, true, true, true, false};
    t.cssClass = "comparison";
    std::set<std::string> withData;
    for (const ComparisonRow &r : c.rows())
        if (r.a || r.b || !r.notCollected.empty())
            withData.insert(r.group);
    std::string group;
    const auto value = [](const std::optional<double> &v) {
        return v ? NumberFormat::fixed(*v, 3) : std::string("N/A");
    };
    for (const ComparisonRow &r : c.rows()) {
        if (r.group != group) {
            group = r.group;
            t.rows.push_back(
                {group, "", "", "", "", withData.count(group) ? "" : "no data in either run"});
            t.rowClasses.resize(t.rows.size() - 1);
            t.rowClasses.push_back("group");
        }
        if (!withData.count(group))
            continue;
        if (!r.notCollected.empty()) {
            t.rows.push_back({r.notCollected, "", "", "", "", ""});
            continue;
        }
        std::string label = r.label;
        if (r.resolution)
            label += " (± " + num(*r.resolution, 1) + " s)";
        std::string verdict(r.verdict == Verdict::Unknown
                                ? std::string_view()
                                : ExperimentComparison::verdictKey(r.verdict));
        if (!r.note.empty())
            verdict += (verdict.empty() ? "" : ": ") + r.note;
        t.rows.push_back({label, value(r.a), value(r.b),
                          r.delta ? ComparisonText::signedNumber(*r.delta, 3) : "",
                          r.percent ? ComparisonText::signedNumber(*r.percent, 1) + " %" : "",
                          verdict});
        t.rowClasses.resize(t.rows.size() - 1);
        t.rowClasses.push_back(r.verdict == Verdict::Better  ? "better"
                               : r.verdict == Verdict::Worse ? "worse"
                                                             : "");
    }
    w.table(t);
    w.heading(3, "settings-differ", "Settings that differ");
    if (c.metadataDifferences().empty()) {
        w.paragraph("None: the runs were configured alike (as far as their files say).", "note");
        return;
    }
    HtmlWriter::Table d;
    d.headers = {"Setting", "A", "B"};
    for (const MetadataDifference &m : c.metadataDifferences())
        d.rows.push_back({m.key, m.a.value_or("(not set)"), m.b.value_or("(not set)")});
    w.table(d);
}

void ReportAnalysisSections::replay(HtmlWriter &w, const HpaReplayReport &r,
                                    const std::string &hpaFile)
{
    w.paragraph("The Kubernetes HPA algorithm replayed over the recorded metrics with the spec "
                "from " +
                    hpaFile +
                    ". The self-check replays it open-loop on the recorded replicas; the "
                    "what-ifs replay it closed-loop and are estimates of the replica curve, "
                    "never a prediction of latency.",
                "note");
    if (!r.problem.empty()) {
        w.paragraph("The replay could not run: " + r.problem, "warning");
        return;
    }
    const HpaSelfCheck &c = r.selfCheck;
    w.heading(3, "self-check", "Self-check");
    w.keyValues(
        {{"Agreement with the recorded desired replicas",
          c.agreement ? num(*c.agreement * 100, 1) + " % of the compared time"
                      : std::string("nothing could be compared")},
         {"Mean absolute difference",
          c.meanAbsDiff ? num(*c.meanAbsDiff) + " replicas" : std::string("N/A")},
         {"First divergence", c.firstDivergenceS
                                  ? num(*c.firstDivergenceS, 1) + " s from the first sample"
                                  : std::string(c.agreement ? "none" : "N/A")},
         {"Compared", fmt::format("{} s after a warm-up of {} s (controller memory before the "
                                  "recording is unknown)",
                                  num(c.comparedSeconds, 1), num(c.warmupSeconds, 1))},
         {"Syncs replayed", fmt::format("{} ({} skipped)", r.syncs, r.skippedSyncs)}});
    w.heading(3, "what-ifs", "What-ifs");
    const nlohmann::ordered_json doc = ReplayJson::toJson(r, false);
    const auto &whatifs = doc["whatifs"];
    if (whatifs.empty()) {
        w.paragraph("No what-if was replayed.", "note");
        return;
    }
    // One column per what-if (there are few, the KPIs many), one row per KPI of the replay
    // document: the report shows what `hpa-lens replay --json` shows, under the same names.
    HtmlWriter::Table t;
    t.headers = {"KPI"};
    t.numeric = {false};
    for (const auto &whatif : whatifs) {
        std::string settings;
        for (const auto &[key, v] : whatif["settings"].items())
            settings += (settings.empty() ? "" : " ") + key + "=" + cell(v);
        t.headers.push_back(settings.empty() ? "the spec as loaded" : settings);
        t.numeric.push_back(true);
    }
    for (const auto &[key, first] : whatifs.front()["autoscaling"].items()) {
        std::vector<std::string> row{words(key)};
        for (const auto &whatif : whatifs)
            row.push_back(cell(whatif["autoscaling"].value(key, nlohmann::ordered_json())));
        t.rows.push_back(std::move(row));
    }
    std::vector<std::string> speedup{"elastic speedup"};
    for (const auto &whatif : whatifs)
        speedup.push_back(cell(whatif["elastic_speedup"]));
    t.rows.push_back(std::move(speedup));
    w.table(t);
    w.paragraph("Elastic speedup: the what-if against the recording (> 1 = better). hpa-lens "
                "replay DIR --hpa FILE --set KEY=VALUE runs more what-ifs.",
                "note");
}

} // namespace hpa::core
