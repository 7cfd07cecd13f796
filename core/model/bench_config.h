#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hpa::core {

/// The configuration of a `vllm bench serve` run, read from its `Namespace(...)` line.
struct BenchConfig
{
    /// The keys of BenchConfig::kKeys found in the line, in that order, with their values
    /// as printed (string quotes removed; "None" kept as "None").
    std::vector<std::pair<std::string, std::string>> fields;
    int line = 0; ///< line of `Namespace(`; 0 when the log has none

    /// The text of `key`, or nullopt when the line did not have it.
    std::optional<std::string> text(std::string_view key) const;
    /// The number of `key` (`inf` included); nullopt when absent, `None` or not a number.
    std::optional<double> number(std::string_view key) const;

    /// The Namespace keys kept: model, dataset, rate, burstiness, prompts, concurrency,
    /// percentiles and goodput SLOs, and what identifies the run.
    static const std::vector<std::string_view> &keys();
};

} // namespace hpa::core
