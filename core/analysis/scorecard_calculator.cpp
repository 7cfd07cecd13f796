#include "core/analysis/scorecard_calculator.h"

#include "core/analysis/demand_cache.h"
#include "core/analysis/demand_model.h"
#include "core/analysis/scaling_episode_tracker.h"
#include "core/analysis/statistics.h"
#include "core/model/metric_keys.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace hpa::core {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

int sign(double x)
{
    return (x > 0) - (x < 0);
}

const double *column(const MetricsTable &table, std::string_view key)
{
    const auto *v = table.values(key);
    return v && v->size() == table.rowCount() ? v->data() : nullptr;
}

/// Time-weighted share of covered intervals whose latency (a value > 0) met the limit.
struct SloSums
{
    const double *values = nullptr;
    double limit = 0;
    bool collected = false;
    double valid = 0, met = 0;

    void add(std::size_t row, double dt, bool covered)
    {
        const double v = values[row];
        if (!(v > 0)) // zero means "no data" inside a collected latency column; NaN is missing
            return;
        collected = true;
        if (covered) {
            valid += dt;
            met += v <= limit ? dt : 0;
        }
    }
    SloAttainment result() const
    {
        SloAttainment a;
        a.collected = collected;
        a.limitMs = limit;
        if (collected && valid > 0)
            a.attainmentPct = 100.0 * met / valid;
        return a;
    }
};

std::optional<double> percentOf(double part, double whole)
{
    return whole > 0 ? std::optional(100.0 * part / whole) : std::nullopt;
}

} // namespace

double ScorecardCalculator::gapThreshold(double medianInterval)
{
    return std::max(3.0 * medianInterval, 60.0);
}

std::optional<double> ScorecardCalculator::median(std::vector<double> values)
{
    std::erase_if(values, [](double v) { return !std::isfinite(v); });
    if (values.empty())
        return std::nullopt;
    const std::size_t mid = values.size() / 2;
    std::nth_element(values.begin(), values.begin() + mid, values.end());
    if (values.size() % 2)
        return values[mid];
    const double upper = values[mid];
    const double lower = *std::max_element(values.begin(), values.begin() + mid);
    return (lower + upper) / 2.0;
}

Scorecard ScorecardCalculator::compute(const Experiment &experiment,
                                       const ScorecardSettings &settings)
{
    return compute(experiment.metrics, HpaLimits::of(experiment), settings);
}

namespace {

/// The one pass of the scorecard; `supplyAt(i)` and `desiredAt(i)` give the replica counts of
/// row i (NaN when unknown), so the recorded columns and a what-if curve share every KPI.
template <class SupplyAt, class DesiredAt, class DemandAt>
Scorecard score(const MetricsTable &table, const HpaLimits &limits,
                const ScorecardSettings &settings, bool hasReplicas, bool hasMetric, bool slo,
                double resolutionS, SupplyAt supplyAt, DesiredAt desiredAt, DemandAt demandAt)
{
    Scorecard sc;
    sc.settings = settings;
    sc.limits = limits;
    const std::size_t n = table.rowCount();
    const auto &t = table.time();
    sc.hasReplicas = hasReplicas;
    sc.hasMetric = hasMetric;
    if (n == 0)
        return sc;
    sc.startSeconds = t.front();
    sc.resolutionS = resolutionS > 0 ? resolutionS : Statistics::medianInterval(t);
    sc.gapThresholdS = ScorecardCalculator::gapThreshold(sc.resolutionS);
    const double G = sc.gapThresholdS;

    // A what-if skips them: its latencies are not predicted (the caller says unknown).
    SloSums ttft{slo ? column(table, keys::TtftMs) : nullptr, settings.sloTtftMs};
    SloSums itl{slo ? column(table, keys::ItlMs) : nullptr, settings.sloItlMs};
    ScalingEpisodeTracker episodes(sc.startSeconds);

    // Running sums in locals: the compiler keeps them in registers.
    double covered = 0, rs = 0, wasted = 0, missing = 0, underPct = 0, overPct = 0;
    double underTime = 0, overTime = 0, unstable = 0, changeTime = 0, supplySteps = 0;
    double demandSteps = 0;
    std::size_t uncoveredIntervals = 0, reversals = 0;
    bool previousCovered = false;
    double previousS = kNaN, previousD = kNaN;
    // Reversals: the last replica value and the time and direction of the last change.
    double lastReplicas = kNaN, lastChangeTime = kNaN;
    int lastDirection = 0;
    const double window = settings.reversalWindowSeconds;

    for (std::size_t i = 0; i < n; ++i) {
        const double s = supplyAt(i);
        const DemandModel::Sample sample =
            hasMetric ? demandAt(i) : DemandModel::Sample{kNaN, kNaN, DemandModel::Load::Unknown};
        const double d = sample.demand;
        const bool last = i + 1 == n;
        const double dt = last ? 0.0 : t[i + 1] - t[i];
        const bool isCovered = !last && dt > 0 && dt <= G && std::isfinite(s) && std::isfinite(d);

        if (isCovered) {
            covered += dt;
            rs += s * dt;
            const double gap = d - s;
            // d >= m_min >= 1, so the normalised forms never divide by zero.
            if (gap > 0) {
                missing += gap * dt;
                underPct += gap / d * dt;
                underTime += dt;
            } else if (gap < 0) {
                wasted += -gap * dt;
                overPct += -gap / d * dt;
                overTime += dt;
            }
            // The change at i counts only when the intervals before and after it are covered.
            if (previousCovered) {
                const double ds = s - previousS;
                const double dd = d - previousD;
                changeTime += dt;
                if (sign(ds) != sign(dd))
                    unstable += dt;
                supplySteps += std::abs(ds);
                demandSteps += std::abs(dd);
            }
        } else if (!last) {
            ++uncoveredIntervals;
        }
        previousCovered = isCovered;
        previousS = s;
        previousD = d;

        if (std::isfinite(s)) {
            if (std::isfinite(lastReplicas) && s != lastReplicas) {
                const int direction = sign(s - lastReplicas);
                if (lastDirection != 0 && direction != lastDirection &&
                    t[i] - lastChangeTime < window)
                    ++reversals;
                lastDirection = direction;
                lastChangeTime = t[i];
            }
            lastReplicas = s;
        }

        episodes.add(i, t[i], sample.load, s, desiredAt(i));
        if (ttft.values)
            ttft.add(i, dt, isCovered);
        if (itl.values)
            itl.add(i, dt, isCovered);
    }

    sc.coveredS = covered;
    sc.uncoveredS = std::max(0.0, (t.back() - t.front()) - covered);
    sc.uncoveredIntervals = uncoveredIntervals;
    sc.reversals = reversals;
    if (covered > 0) {
        sc.replicaSeconds = rs;
        sc.wastedReplicaSeconds = wasted;
        sc.missingReplicaSeconds = missing;
        sc.meanReplicas = rs / covered;
        sc.underAccuracyPct = percentOf(underPct, covered);
        sc.overAccuracyPct = percentOf(overPct, covered);
        sc.underTimesharePct = percentOf(underTime, covered);
        sc.overTimesharePct = percentOf(overTime, covered);
        sc.instabilityPct = percentOf(unstable, changeTime);
        sc.jitterPerMin = (supplySteps - demandSteps) / (covered / 60.0);
    }

    sc.episodes = episodes.finish();
    std::vector<double> reactions, reliefs;
    for (const ScalingEpisode &e : sc.episodes) {
        if (const auto r = e.reactionS())
            reactions.push_back(*r);
        if (const auto r = e.timeToReliefS())
            reliefs.push_back(*r);
        sc.censored += e.censored();
    }
    sc.reactionMedianS = ScorecardCalculator::median(std::move(reactions));
    sc.timeToReliefMedianS = ScorecardCalculator::median(std::move(reliefs));
    sc.ttft = ttft.result();
    sc.itl = itl.result();
    sc.ttft.limitMs = settings.sloTtftMs;
    sc.itl.limitMs = settings.sloItlMs;
    return sc;
}

} // namespace

Scorecard ScorecardCalculator::compute(const MetricsTable &table, const HpaLimits &limits,
                                       const ScorecardSettings &settings)
{
    const double *replicas = column(table, keys::Replicas);
    const double *desired = column(table, keys::DesiredReplicas);
    DemandModel demand(table, limits, settings);
    return score(
        table, limits, settings, replicas != nullptr, demand.usable(), true, 0.0,
        [replicas](std::size_t i) { return replicas ? replicas[i] : kNaN; },
        [desired](std::size_t i) { return desired ? desired[i] : kNaN; },
        [&demand](std::size_t i) { return demand.next(i); });
}

Scorecard ScorecardCalculator::compute(const MetricsTable &table, const HpaLimits &limits,
                                       const ScorecardSettings &settings, const Supply &supply)
{
    const std::size_t rows = table.rowCount();
    const int *replicas =
        supply.replicas && supply.replicas->size() == rows ? supply.replicas->data() : nullptr;
    const int *desired =
        supply.desired && supply.desired->size() == rows ? supply.desired->data() : replicas;
    // A what-if always has both curves: one null test per call instead of per row.
    const std::vector<int> unknown(replicas ? 0 : rows, -1);
    const int *supplyCounts = replicas ? replicas : unknown.data();
    const int *desiredCounts = desired ? desired : unknown.data();
    const auto count = [](int v) {
        return v >= 0 ? static_cast<double>(v) : kNaN;
    };
    const auto supplyAt = [supplyCounts, &count](std::size_t i) {
        return count(supplyCounts[i]);
    };
    const auto desiredAt = [desiredCounts, &count](std::size_t i) {
        return count(desiredCounts[i]);
    };
    Scorecard sc;
    if (supply.demand && supply.demand->size() == rows) {
        const DemandCache &cache = *supply.demand;
        sc = score(table, limits, settings, replicas != nullptr, cache.usable(), false,
                   supply.resolutionS, supplyAt, desiredAt,
                   [&cache](std::size_t i) { return cache.at(i); });
    } else {
        DemandModel demand(table, limits, settings);
        sc = score(table, limits, settings, replicas != nullptr, demand.usable(), false,
                   supply.resolutionS, supplyAt, desiredAt,
                   [&demand](std::size_t i) { return demand.next(i); });
    }
    // The load, and so breaches, reliefs and latencies, are the recording's: another replica
    // curve would have changed them, which nothing here predicts.
    sc.timeToReliefMedianS.reset();
    sc.ttft = SloAttainment{false, settings.sloTtftMs, std::nullopt};
    sc.itl = SloAttainment{false, settings.sloItlMs, std::nullopt};
    return sc;
}

} // namespace hpa::core
