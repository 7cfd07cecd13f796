#pragma once

#include "core/model/bench_job.h"
#include "core/model/slo_limits.h"

#include <optional>
#include <string>
#include <vector>

namespace hpa::core {

/// A job's client-side latency against the SLO: each check is nullopt when the job's result
/// block has no such figure.
struct JobSloCheck
{
    std::optional<bool> ttftMedianOk, ttftP99Ok, itlMedianOk, itlP99Ok;
};

/// One job as the summary reports it.
struct JobSummary
{
    BenchJob job;
    std::string start, end; ///< placement on the experiment clock, formatted; empty = unknown
    JobSloCheck slo;
};

/// Client-side latency over all jobs with a result: request-weighted means of the jobs' mean
/// TTFT/TPOT/ITL (weight = successful requests) and the worst P99 of any job.
struct ClientLatency
{
    std::size_t jobs = 0; ///< jobs with a result block
    double requests = 0;  ///< their successful requests
    std::optional<double> ttftMeanMs, tpotMeanMs, itlMeanMs;
    std::optional<double> ttftP99WorstMs, tpotP99WorstMs, itlP99WorstMs;
    std::string ttftP99WorstJob, tpotP99WorstJob, itlP99WorstJob;
    std::size_t jobsWithinSlo = 0; ///< jobs whose TTFT and ITL median and P99 are all within
    std::size_t jobsChecked = 0;   ///< jobs with all four figures
};

} // namespace hpa::core
