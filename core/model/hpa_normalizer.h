#pragma once

#include "core/model/hpa_spec.h"

#include <string_view>
#include <vector>

namespace hpa::core {

/// The steps of kubernetes/kubernetes `horizontal.go` between the raw proposal and the
/// desired count (hpa-algorithm.md §5, §6): stabilization, rate limits, min/max. Pure
/// functions over the controller's memory, which the caller owns (HpaReconciler). Times are
/// seconds; comparisons keep Kubernetes' strictness (`After(cutoff)`, `Before(cutoff)`).
class HpaNormalizer
{
public:
    /// `timestampedRecommendation`
    struct Recommendation
    {
        int replicas;
        double time;
    };
    /// `timestampedScaleEvent` (replicaChange > 0 in both lists)
    struct ScaleEvent
    {
        int change;
        double time;
    };
    /// A count and the `ScalingLimited` reason that produced it ("DesiredWithinRange",
    /// "TooFewReplicas", "TooManyReplicas", "ScaleUpLimit", "ScaleDownLimit").
    struct Limited
    {
        int replicas;
        std::string_view reason;
    };

    /// `stabilizeRecommendation` (no behavior): the max of `raw` and the recommendations not
    /// before now - window; stores (now, raw) over the last outdated entry or appends it.
    static int stabilize(std::vector<Recommendation> &recs, double now, int raw,
                         double downscaleWindowSeconds);
    /// `stabilizeRecommendationWithBehaviors`: clamp(current, min over the up window, max over
    /// the down window), both windows strict; stores (now, raw) likewise.
    static int stabilizeWithBehaviors(std::vector<Recommendation> &recs, double now, int raw,
                                      int current, double upWindowSeconds,
                                      double downWindowSeconds);

    /// `convertDesiredReplicasWithRules` (no behavior): min/max and the max(2 x current, 4) cap.
    static Limited convertWithRules(int current, int desired, int minReplicas, int maxReplicas);
    /// `convertDesiredReplicasWithBehaviorRate`: the policies' limits, then min/max.
    static Limited convertWithBehaviorRate(int current, int desired, int minReplicas,
                                           int maxReplicas, const HpaBehavior &behavior,
                                           const std::vector<ScaleEvent> &upEvents,
                                           const std::vector<ScaleEvent> &downEvents, double now);

    /// `calculateScaleUpLimitWithScalingRules`, from the replicas at each period's start.
    static int scaleUpLimit(int current, const std::vector<ScaleEvent> &upEvents,
                            const std::vector<ScaleEvent> &downEvents, const HpaScalingRules &rules,
                            double now);
    /// `calculateScaleDownLimitWithBehaviors` (Max picks the smallest limit: the largest change).
    static int scaleDownLimit(int current, const std::vector<ScaleEvent> &upEvents,
                              const std::vector<ScaleEvent> &downEvents,
                              const HpaScalingRules &rules, double now);
    /// `getReplicasChangePerPeriod`: the changes strictly after now - period.
    static int changeInPeriod(const std::vector<ScaleEvent> &events, double periodSeconds,
                              double now);
    /// `storeScaleEvent`: appends the change to its direction's list, reusing an entry older
    /// than that direction's longest policy period.
    static void storeScaleEvent(std::vector<ScaleEvent> &events, const HpaScalingRules &rules,
                                int change, double now);
};

} // namespace hpa::core
