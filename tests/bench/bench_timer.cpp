#include "bench_timer.h"

#include <algorithm>

#include <time.h>

namespace hpa::bench {

double BenchTimer::medianMs(int repeats, const std::function<void()> &fn)
{
    std::vector<double> samples;
    samples.reserve(static_cast<std::size_t>(std::max(repeats, 1)));
    for (int i = 0; i < std::max(repeats, 1); ++i) {
        BenchTimer timer;
        fn();
        samples.push_back(timer.elapsedMs());
    }
    return median(samples);
}

double BenchTimer::threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

double BenchTimer::median(std::vector<double> &samples)
{
    if (samples.empty())
        return 0;
    const auto mid = samples.begin() + static_cast<std::ptrdiff_t>(samples.size() / 2);
    std::nth_element(samples.begin(), mid, samples.end());
    if (samples.size() % 2 == 1)
        return *mid;
    const double upper = *mid;
    const double lower = *std::max_element(samples.begin(), mid);
    return (lower + upper) / 2;
}

} // namespace hpa::bench
