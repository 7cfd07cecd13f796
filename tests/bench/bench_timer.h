#pragma once

#include <chrono>
#include <functional>
#include <vector>

namespace hpa::bench {

/// Wall-clock timing of repeated runs; the median is reported because the machine is shared
/// and a single slow run says more about the neighbours than about the code.
class BenchTimer
{
public:
    BenchTimer() : m_start(Clock::now()) {}

    void restart() { m_start = Clock::now(); }
    /// Milliseconds since construction or the last restart().
    double elapsedMs() const
    {
        return std::chrono::duration<double, std::milli>(Clock::now() - m_start).count();
    }

    /// Runs `fn` `repeats` times and returns the median wall time in milliseconds.
    static double medianMs(int repeats, const std::function<void()> &fn);
    /// CPU time the calling thread has used, in milliseconds: on a shared machine it counts
    /// only this thread's work, not the time it waited for a core.
    static double threadCpuMs();
    /// Median of `samples` (which it reorders); 0 when empty.
    static double median(std::vector<double> &samples);

private:
    using Clock = std::chrono::steady_clock;
    Clock::time_point m_start;
};

} // namespace hpa::bench
