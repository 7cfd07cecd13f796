#pragma once

#include "core/model/hpa_normalizer.h"

#include <vector>

namespace hpa::core {

/// Speed: most syncs of a replay decide nothing — the metrics propose the current count and the
/// controller remembers only that count. Such a sync needs neither the stabilization windows
/// nor the rate limits (a loop over every remembered recommendation and scale event each); this
/// decides it in constant time with the same result, and keeps a memory that makes every later
/// decision the same (see apply()).
class HpaQuietSync
{
public:
    /// When `raw == current`, `min <= current <= max` and every recommendation in `recs` equals
    /// `current` (`uniform`: the caller's flag for the last), the reconcile keeps `current`
    /// ("DesiredWithinRange") whatever the windows and policies: stores (now, current) as the
    /// only recommendation and returns true. Otherwise changes nothing and returns false.
    ///
    /// Why the memory is equivalent: stabilization only takes the min/max over the entries
    /// inside a window ending at a later sync. All entries hold `current`, and the newest is at
    /// `now` in both memories, so an entry of `current` is inside any such window in one memory
    /// exactly when it is in the other; entries stored later are the same in both.
    static bool apply(std::vector<HpaNormalizer::Recommendation> &recs, bool uniform, double now,
                      int current, int raw, int minReplicas, int maxReplicas);
    /// Whether every recommendation holds the same count (true for none).
    static bool uniform(const std::vector<HpaNormalizer::Recommendation> &recs);
};

} // namespace hpa::core
