#pragma once

// A folder tree of experiments for the library tests: demo runs at several depths.

#include "core/demo/demo_simulator.h"

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

namespace hpa::test {

/// Writes `count` demo runs (`samples` rows, seeds 1..count) under `root`, spread over
/// nested folders: root/campaign-K/day-D/run-N. Returns their paths, sorted.
inline std::vector<std::string> writeDemoTree(const std::filesystem::path &root, int count,
                                              std::size_t samples = 60)
{
    std::vector<std::string> paths;
    for (int i = 0; i < count; ++i) {
        const auto dir = root / ("campaign-" + std::to_string(i % 3)) /
                         ("day-" + std::to_string(i % 2)) / ("run-" + std::to_string(1000 + i));
        hpa::core::DemoSimulator::Options options;
        options.samples = samples;
        options.seed = static_cast<std::uint64_t>(i + 1);
        hpa::core::DemoSimulator::write(dir.string(), options);
        paths.push_back(dir.string());
    }
    std::sort(paths.begin(), paths.end());
    return paths;
}

} // namespace hpa::test
