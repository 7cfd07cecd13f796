#pragma once

namespace hpa::core {

/// The latency objectives users are held to: `--slo-ttft` / `--slo-itl` of the command line.
/// The one place their defaults are defined.
struct SloLimits
{
    static constexpr double kDefaultTtftMs = 1000;
    static constexpr double kDefaultItlMs = 100;

    double ttftMs = kDefaultTtftMs; ///< time to first token, ms
    double itlMs = kDefaultItlMs;   ///< inter-token latency, ms
};

} // namespace hpa::core
