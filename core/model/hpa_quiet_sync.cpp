#include "core/model/hpa_quiet_sync.h"

#include <algorithm>

namespace hpa::core {

bool HpaQuietSync::apply(std::vector<HpaNormalizer::Recommendation> &recs, bool uniform,
                         double now, int current, int raw, int minReplicas, int maxReplicas)
{
    if (raw != current || current < minReplicas || current > maxReplicas || !uniform ||
        recs.empty() || recs.front().replicas != current)
        return false;
    recs.resize(1);
    recs.front() = {current, now};
    return true;
}

bool HpaQuietSync::uniform(const std::vector<HpaNormalizer::Recommendation> &recs)
{
    return std::all_of(recs.begin(), recs.end(), [&](const HpaNormalizer::Recommendation &r) {
        return r.replicas == recs.front().replicas;
    });
}

} // namespace hpa::core
