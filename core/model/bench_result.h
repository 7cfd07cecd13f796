#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hpa::core {

/// One `label: value` line of a `vllm bench serve` "Serving Benchmark Result" block.
struct BenchField
{
    std::string label;           ///< as printed, runs of spaces collapsed, e.g. "Mean TTFT (ms):"
    std::string key;             ///< BenchResult::keyOf(label), e.g. "mean_ttft_ms"
    std::string section;         ///< section header above it ("Time to First Token"), or empty
    std::string text;            ///< the value as printed: a number, "inf", "nan" or "None"
    std::optional<double> value; ///< the number; nullopt for "None"
    int line = 0;                ///< 1-based `\n` line of the log
};

/// The last result block of a job log. `complete` is false when the log ends before the
/// closing `=====` line (the fields read up to there are kept).
struct BenchResult
{
    std::vector<BenchField> fields; ///< in file order, every line of the block
    bool complete = false;
    int line = 0; ///< line of the block's header

    /// The field with `key`, or nullptr.
    const BenchField *field(std::string_view key) const;
    /// The number of the field with `key`; nullopt when absent or not a number.
    std::optional<double> value(std::string_view key) const;

    /// The JSON key of a label: lowercased, each run of other characters than [a-z0-9]
    /// turned into one `_`, trimmed of `_`: "Mean TTFT (ms):" → "mean_ttft_ms".
    static std::string keyOf(std::string_view label);
};

} // namespace hpa::core
