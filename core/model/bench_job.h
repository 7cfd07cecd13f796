#pragma once

#include "core/model/bench_config.h"
#include "core/model/bench_result.h"
#include "core/model/job_placement.h"

#include <optional>
#include <string>
#include <vector>

namespace hpa::core {

/// A wall-clock reading of a vLLM log line. The logger prints no year (`INFO 12-09 19:47:35`);
/// `year` is 0 then. The one `[2025-12-09 19:47:38]` line has it.
struct LogClockTime
{
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    int line = 0;

    /// Seconds since the epoch read as UTC, with `fallbackYear` when the log gave none;
    /// nullopt when neither has a year.
    std::optional<double> seconds(int fallbackYear = 0) const;
};

/// One Kubernetes Job running `vllm bench serve`, read from `job-logs/<job>_<pod>.log`.
struct BenchJob
{
    enum class Outcome
    {
        Complete,          ///< a whole result block
        Partial,           ///< the block is cut off: the fields before the cut are kept
        KilledDuringRun,   ///< the main progress bar ran, no result block
        FailedBeforeStart, ///< no main progress bar and no result block
        NoResult           ///< no block and nothing telling why
    };

    std::string fileName; ///< "job-logs/<file>"
    std::string name;     ///< Kubernetes Job name
    std::string pod;      ///< pod name, empty when the file name does not have one
    BenchConfig config;
    std::optional<BenchResult> result; ///< the last block; nullopt when the log has none
    Outcome outcome = Outcome::NoResult;
    std::vector<std::string> errors; ///< up to 10 error lines the bench printed

    std::optional<LogClockTime> dated;  ///< the `[YYYY-MM-DD HH:MM:SS]` line
    std::optional<LogClockTime> logger; ///< the first `LEVEL MM-DD HH:MM:SS` line
    /// `MM:SS elapsed` of the last ready-check frame before the main run.
    std::optional<double> readyCheckSeconds;
    /// Elapsed time of the last main progress-bar frame.
    std::optional<double> barSeconds;
    std::optional<long long> barDone, barTotal; ///< its `n/total`

    JobPlacement placement; ///< filled by the loader

    /// Successful requests, when the block has them.
    std::optional<double> successful() const;
    /// "complete", "partial", "killed during run", "failed before start", "no result".
    static std::string outcomeName(Outcome outcome);
};

} // namespace hpa::core
