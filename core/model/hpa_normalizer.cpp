#include "core/model/hpa_normalizer.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace hpa::core {

namespace {

/// Stores (now, raw) over entry `outdated` (the last one that may go), else appends it.
void storeRecommendation(std::vector<HpaNormalizer::Recommendation> &recs, double now, int raw,
                         std::size_t outdated)
{
    if (outdated < recs.size())
        recs[outdated] = {raw, now};
    else
        recs.push_back({raw, now});
}

int toInt32(double value)
{
    // Go converts float64 to int32; the values here are replica counts, clamp the absurd.
    constexpr double kMax = std::numeric_limits<int>::max();
    constexpr double kMin = std::numeric_limits<int>::min();
    return static_cast<int>(std::clamp(value, kMin, kMax));
}

} // namespace

int HpaNormalizer::stabilize(std::vector<Recommendation> &recs, double now, int raw,
                             double downscaleWindowSeconds)
{
    // Upstream reads the recommendations twice (the maximum, then the slot to reuse); one
    // pass finds both, as this runs at every simulated sync of a sweep.
    const double cutoff = now - downscaleWindowSeconds;
    int maxRecommendation = raw;
    std::size_t outdated = recs.size();
    for (std::size_t i = 0; i < recs.size(); ++i) {
        if (recs[i].time < cutoff)
            outdated = i;
        else
            maxRecommendation = std::max(maxRecommendation, recs[i].replicas);
    }
    storeRecommendation(recs, now, raw, outdated);
    return maxRecommendation;
}

int HpaNormalizer::stabilizeWithBehaviors(std::vector<Recommendation> &recs, double now, int raw,
                                          int current, double upWindowSeconds,
                                          double downWindowSeconds)
{
    const double upCutoff = now - upWindowSeconds;
    const double downCutoff = now - downWindowSeconds;
    int up = raw;
    int down = raw;
    std::size_t outdated = recs.size();
    for (std::size_t i = 0; i < recs.size(); ++i) {
        const Recommendation &rec = recs[i];
        if (rec.time > upCutoff)
            up = std::min(up, rec.replicas);
        if (rec.time > downCutoff)
            down = std::max(down, rec.replicas);
        if (rec.time < upCutoff && rec.time < downCutoff)
            outdated = i;
    }
    int recommendation = current;
    if (recommendation < up)
        recommendation = up;
    if (recommendation > down)
        recommendation = down;
    storeRecommendation(recs, now, raw, outdated);
    return recommendation;
}

HpaNormalizer::Limited HpaNormalizer::convertWithRules(int current, int desired, int minReplicas,
                                                       int maxReplicas)
{
    // calculateScaleUpLimit: scaleUpLimitFactor 2, scaleUpLimitMinimum 4.
    const int scaleUpLimit = toInt32(std::max(2.0 * current, 4.0));
    int maxAllowed = maxReplicas;
    std::string_view reason = "TooManyReplicas";
    if (maxReplicas > scaleUpLimit) {
        maxAllowed = scaleUpLimit;
        reason = "ScaleUpLimit";
    }
    if (desired < minReplicas)
        return {minReplicas, "TooFewReplicas"};
    if (desired > maxAllowed)
        return {maxAllowed, reason};
    return {desired, "DesiredWithinRange"};
}

HpaNormalizer::Limited HpaNormalizer::convertWithBehaviorRate(
    int current, int desired, int minReplicas, int maxReplicas, const HpaBehavior &behavior,
    const std::vector<ScaleEvent> &upEvents, const std::vector<ScaleEvent> &downEvents, double now)
{
    if (desired > current) {
        // Below current only after the policies changed: no scale-up until events age out.
        const int limit =
            std::max(scaleUpLimit(current, upEvents, downEvents, behavior.scaleUp, now), current);
        int maxAllowed = maxReplicas;
        std::string_view reason = "TooManyReplicas";
        if (maxAllowed > limit) {
            maxAllowed = limit;
            reason = "ScaleUpLimit";
        }
        if (desired > maxAllowed)
            return {maxAllowed, reason};
    } else if (desired < current) {
        const int limit = std::min(
            scaleDownLimit(current, upEvents, downEvents, behavior.scaleDown, now), current);
        int minAllowed = minReplicas;
        std::string_view reason = "TooFewReplicas";
        if (minAllowed < limit) {
            minAllowed = limit;
            reason = "ScaleDownLimit";
        }
        if (desired < minAllowed)
            return {minAllowed, reason};
    }
    return {desired, "DesiredWithinRange"};
}

int HpaNormalizer::changeInPeriod(const std::vector<ScaleEvent> &events, double periodSeconds,
                                  double now)
{
    const double cutoff = now - periodSeconds;
    int replicas = 0;
    for (const ScaleEvent &e : events) {
        if (e.time > cutoff)
            replicas += e.change;
    }
    return replicas;
}

int HpaNormalizer::scaleUpLimit(int current, const std::vector<ScaleEvent> &upEvents,
                                const std::vector<ScaleEvent> &downEvents,
                                const HpaScalingRules &rules, double now)
{
    if (rules.selectPolicy == HpaSelectPolicy::Disabled)
        return current;
    const bool pickMin = rules.selectPolicy == HpaSelectPolicy::Min;
    int result = pickMin ? std::numeric_limits<int>::max() : std::numeric_limits<int>::min();
    for (const HpaScalingPolicy &policy : rules.policies) {
        const int start = current - changeInPeriod(upEvents, policy.periodSeconds, now) +
                          changeInPeriod(downEvents, policy.periodSeconds, now);
        const int proposed =
            policy.type == HpaScalingPolicy::Type::Pods
                ? start + policy.value
                : toInt32(std::ceil(static_cast<double>(start) * (1.0 + policy.value / 100.0)));
        result = pickMin ? std::min(result, proposed) : std::max(result, proposed);
    }
    return result;
}

int HpaNormalizer::scaleDownLimit(int current, const std::vector<ScaleEvent> &upEvents,
                                  const std::vector<ScaleEvent> &downEvents,
                                  const HpaScalingRules &rules, double now)
{
    if (rules.selectPolicy == HpaSelectPolicy::Disabled)
        return current;
    // Inverted on purpose: for scale-down the smallest change is the largest limit.
    const bool pickMax = rules.selectPolicy == HpaSelectPolicy::Min;
    int result = pickMax ? std::numeric_limits<int>::min() : std::numeric_limits<int>::max();
    for (const HpaScalingPolicy &policy : rules.policies) {
        const int start = current - changeInPeriod(upEvents, policy.periodSeconds, now) +
                          changeInPeriod(downEvents, policy.periodSeconds, now);
        // Percent truncates toward zero, as Go's int32(float64).
        const int proposed =
            policy.type == HpaScalingPolicy::Type::Pods
                ? start - policy.value
                : toInt32(std::trunc(static_cast<double>(start) * (1.0 - policy.value / 100.0)));
        result = pickMax ? std::max(result, proposed) : std::min(result, proposed);
    }
    return result;
}

void HpaNormalizer::storeScaleEvent(std::vector<ScaleEvent> &events, const HpaScalingRules &rules,
                                    int change, double now)
{
    int longest = 0;
    for (const HpaScalingPolicy &p : rules.policies)
        longest = std::max(longest, p.periodSeconds);
    const double cutoff = now - longest;
    std::size_t index = events.size();
    for (std::size_t i = 0; i < events.size(); ++i) {
        if (events[i].time < cutoff)
            index = i;
    }
    if (index < events.size())
        events[index] = {change, now};
    else
        events.push_back({change, now});
}

} // namespace hpa::core
