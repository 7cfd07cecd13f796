#include "peak_rss.h"

#include "bench_timer.h"

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <exception>

namespace hpa::bench {

PeakRss::Result PeakRss::ofChild(const std::function<void()> &work)
{
    int fds[2];
    if (pipe(fds) != 0)
        return {};
    std::fflush(nullptr);
    const pid_t pid = fork();
    if (pid < 0) {
        close(fds[0]);
        close(fds[1]);
        return {};
    }
    if (pid == 0) {
        close(fds[0]);
        double ms = -1;
        try {
            BenchTimer timer;
            work();
            ms = timer.elapsedMs();
        } catch (const std::exception &e) {
            std::fprintf(stderr, "hpa-bench: child failed: %s\n", e.what());
        }
        const ssize_t written = write(fds[1], &ms, sizeof ms);
        close(fds[1]);
        // _exit: the child must not run the parent's atexit handlers or flush its buffers.
        _exit(written == sizeof ms && ms >= 0 ? 0 : 1);
    }
    close(fds[1]);
    Result result;
    double ms = -1;
    const bool got = read(fds[0], &ms, sizeof ms) == sizeof ms;
    close(fds[0]);
    int status = 0;
    struct rusage usage = {};
    if (wait4(pid, &status, 0, &usage) != pid)
        return {};
    result.ok = got && WIFEXITED(status) && WEXITSTATUS(status) == 0;
    result.peakMiB = static_cast<double>(usage.ru_maxrss) / 1024.0;
    result.wallMs = ms;
    return result;
}

double PeakRss::selfPeakMiB()
{
    struct rusage usage = {};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

} // namespace hpa::bench
