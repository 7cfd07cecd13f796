#pragma once

#include <cstddef>
#include <cstdint>
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
    };

    /// Number of rows written when Options::samples is 0.
    static std::size_t defaultSamples();

    /// Writes metrics.csv, scaling-events.log, metadata.json, experiment-config.yaml and
    /// README.md into outDir (created if missing). Refuses a directory that already holds a
    /// metrics.csv unless `overwrite`. Throws std::runtime_error with a clear message on bad
    /// options or I/O failure. Same options give byte-identical files on every platform.
    static void write(const std::string &outDir, const Options &options, bool overwrite = false);
};

} // namespace hpa::core
