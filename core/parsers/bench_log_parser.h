#pragma once

#include "core/model/bench_job.h"
#include "core/model/load_warning.h"
#include "core/model/warning_list.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hpa::core {

/// Reads one `vllm bench serve` job log (../shared/specs/vllm-bench-log.md): the last
/// "Serving Benchmark Result" block, the `Namespace(...)` configuration, the logger clock and
/// the progress bars. The log is split on both `\r` and `\n` (tqdm frames), labels are matched
/// case-insensitively anywhere in a piece (stdout and stderr interleave). Never throws: a log
/// without a block is a job without result and a warning, and failed self-checks are warnings.
class BenchLogParser
{
public:
    struct Options
    {
        std::size_t maxWarnings = WarningList::kDefaultLimit;
    };

    struct Result
    {
        BenchJob job;
        std::vector<LoadWarning> warnings;
    };

    /// Parses `content`, the whole log. `fileName` names it in warnings and gives the job and
    /// pod names (`job-logs/<job>_<pod>.log`).
    static Result parse(std::string_view content, const std::string &fileName,
                        const Options &options);
    static Result parse(std::string_view content, const std::string &fileName)
    {
        return parse(content, fileName, Options{});
    }

    /// Job and pod of a log file name: `<job>_<pod>.log` where the pod is the job name and a
    /// suffix. Without such a `_`, the whole stem is the job and the pod is empty.
    static std::pair<std::string, std::string> splitFileName(std::string_view fileName);
};

} // namespace hpa::core
