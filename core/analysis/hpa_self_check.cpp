#include "core/analysis/hpa_self_check.h"

#include "core/model/metric_keys.h"

#include <cmath>

namespace hpa::core {

HpaSelfCheck HpaSelfCheck::compare(const MetricsTable &table, const std::vector<int> &replayed,
                                   double gapThresholdSeconds, double warmupSeconds)
{
    HpaSelfCheck check;
    check.warmupSeconds = warmupSeconds;
    const auto &t = table.time();
    const auto *desired = table.values(keys::DesiredReplicas);
    if (!desired || replayed.size() != t.size() || t.size() < 2)
        return check;
    const double scoredFrom = t.front() + warmupSeconds;
    double equal = 0, absDiff = 0, covered = 0;
    for (std::size_t i = 0; i + 1 < t.size(); ++i) {
        const double dt = t[i + 1] - t[i];
        const double d = (*desired)[i];
        if (!(dt > 0) || dt > gapThresholdSeconds || std::isnan(d) || t[i] < scoredFrom)
            continue;
        const double diff = std::abs(d - replayed[i]);
        covered += dt;
        absDiff += diff * dt;
        if (diff == 0)
            equal += dt;
        else if (!check.firstDivergenceS)
            check.firstDivergenceS = t[i] - t.front();
    }
    check.comparedSeconds = covered;
    if (covered > 0) {
        check.agreement = equal / covered;
        check.meanAbsDiff = absDiff / covered;
    }
    return check;
}

} // namespace hpa::core
