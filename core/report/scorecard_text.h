#pragma once

#include "core/analysis/scorecard.h"

#include <string>

namespace hpa::core {

/// The AUTOSCALING SCORECARD section of `hpa-lens summary`.
class ScorecardText
{
public:
    /// The section, ending in an empty line; time KPIs carry the sample resolution.
    static std::string render(const Scorecard &scorecard);
};

} // namespace hpa::core
