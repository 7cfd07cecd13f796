#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

namespace hpa::core {

/// Writes the bundled example experiment (newer layout): a seeded, platform-independent
/// simulation of vLLM pods under overlapping load Jobs, scaled by a modelled HPA.
class DemoSimulator
{
public:
    struct Options
    {
        std::size_t samples = 0; ///< 0 = the default scenario length (25 min at 5 s = 300 rows)
        double intervalSeconds = 5.0;
        std::uint64_t seed = 20251201;
        std::string startTime = "2025-12-01 10:00:00"; ///< naive local, newer layout
        /// > 0: written live, like a monitor during its run, `liveSpeed` times faster than
        /// real time: each row (and its events) is appended and flushed when its sample time
        /// comes (every intervalSeconds / liveSpeed seconds), metadata.json has no end_time
        /// until the run ends (then it is replaced whole, atomically).
        double liveSpeed = 0;
        /// Live only: called after each row is flushed with the number of rows written.
        std::function<void(std::size_t)> rowWritten;
    };

    /// Number of rows written when Options::samples is 0.
    static std::size_t defaultSamples();

    /// Writes metrics.csv, scaling-events.log, metadata.json, experiment-config.yaml and
    /// README.md into outDir (created if missing). Refuses a directory that already holds a
    /// metrics.csv unless `overwrite`. Throws std::runtime_error with a clear message on bad
    /// options or I/O failure. Same options give byte-identical files on every platform.
    static void write(const std::string &outDir, const Options &options, bool overwrite = false);

    /// The current local wall-clock time as `YYYY-MM-DD HH:MM:SS` (a live run's start).
    static std::string localTimeNow();
};

} // namespace hpa::core
