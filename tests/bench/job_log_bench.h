#pragma once

#include <iosfwd>

namespace hpa::bench {

/// Issue 15's speed goal: 52 real-size job logs (120–440 KB, mostly `\r` frames, written by
/// tests/bench_log_writer.h into a scratch folder) loaded as a bench-only folder by
/// ExperimentLoader (read + parse, two workers), beside BenchLogParser on one thread and the
/// naive baseline. Prints the figures; asserts nothing.
class JobLogBench
{
public:
    static void run(std::ostream &out, int repeats = 7);
};

} // namespace hpa::bench
