#pragma once

// Writes `vllm bench serve` job logs in the exact layout of the real ones
// (../shared/specs/vllm-bench-log.md §1-§2): kubectl's container line, logger lines without a
// year, the one dated line, Namespace(...), ready-check and main tqdm frames separated by `\r`,
// the `tip:` line and the result block with its padding. Used by tst_bench_log_parser and
// hpa-bench, so both read what vLLM writes, not a simplified text.

#include <fmt/format.h>

#include <cmath>
#include <string>

namespace hpa::test {

struct BenchLogSpec
{
    std::string job = "vllm-bench-sharegpt-load-high-20";
    std::string date = "2025-12-09"; ///< of the dated line
    int hour = 19, minute = 47, second = 38;
    long long prompts = 18000;
    long long failed = 16;
    double rate = 20.0;
    double duration = 910.11;
    int readySeconds = 6;
    int frames = 3000; ///< main progress-bar frames
    bool block = true;
    bool dropTrailingSpaces = false;
};

/// `label` left-justified to 40, one space, `value` left-justified to 10 (vLLM's format).
inline std::string benchLine(const std::string &label, const std::string &value)
{
    return fmt::format("{:<40} {:<10}\n", label, value);
}

inline std::string clockText(int seconds)
{
    return seconds >= 3600
               ? fmt::format("{}:{:02}:{:02}", seconds / 3600, seconds / 60 % 60, seconds % 60)
               : fmt::format("{:02}:{:02}", seconds / 60, seconds % 60);
}

/// The result block alone, with the numbers of `s` (the throughputs consistent with them).
inline std::string benchBlock(const BenchLogSpec &s)
{
    const long long ok = s.prompts - s.failed;
    const long long input = ok * 235, generated = ok * 455;
    std::string b = "============ Serving Benchmark Result ============\n";
    b += benchLine("Successful requests:", std::to_string(ok));
    b += benchLine("Failed requests:", std::to_string(s.failed));
    b += benchLine("Maximum request concurrency:", "512");
    b += benchLine("Request rate configured (RPS):", fmt::format("{:.2f}", s.rate));
    b += benchLine("Benchmark duration (s):", fmt::format("{:.2f}", s.duration));
    b += benchLine("Total input tokens:", std::to_string(input));
    b += benchLine("Total generated tokens:", std::to_string(generated));
    b += benchLine("Request throughput (req/s):", fmt::format("{:.2f}", ok / s.duration));
    b += benchLine("Output token throughput (tok/s):",
                   fmt::format("{:.2f}", generated / s.duration));
    b += benchLine("Peak output token throughput (tok/s):", "17840.00");
    b += benchLine("Peak concurrent requests:", "585.00");
    b += benchLine("Total Token throughput (tok/s):",
                   fmt::format("{:.2f}", (input + generated) / s.duration));
    b += "---------------Time to First Token----------------\n";
    b += benchLine("Mean TTFT (ms):", "486.00");
    b += benchLine("Median TTFT (ms):", "40.25");
    b += benchLine("P99 TTFT (ms):", "18768.45");
    b += "-----Time per Output Token (excl. 1st token)------\n";
    b += benchLine("Mean TPOT (ms):", "25.82");
    b += benchLine("Median TPOT (ms):", "13.96");
    b += benchLine("P99 TPOT (ms):", "84.76");
    b += "---------------Inter-token Latency----------------\n";
    b += benchLine("Mean ITL (ms):", "24.86");
    b += benchLine("Median ITL (ms):", "13.16");
    b += benchLine("P99 ITL (ms):", "96.63");
    b += "==================================================\n";
    if (s.dropTrailingSpaces) {
        std::string t;
        for (std::size_t i = 0; i < b.size(); ++i) {
            if (b[i] == ' ' && (b.find_first_not_of(' ', i) == std::string::npos ||
                                b[b.find_first_not_of(' ', i)] == '\n'))
                continue;
            t += b[i];
        }
        b = t;
    }
    return b;
}

/// A whole job log.
inline std::string benchLog(const BenchLogSpec &s)
{
    const std::string md = s.date.substr(5);
    const std::string early =
        fmt::format("{} {:02}:{:02}:{:02}", md, s.hour, s.minute, std::max(0, s.second - 3));
    std::string log = "Defaulted container \"vllm-bench-serve-container\" out of: "
                      "vllm-bench-serve-container, download-dataset (init)\n";
    log += fmt::format("INFO {} [importing.py:44] Triton is installed but 0 active driver(s) "
                       "found (expected 1). Disabling Triton to prevent runtime errors.\n",
                       early);
    log += fmt::format("WARNING {} [interface.py:221] Failed to import from vllm._C: "
                       "ImportError('libcuda.so.1: cannot open shared object file')\n",
                       early);
    log += fmt::format("[{} {:02}:{:02}:{:02}] INFO main.py:47: Unspecified platform detected, "
                       "switching to CPU Platform instead.\n",
                       s.date, s.hour, s.minute, s.second);
    log += fmt::format(
        "Namespace(subparser='bench', bench_type='serve', dispatch_function=<function "
        "BenchmarkServingSubcommand.cmd at 0x7fce81317d80>, seed=12345, num_prompts={}, "
        "dataset_name='sharegpt', random_mm_bucket_config={{(256, 256, 1): 0.5, (720, 1280, 1): "
        "0.5}}, model='unsloth/Meta-Llama-3.1-8B', served_model_name=None, "
        "base_url='http://infra-inference-scheduling-inference-gateway-istio.llm-d', "
        "endpoint='/v1/completions', request_rate={}, burstiness=1.0, max_concurrency=512, "
        "percentile_metrics=None, metric_percentiles='99', goodput=None, "
        "sharegpt_output_len=None, ready_check_timeout_sec=600, ramp_up_strategy=None, "
        "request_id_prefix='bench-2f1c-')\n",
        s.prompts, std::isinf(s.rate) ? std::string("inf") : fmt::format("{:.1f}", s.rate));
    log += "Starting initial single prompt test run...\n";
    log += "Waiting for endpoint to become up in 600 seconds\n";
    for (int t = 0; t <= s.readySeconds; ++t)
        log += fmt::format("\r |          | {} elapsed, 1086:59:32 remaining", clockText(t));
    log += "\nInitial test run completed.\n";
    log += "Starting main benchmark run...\n";
    log += fmt::format("Traffic request rate: {}\n", fmt::format("{:.1f}", s.rate));
    log += "Burstiness factor: 1.0 (Poisson process)\n";
    log += "Maximum request concurrency: 512\n";
    const int last = static_cast<int>(std::floor(s.duration));
    for (int i = 0; i <= s.frames; ++i) {
        const long long done = s.prompts * i / std::max(1, s.frames);
        const int elapsed =
            static_cast<int>(static_cast<long long>(last) * i / std::max(1, s.frames));
        const int pct = static_cast<int>(100 * done / std::max(1LL, s.prompts));
        const int full = pct / 10;
        std::string bar;
        for (int b = 0; b < 10; ++b)
            bar += b < full ? "\u2588" : " ";
        log += fmt::format("\r{:>3}%|{}| {}/{} [{}<{}, {:5.2f}it/s]", pct, bar, done, s.prompts,
                           clockText(elapsed), clockText(last - elapsed), s.rate);
    }
    log += "\ntip: install termplotlib and gnuplot to plot the metrics\n";
    if (s.block)
        log += benchBlock(s);
    return log;
}

} // namespace hpa::test
