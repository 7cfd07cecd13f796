#include "core/report/jobs_text.h"

#include "core/model/number_format.h"

#include <fmt/format.h>

namespace hpa::core {

namespace {

constexpr std::string_view kRule =
    "======================================================================\n";

std::string ms(const std::optional<double> &v)
{
    return v ? NumberFormat::fixed(*v, 2) + " ms" : std::string("not in the logs");
}

std::string verdict(const std::optional<bool> &ok)
{
    return !ok ? "?" : *ok ? "ok" : "OVER";
}

std::string value(const BenchJob &job, const char *key)
{
    const auto v = job.result ? job.result->value(key) : std::nullopt;
    return v ? NumberFormat::fixed(*v, 2) : std::string("-");
}

} // namespace

std::string JobsText::render(const ExperimentSummary &s)
{
    if (s.jobs.empty())
        return {};
    std::string out;
    out += kRule;
    out += fmt::format("JOBS (vllm bench serve, {} log(s) in job-logs/)\n", s.jobs.size());
    out += kRule;
    for (const JobSummary &j : s.jobs) {
        const BenchJob &job = j.job;
        out += fmt::format("{}  [{}]\n", job.name, BenchJob::outcomeName(job.outcome));
        if (job.placement.placed())
            out += fmt::format("  placed:   {} → {}\n", j.start, j.end.empty() ? "?" : j.end);
        else
            out += "  placed:   not placed\n";
        out += fmt::format("  {}:  {}\n", job.placement.placed() ? "how   " : "why   ",
                           job.placement.detail);
        const auto rate = job.config.text("request_rate");
        const auto prompts = job.config.text("num_prompts");
        out += fmt::format("  config:   request_rate={} num_prompts={} max_concurrency={}\n",
                           rate.value_or("?"), prompts.value_or("?"),
                           job.config.text("max_concurrency").value_or("?"));
        if (job.result) {
            out += fmt::format("  requests: {} ok, {} failed, {} s\n",
                               value(job, "successful_requests"), value(job, "failed_requests"),
                               value(job, "benchmark_duration_s"));
            out += fmt::format("  TTFT ms:  mean {} median {} P99 {}   ITL ms: mean {} median {} "
                               "P99 {}\n",
                               value(job, "mean_ttft_ms"), value(job, "median_ttft_ms"),
                               value(job, "p99_ttft_ms"), value(job, "mean_itl_ms"),
                               value(job, "median_itl_ms"), value(job, "p99_itl_ms"));
            out += fmt::format("  SLO:      TTFT ≤ {} ms: median {}, P99 {};  ITL ≤ {} ms: median "
                               "{}, P99 {}\n",
                               NumberFormat::fixed(s.slo.ttftMs, 0), verdict(j.slo.ttftMedianOk),
                               verdict(j.slo.ttftP99Ok), NumberFormat::fixed(s.slo.itlMs, 0),
                               verdict(j.slo.itlMedianOk), verdict(j.slo.itlP99Ok));
        }
    }
    out += '\n';
    const ClientLatency &c = s.clientLatency;
    out += kRule;
    out += "CLIENT LATENCY (client-side, per job (vllm bench))\n";
    out += kRule;
    out += fmt::format("Jobs with a result: {} ({} successful requests)\n", c.jobs,
                       NumberFormat::fixed(c.requests, 0));
    out += fmt::format("Mean TTFT (request-weighted): {}\n", ms(c.ttftMeanMs));
    out += fmt::format("Mean TPOT (request-weighted): {}\n", ms(c.tpotMeanMs));
    out += fmt::format("Mean ITL (request-weighted):  {}\n", ms(c.itlMeanMs));
    out += fmt::format("Worst P99 TTFT: {}{}\n", ms(c.ttftP99WorstMs),
                       c.ttftP99WorstMs ? " (" + c.ttftP99WorstJob + ")" : "");
    out += fmt::format("Worst P99 TPOT: {}{}\n", ms(c.tpotP99WorstMs),
                       c.tpotP99WorstMs ? " (" + c.tpotP99WorstJob + ")" : "");
    out += fmt::format("Worst P99 ITL:  {}{}\n", ms(c.itlP99WorstMs),
                       c.itlP99WorstMs ? " (" + c.itlP99WorstJob + ")" : "");
    out += fmt::format("Within SLO (TTFT ≤ {} ms, ITL ≤ {} ms, median and P99): {} of {} job(s)\n",
                       NumberFormat::fixed(s.slo.ttftMs, 0), NumberFormat::fixed(s.slo.itlMs, 0),
                       c.jobsWithinSlo, c.jobsChecked);
    out += '\n';
    return out;
}

} // namespace hpa::core
