#include "core/report/summary_text.h"

#include "core/model/metric_keys.h"
#include "core/model/number_format.h"
#include "core/report/jobs_text.h"
#include "core/report/scorecard_text.h"

#include <fmt/format.h>

#include <cmath>
#include <map>
#include <vector>

namespace hpa::core {

namespace {

constexpr std::string_view kRule =
    "======================================================================\n";

void section(std::string &out, std::string_view title)
{
    out += kRule;
    out += title;
    out += '\n';
    out += kRule;
}

template <typename T> std::string orNA(const std::optional<T> &v)
{
    if (!v)
        return "N/A";
    if constexpr (std::is_floating_point_v<T>)
        return SummaryText::number(*v);
    else
        return fmt::format("{}", *v);
}

/// "hpa", or "wva, MODEL-ONLY mode, variant V (N decisions), from wva-controller-logs.jsonl".
std::string autoscalerLine(const AutoscalerInfo &a)
{
    if (a.kind == AutoscalerInfo::Kind::Hpa)
        return "hpa (Kubernetes HorizontalPodAutoscaler)";
    std::string line = "wva (llm-d Workload Variant Autoscaler)";
    if (!a.mode.empty())
        line += ", " + a.mode + " mode";
    for (const WvaVariant &v : a.variants) {
        if (v.name == a.variant)
            line += fmt::format(", variant {} ({} decisions: {} up, {} down, {} no change)", v.name,
                                v.decisionsTotal(), v.scaleUps, v.scaleDowns, v.noChanges);
    }
    if (a.variants.size() > 1)
        line += fmt::format(" of {} variants (--variant NAME)", a.variants.size());
    if (!a.source.empty())
        line += ", read from " + a.source;
    // Which file each series came from, when more than one was read.
    if (a.source.find(" and ") != std::string::npos) {
        std::map<std::string, std::vector<std::string>> byFile;
        for (const auto &[key, from] : a.sources)
            byFile[from].push_back(key);
        for (const auto &[from, keys] : byFile) {
            line += "\n                  " + from + ": ";
            for (std::size_t i = 0; i < keys.size(); ++i)
                line += (i ? ", " : "") + keys[i];
        }
    }
    if (!a.folderClock.empty())
        line += "\n                  (" + a.folderClock + ")";
    return line;
}

} // namespace

std::string SummaryText::number(double value, int decimals)
{
    return NumberFormat::fixed(value, decimals);
}

std::string SummaryText::duration(double seconds)
{
    if (!std::isfinite(seconds) || seconds < 0)
        return "N/A";
    const long long t = std::llround(seconds);
    if (t >= 3600)
        return fmt::format("{}h {:02}m {:02}s", t / 3600, (t / 60) % 60, t % 60);
    if (t >= 60)
        return fmt::format("{}m {:02}s", t / 60, t % 60);
    return fmt::format("{}s", t);
}

std::string SummaryText::render(const ExperimentSummary &s)
{
    std::string out;
    section(out, "EXPERIMENT SUMMARY");
    out += fmt::format("Experiment:       {}\n", s.name);
    out += fmt::format("Folder:           {}\n", s.path);
    out += fmt::format("Layout:           {}\n", s.layout);
    out += fmt::format("Autoscaler:       {}\n", autoscalerLine(s.autoscaler));
    for (const auto &[key, value] : s.metadata.entries())
        out += fmt::format("  {:<22} {}\n", key + ":", value);
    out += fmt::format("First sample:     {}\n", s.samples ? s.start : "N/A");
    out += fmt::format("Last sample:      {}\n", s.samples ? s.end : "N/A");
    out += fmt::format("Duration:         {}\n", duration(s.durationSeconds));
    out += fmt::format("Samples:          {} (median interval {} s, {} gap(s) > 3x median)\n",
                       s.samples, number(s.medianIntervalSeconds, 1), s.gaps);
    out += fmt::format("KV cache unit:    {} ({})\n", KvCacheNormalizer::unitKey(s.kvRule.unit),
                       s.kvRule.reason);
    if (s.benchOnly)
        out += "Bench-only run:   job-logs/ but no metrics.csv, so there is no HPA time series\n";
    if (s.waitingRule.applies || s.waitingRule.unit != WaitingUnit::Auto)
        out += fmt::format("Waiting unit:     {} ({})\n",
                           WaitingNormalizer::unitKey(s.waitingRule.unit), s.waitingRule.reason);
    out += '\n';
    out += JobsText::render(s);

    section(out, "SCALING STATISTICS");
    out += fmt::format("Initial Replicas:  {}\n", orNA(s.replicasInitial));
    out += fmt::format("Final Replicas:    {}\n", orNA(s.replicasFinal));
    out += fmt::format("Max Replicas:      {}\n", orNA(s.replicasMax));
    out += fmt::format("Min Replicas:      {}\n", orNA(s.replicasMin));
    out += fmt::format("Replica-hours:     {}\n", number(s.replicaSeconds / 3600.0, 3));
    out += fmt::format("Scaling Events:    {} ({} scale up, {} scale down, {} replica changes)\n",
                       s.eventsTotal, s.scaleUps, s.scaleDowns, s.replicaChanges);
    if (s.meanScaleUpLatencySeconds)
        out += fmt::format("Scale-up latency:  {} s mean, trigger to pods observed\n",
                           number(*s.meanScaleUpLatencySeconds, 1));
    out += '\n';

    section(out, "METRIC STATISTICS");
    out += fmt::format("{:<28}{:>10}{:>10}{:>10}{:>10}{:>10}{:>10}{:>10}\n", "Series", "count",
                       "mean", "min", "p50", "p90", "p99", "max");
    for (const std::string &key : s.seriesOrder) {
        const SeriesSummary &series = s.series.at(key);
        const std::string label = keys::displayName(key);
        if (!series.collected) {
            out += fmt::format("{:<28}  {}\n", label, series.notCollectedText);
            continue;
        }
        if (!series.hasStats) {
            out += fmt::format("{:<28}{:>10}\n", label, "no values");
            continue;
        }
        out +=
            fmt::format("{:<28}{:>10}{:>10}{:>10}{:>10}{:>10}{:>10}{:>10}\n", label, series.count,
                        number(series.mean), number(series.min), number(series.p50),
                        number(series.p90), number(series.p99), number(series.max));
    }
    out += fmt::format("Waiting requests target:  {}\n", orNA(s.waitingTarget));
    out += fmt::format("KV cache target (%):      {}\n", orNA(s.kvCacheTargetPct));
    out += '\n';

    section(out, "THRESHOLD VIOLATIONS");
    // Without a recorded target there is nothing to exceed: unknown, not 0 %.
    if (s.waitingTarget)
        out += fmt::format("Waiting Requests > {}: {}/{} samples ({:.1f}%)\n",
                           number(*s.waitingTarget), s.waitingViolations.samples, s.samples,
                           s.waitingViolations.percent);
    else
        out += "Waiting Requests: no target recorded, not judged\n";
    if (s.kvCacheTargetPct)
        out += fmt::format("KV Cache > {}%: {}/{} samples ({:.1f}%)\n", number(*s.kvCacheTargetPct),
                           s.kvViolations.samples, s.samples, s.kvViolations.percent);
    else
        out += "KV Cache: no target recorded, not judged\n";
    if (s.waitingTarget || s.kvCacheTargetPct)
        out += fmt::format("Either threshold: {}/{} samples ({:.1f}%)\n", s.anyViolations.samples,
                           s.samples, s.anyViolations.percent);
    out += '\n';

    out += ScorecardText::render(s.autoscaling);

    if (!s.predictionErrors.empty()) {
        section(out, "PREDICTION ERROR (model-based autoscaler)");
        for (const PredictionError &e : s.predictionErrors) {
            if (!e.mapePct) {
                out += fmt::format("{:<10} {} predictions, none scored (no observation of the "
                                   "predicted allocation followed)\n",
                                   e.series, e.predictions);
                continue;
            }
            out += fmt::format("{:<10} MAPE {} %, bias {} ms ({} of {} predictions scored)\n",
                               e.series, number(*e.mapePct, 1), number(*e.biasMs, 2), e.pairs,
                               e.predictions);
        }
        out += '\n';
    }

    section(out, "METRIC CORRELATION (Pearson)");
    out += fmt::format("{:<22}", "");
    for (const std::string &c : s.correlationColumns)
        out += fmt::format("{:>22}", c);
    out += '\n';
    for (std::size_t i = 0; i < s.correlationColumns.size(); ++i) {
        out += fmt::format("{:<22}", s.correlationColumns[i]);
        for (const auto &v : s.correlation[i])
            out += fmt::format("{:>22}", v ? fmt::format("{:.3f}", *v) : std::string("NaN"));
        out += '\n';
    }

    if (!s.warnings.empty()) {
        out += '\n';
        section(out, fmt::format("WARNINGS ({})", s.warnings.size()));
        for (const LoadWarning &w : s.warnings) {
            out += w.line > 0 ? fmt::format("{}:{}: {}\n", w.file, w.line, w.message)
                              : fmt::format("{}: {}\n", w.file, w.message);
        }
    }
    return out;
}

} // namespace hpa::core
