#pragma once

#include "core/analysis/hpa_replay_report.h"

#include <string>

namespace hpa::core {

/// `hpa-lens replay` as text (the spec and what was assumed, the self-check, each what-if's
/// KPIs beside the recording's) and as CSV (one row per what-if, for sweeps).
class ReplayText
{
public:
    static std::string render(const HpaReplayReport &report, const std::string &experimentName);
    static std::string csv(const HpaReplayReport &report);
};

} // namespace hpa::core
