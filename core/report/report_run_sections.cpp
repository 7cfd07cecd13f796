#include "core/report/report_run_sections.h"

#include "core/model/metric_keys.h"
#include "core/model/number_format.h"
#include "core/model/timestamp.h"
#include "core/report/summary_text.h"

#include <fmt/format.h>

#include <algorithm>

namespace hpa::core {

namespace {

std::string num(double v, int decimals = 2)
{
    return NumberFormat::fixed(v, decimals);
}

template <typename T> std::string orUnknown(const std::optional<T> &v, std::string_view none)
{
    if (!v)
        return std::string(none);
    if constexpr (std::is_floating_point_v<T>)
        return num(*v);
    else
        return fmt::format("{}", *v);
}

std::string rules(const HpaScalingRules &r, double window)
{
    std::string policies;
    for (const HpaScalingPolicy &p : r.policies)
        policies += fmt::format("{}{} {} per {} s", policies.empty() ? "" : ", ",
                                HpaSpec::policyTypeKey(p.type), p.value, p.periodSeconds);
    return fmt::format("stabilization window {:g} s, select {}, policies: {}", window,
                       HpaSpec::selectPolicyKey(r.selectPolicy),
                       policies.empty() ? "none" : policies);
}

std::string jobValue(const BenchJob &job, const char *key, int decimals = 2)
{
    const auto v = job.result ? job.result->value(key) : std::nullopt;
    return v ? num(*v, decimals) : std::string("—");
}

std::string sloWord(const std::optional<bool> &ok)
{
    return !ok ? "?" : *ok ? "ok" : "over";
}

} // namespace

std::string ReportRunSections::runTitle(const ReportRun &run)
{
    return run.label.empty() ? run.summary->name : "Run " + run.label + ": " + run.summary->name;
}

void ReportRunSections::metadata(HtmlWriter &w, const ReportRun &run)
{
    const ExperimentSummary &s = *run.summary;
    std::vector<std::pair<std::string, std::string>> rows{
        {"Experiment", s.name},
        {"Folder", s.path},
        {"Layout", s.layout},
        {"First sample", s.samples ? s.start : "no samples"},
        {"Last sample", s.samples ? s.end : "no samples"},
        {"Duration", SummaryText::duration(s.durationSeconds)},
        {"Samples", fmt::format("{} (median interval {} s, {} gap(s) longer than 3 × median)",
                                s.samples, num(s.medianIntervalSeconds, 1), s.gaps)},
        {"KV cache unit",
         fmt::format("{} ({})", KvCacheNormalizer::unitKey(s.kvRule.unit), s.kvRule.reason)}};
    if (s.waitingRule.applies || s.waitingRule.unit != WaitingUnit::Auto)
        rows.emplace_back("Waiting unit",
                          fmt::format("{} ({})", WaitingNormalizer::unitKey(s.waitingRule.unit),
                                      s.waitingRule.reason));
    if (s.benchOnly)
        rows.emplace_back("Bench-only run",
                          "job-logs/ but no metrics.csv: there is no HPA time series");
    for (const auto &[key, value] : s.metadata.entries())
        rows.emplace_back("metadata.json: " + key, value);
    w.keyValues(rows);
}

void ReportRunSections::hpaConfiguration(HtmlWriter &w, const ReportRun &run)
{
    const ExperimentSummary &s = *run.summary;
    std::vector<std::pair<std::string, std::string>> rows{
        {"Waiting requests target (recorded)", orUnknown(s.waitingTarget, "not recorded")},
        {"KV cache target (recorded)",
         s.kvCacheTargetPct ? num(*s.kvCacheTargetPct) + " %" : "not recorded"}};
    if (!run.hpa) {
        w.keyValues(rows);
        w.paragraph("The HPA's spec could not be resolved for this run.", "note");
        return;
    }
    const ResolvedHpaSpec &r = *run.hpa;
    const HpaSpec &spec = r.spec;
    const auto assumed = [&r](std::string_view field) {
        return std::find(r.assumed.begin(), r.assumed.end(), field) != r.assumed.end()
                   ? " (assumed: Kubernetes default)"
                   : "";
    };
    rows.emplace_back("Spec read from", std::string(HpaSpec::sourceKey(r.source)) +
                                            (spec.name.empty() ? "" : ", " + spec.name));
    rows.emplace_back("Replicas",
                      fmt::format("min {}{}, max {}{}", spec.minReplicas, assumed("min_replicas"),
                                  spec.maxReplicas, assumed("max_replicas")));
    rows.emplace_back("Tolerance",
                      spec.toleranceUp() == spec.toleranceDown()
                          ? fmt::format("{:g}{}", spec.toleranceUp(), assumed("tolerance"))
                          : fmt::format("{:g} up, {:g} down{}", spec.toleranceUp(),
                                        spec.toleranceDown(), assumed("tolerance")));
    rows.emplace_back("Sync period", fmt::format("{:g} s{}", spec.controller.syncPeriodSeconds,
                                                 assumed("sync_period_s")));
    for (const HpaMetricSpec &m : spec.metrics)
        rows.emplace_back("Metric " + m.name, fmt::format("target {:g} per pod", m.target));
    if (spec.behavior) {
        rows.emplace_back("Scale up", rules(spec.behavior->scaleUp, spec.scaleUpWindowSeconds()));
        rows.emplace_back("Scale down",
                          rules(spec.behavior->scaleDown, spec.scaleDownWindowSeconds()));
    } else {
        rows.emplace_back("Behavior",
                          fmt::format("none{}: scale-down window {:g} s, scale-up at most "
                                      "max(2 × current, 4) per sync",
                                      assumed("behavior"),
                                      spec.controller.downscaleStabilizationSeconds));
    }
    w.keyValues(rows);
    std::vector<std::string> notes = r.notes;
    for (const LoadWarning &warning : r.warnings)
        notes.push_back(warning.line > 0
                            ? fmt::format("{}:{}: {}", warning.file, warning.line, warning.message)
                            : fmt::format("{}: {}", warning.file, warning.message));
    w.list(notes, "note");
}

void ReportRunSections::statistics(HtmlWriter &w, const ExperimentSummary &s)
{
    const auto replicas = [](const std::optional<int> &v) {
        return orUnknown(v, "N/A");
    };
    w.keyValues(
        {{"Replicas initial / final",
          replicas(s.replicasInitial) + " / " + replicas(s.replicasFinal)},
         {"Replicas min / max", replicas(s.replicasMin) + " / " + replicas(s.replicasMax)},
         {"Replica-hours", num(s.replicaSeconds / 3600.0, 3)},
         {"Scaling events", fmt::format("{} ({} scale up, {} scale down, {} replica changes)",
                                        s.eventsTotal, s.scaleUps, s.scaleDowns, s.replicaChanges)},
         {"Scale-up latency", s.meanScaleUpLatencySeconds ? num(*s.meanScaleUpLatencySeconds, 1) +
                                                                " s mean, trigger to pods observed"
                                                          : "no scale-up reached its replicas"}});
    HtmlWriter::Table t;
    t.headers = {"Series", "count", "mean", "min", "p50", "p90", "p99", "max"};
    t.numeric = {false, true, true, true, true, true, true, true};
    for (const std::string &key : s.seriesOrder) {
        const SeriesSummary &series = s.series.at(key);
        const std::string label = keys::displayName(key);
        if (!series.collected)
            t.rows.push_back({label, series.notCollectedText, "", "", "", "", "", ""});
        else if (!series.hasStats)
            t.rows.push_back({label, "no values", "", "", "", "", "", ""});
        else
            t.rows.push_back({label, std::to_string(series.count), num(series.mean),
                              num(series.min), num(series.p50), num(series.p90), num(series.p99),
                              num(series.max)});
    }
    if (!t.rows.empty())
        w.table(t);
    const auto violations = [&s](const ViolationSummary &v) {
        return fmt::format("{} of {} samples ({:.1f} %)", v.samples, s.samples, v.percent);
    };
    w.keyValues({{"Waiting requests > " + orUnknown(s.waitingTarget, "target (not recorded)"),
                  violations(s.waitingViolations)},
                 {"KV cache > " + (s.kvCacheTargetPct ? num(*s.kvCacheTargetPct) + " %"
                                                      : std::string("target (not recorded)")),
                  violations(s.kvViolations)},
                 {"Either threshold", violations(s.anyViolations)}});
    if (s.correlationColumns.size() > 1) {
        HtmlWriter::Table c;
        c.headers.push_back("Pearson correlation");
        c.numeric.push_back(false);
        for (const std::string &name : s.correlationColumns) {
            c.headers.push_back(name);
            c.numeric.push_back(true);
        }
        for (std::size_t i = 0; i < s.correlationColumns.size(); ++i) {
            std::vector<std::string> row{s.correlationColumns[i]};
            for (const auto &v : s.correlation[i])
                row.push_back(v ? num(*v, 3) : "—");
            c.rows.push_back(std::move(row));
        }
        w.table(c);
        w.paragraph("— : undefined (a series without variation or without common samples).",
                    "note");
    }
}

void ReportRunSections::events(HtmlWriter &w, const ReportRun &run)
{
    const Experiment *e = run.experiment;
    if (!e || e->events.empty()) {
        w.paragraph(e ? "No scaling events were recorded in this run."
                      : "The scaling events of this run were not read.",
                    "note");
        return;
    }
    const double first =
        e->metrics.time().empty() ? e->events.front().time : e->metrics.time().front();
    const bool naive = e->metrics.naiveTime();
    HtmlWriter::Table t;
    t.headers = {"Time", "Elapsed", "Event", "From", "To", "Source"};
    t.numeric = {false, true, false, true, true, false};
    const std::size_t listed = std::min(e->events.size(), kMaxEvents);
    for (std::size_t i = 0; i < listed; ++i) {
        const ScalingEvent &ev = e->events[i];
        const std::string_view file = e->eventTexts.file(ev);
        t.rows.push_back(
            {Timestamp::format(ev.time, naive), Timestamp::formatElapsed(ev.time - first),
             std::string(eventKindLabel(ev.kind)), std::to_string(ev.from), std::to_string(ev.to),
             file.empty() ? std::string("—") : fmt::format("{}:{}", file, ev.line)});
    }
    w.paragraph("From / To: desired replicas for a scale up or down (the HPA's decision), "
                "current replicas for a replica change (what the monitor observed). Elapsed "
                "counts from the first sample.",
                "note");
    w.table(t);
    if (e->events.size() > listed)
        w.paragraph(fmt::format("{} more events are not listed here (the first {} are); "
                                "hpa-lens shows them all.",
                                e->events.size() - listed, listed),
                    "note");
}

void ReportRunSections::jobs(HtmlWriter &w, const ExperimentSummary &s)
{
    HtmlWriter::Table t;
    t.headers = {"Job",           "Outcome",    "Placed",         "Request rate",
                 "Requests ok",   "Failed",     "TTFT median ms", "TTFT P99 ms",
                 "ITL median ms", "ITL P99 ms", "SLO (TTFT, ITL)"};
    t.numeric = {false, false, false, true, true, true, true, true, true, true, false};
    for (const JobSummary &j : s.jobs) {
        const BenchJob &job = j.job;
        const std::string placed =
            job.placement.placed() ? j.start + " → " + (j.end.empty() ? std::string("?") : j.end)
                                   : "not placed: " + job.placement.detail;
        const std::string slo =
            job.result
                ? fmt::format("{}/{}, {}/{}", sloWord(j.slo.ttftMedianOk), sloWord(j.slo.ttftP99Ok),
                              sloWord(j.slo.itlMedianOk), sloWord(j.slo.itlP99Ok))
                : std::string("no result");
        t.rows.push_back({job.name, BenchJob::outcomeName(job.outcome), placed,
                          job.config.text("request_rate").value_or("?"),
                          jobValue(job, "successful_requests", 0),
                          jobValue(job, "failed_requests", 0), jobValue(job, "median_ttft_ms"),
                          jobValue(job, "p99_ttft_ms"), jobValue(job, "median_itl_ms"),
                          jobValue(job, "p99_itl_ms"), slo});
    }
    w.paragraph(fmt::format("{} vllm bench serve log(s) in job-logs/. SLO: median/P99 against "
                            "TTFT ≤ {} ms and ITL ≤ {} ms; ? = the log has no such figure; "
                            "— = not in the log.",
                            s.jobs.size(), num(s.slo.ttftMs, 0), num(s.slo.itlMs, 0)),
                "note");
    w.table(t);
    const ClientLatency &c = s.clientLatency;
    const auto ms = [](const std::optional<double> &v) {
        return v ? num(*v) + " ms" : std::string("not in the logs");
    };
    const auto worst = [&ms](const std::optional<double> &v, const std::string &job) {
        return ms(v) + (v ? " (" + job + ")" : std::string());
    };
    w.keyValues(
        {{"Jobs with a result",
          fmt::format("{} ({} successful requests)", c.jobs, num(c.requests, 0))},
         {"Mean TTFT (request-weighted)", ms(c.ttftMeanMs)},
         {"Mean TPOT (request-weighted)", ms(c.tpotMeanMs)},
         {"Mean ITL (request-weighted)", ms(c.itlMeanMs)},
         {"Worst P99 TTFT", worst(c.ttftP99WorstMs, c.ttftP99WorstJob)},
         {"Worst P99 TPOT", worst(c.tpotP99WorstMs, c.tpotP99WorstJob)},
         {"Worst P99 ITL", worst(c.itlP99WorstMs, c.itlP99WorstJob)},
         {"Within SLO (median and P99)",
          fmt::format("{} of {} job(s) with all four figures", c.jobsWithinSlo, c.jobsChecked)}});
}

void ReportRunSections::warnings(HtmlWriter &w, const ExperimentSummary &s)
{
    if (s.warnings.empty()) {
        w.paragraph("No warnings: every file was read without a problem.", "note");
        return;
    }
    std::vector<std::string> lines;
    for (const LoadWarning &warning : s.warnings)
        lines.push_back(warning.line > 0
                            ? fmt::format("{}:{}: {}", warning.file, warning.line, warning.message)
                            : fmt::format("{}: {}", warning.file, warning.message));
    w.list(lines, "warnings");
}

} // namespace hpa::core
