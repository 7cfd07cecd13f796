#include "core/analysis/client_latency_analyzer.h"

#include "core/model/timestamp.h"

#include <cmath>

namespace hpa::core {

namespace {

std::optional<bool> within(const BenchJob &job, const char *key, double limit)
{
    if (!job.result)
        return std::nullopt;
    const auto v = job.result->value(key);
    if (!v || std::isnan(*v))
        return std::nullopt;
    return *v <= limit;
}

struct Weighted
{
    double sum = 0, weight = 0;
    void add(std::optional<double> v, double w)
    {
        if (v && std::isfinite(*v) && w > 0) {
            sum += *v * w;
            weight += w;
        }
    }
    std::optional<double> mean() const
    {
        return weight > 0 ? std::optional<double>(sum / weight) : std::nullopt;
    }
};

void worst(std::optional<double> v, const std::string &job, std::optional<double> &max,
           std::string &name)
{
    if (v && std::isfinite(*v) && (!max || *v > *max)) {
        max = v;
        name = job;
    }
}

} // namespace

JobSloCheck ClientLatencyAnalyzer::check(const BenchJob &job, const SloLimits &slo)
{
    JobSloCheck c;
    c.ttftMedianOk = within(job, "median_ttft_ms", slo.ttftMs);
    c.ttftP99Ok = within(job, "p99_ttft_ms", slo.ttftMs);
    c.itlMedianOk = within(job, "median_itl_ms", slo.itlMs);
    c.itlP99Ok = within(job, "p99_itl_ms", slo.itlMs);
    return c;
}

std::vector<JobSummary> ClientLatencyAnalyzer::jobs(const Experiment &experiment,
                                                    const SloLimits &slo)
{
    const bool naive = experiment.metrics.empty() ? false : experiment.metrics.naiveTime();
    std::vector<JobSummary> out;
    out.reserve(experiment.jobs.size());
    for (const BenchJob &job : experiment.jobs) {
        JobSummary s;
        s.job = job;
        if (job.placement.placed()) {
            s.start = Timestamp::format(*job.placement.start, naive);
            if (job.placement.end)
                s.end = Timestamp::format(*job.placement.end, naive);
        }
        s.slo = check(job, slo);
        out.push_back(std::move(s));
    }
    return out;
}

ClientLatency ClientLatencyAnalyzer::summarize(const std::vector<JobSummary> &jobs)
{
    ClientLatency c;
    Weighted ttft, tpot, itl;
    for (const JobSummary &s : jobs) {
        const BenchJob &job = s.job;
        if (!job.result)
            continue;
        ++c.jobs;
        const double n = job.successful().value_or(0);
        c.requests += n;
        const BenchResult &r = *job.result;
        ttft.add(r.value("mean_ttft_ms"), n);
        tpot.add(r.value("mean_tpot_ms"), n);
        itl.add(r.value("mean_itl_ms"), n);
        worst(r.value("p99_ttft_ms"), job.name, c.ttftP99WorstMs, c.ttftP99WorstJob);
        worst(r.value("p99_tpot_ms"), job.name, c.tpotP99WorstMs, c.tpotP99WorstJob);
        worst(r.value("p99_itl_ms"), job.name, c.itlP99WorstMs, c.itlP99WorstJob);
        const JobSloCheck &k = s.slo;
        if (k.ttftMedianOk && k.ttftP99Ok && k.itlMedianOk && k.itlP99Ok) {
            ++c.jobsChecked;
            c.jobsWithinSlo += *k.ttftMedianOk && *k.ttftP99Ok && *k.itlMedianOk && *k.itlP99Ok;
        }
    }
    c.ttftMeanMs = ttft.mean();
    c.tpotMeanMs = tpot.mean();
    c.itlMeanMs = itl.mean();
    return c;
}

} // namespace hpa::core
