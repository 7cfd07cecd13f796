#pragma once

// The invariants of a parsed WVA run that both WVA fuzz targets check (the JSONL reader's and
// the long metrics.csv reader's, which shares its cycle rules): per-variant counts add up, and
// every sample has a finite time and means no larger than their maxima.
#include "core/parsers/wva_log_parser.h"
#include "tests/fuzz/fuzz_check.h"

#include <cmath>
#include <cstddef>

namespace hpa::fuzz {

inline void checkWvaLog(const hpa::core::WvaLog &log)
{
    std::size_t samples = 0, decisions = 0;
    for (const auto &v : log.variants) {
        samples += v.samples;
        decisions += v.decisionsTotal();
    }
    require(samples == log.samples.size(), "variant sample counts do not add up");
    require(decisions == log.decisions.size(), "variant decision counts do not add up");
    for (const auto &s : log.samples) {
        require(std::isfinite(s.time), "sample with a non-finite time");
        require(std::isnan(s.kvMean) || s.kvMean <= s.kvMax, "KV mean above its max");
        require(std::isnan(s.queueMean) || s.queueMean <= s.queueMax, "queue mean above max");
    }
}

} // namespace hpa::fuzz
