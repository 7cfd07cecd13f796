#pragma once

#include <functional>

namespace hpa::bench {

/// Peak resident memory of a piece of work, measured in a forked child so that what the
/// parent already holds (earlier sizes, Qt) does not count and the child starts as small as a
/// fresh process would.
class PeakRss
{
public:
    struct Result
    {
        bool ok = false;
        double peakMiB = 0; ///< ru_maxrss of the child
        double wallMs = 0;  ///< time `work` took inside the child (cold allocator)
    };

    /// Forks, runs `work` in the child and reports its peak RSS. Call it before any thread is
    /// running (fork copies only the calling thread).
    static Result ofChild(const std::function<void()> &work);
    /// Peak RSS of this process so far, in MiB.
    static double selfPeakMiB();
};

} // namespace hpa::bench
