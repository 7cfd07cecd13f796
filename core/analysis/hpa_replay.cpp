#include "core/analysis/hpa_replay.h"

#include "core/analysis/scorecard_calculator.h"
#include "core/analysis/statistics.h"

#include "core/model/hpa_metric_proposal.h"
#include "core/model/hpa_reconciler.h"
#include "core/model/metric_keys.h"

#include <algorithm>
#include <cmath>
#include <deque>
#include <exception>

namespace hpa::core {

namespace {

struct MetricInput
{
    const double *values;
    double toHpaUnit;
    std::int64_t targetMilli;
};

int replicaCount(double v)
{
    if (!(v >= 0))
        return -1; // unknown
    return static_cast<int>(std::min(v, 1e6));
}

/// Simulated pods that have been alive for at least D: the minimum count over [now - D, now]
/// (scale-downs remove the newest pods first, so the survivors are the oldest).
class SimulatedPods
{
public:
    SimulatedPods(double delay, double start, int count) : m_delay(delay)
    {
        m_changes.push_back({start, count});
    }
    void set(double now, int count)
    {
        if (count != m_changes.back().count)
            m_changes.push_back({now, count});
    }
    int reporting(double now)
    {
        // Keep the change in force at now - D and everything after it.
        while (m_changes.size() > 1 && m_changes[1].time <= now - m_delay)
            m_changes.pop_front();
        int n = m_changes.back().count;
        for (const Change &c : m_changes)
            n = std::min(n, c.count);
        return n;
    }

private:
    struct Change
    {
        double time;
        int count;
    };
    double m_delay;
    std::deque<Change> m_changes;
};

} // namespace

double HpaReplay::gapThreshold(std::span<const double> time)
{
    return ScorecardCalculator::gapThreshold(Statistics::medianInterval(time));
}

HpaReplay::Result HpaReplay::run(const MetricsTable &table, const HpaSpec &spec,
                                 const Options &options)
{
    Result result;
    const auto &t = table.time();
    const auto *replicas = table.values(keys::Replicas);
    if (t.empty() || !replicas) {
        result.problem = t.empty() ? "no samples" : "no replicas column";
        return result;
    }
    std::optional<HpaReconciler> reconciler;
    try {
        reconciler.emplace(spec);
    } catch (const std::exception &e) {
        result.problem = std::string("invalid spec: ") + e.what();
        return result;
    }
    std::vector<MetricInput> metrics;
    for (const HpaMetricSpec &m : spec.metrics) {
        const auto rec = HpaSpec::recordedMetric(m.name);
        const auto *values = rec ? table.values(rec->valueKey) : nullptr;
        if (values)
            metrics.push_back(
                {values->data(), rec->toHpaUnit, HpaMetricProposal::toMilli(m.target)});
    }
    result.gapThresholdSeconds = options.gapThresholdSeconds.value_or(0) > 0
                                     ? *options.gapThresholdSeconds
                                     : gapThreshold(t);
    const double maxAge = options.maxSampleAgeSeconds.value_or(result.gapThresholdSeconds);
    const double period = spec.controller.syncPeriodSeconds;
    const HpaMetricProposal::Tolerances tolerances{spec.toleranceDown(), spec.toleranceUp()};
    const std::size_t rows = t.size();
    const double *s = replicas->data();

    int first = replicaCount(s[0]);
    if (first < 0)
        first = spec.minReplicas;
    int current = std::clamp(first, spec.minReplicas, spec.maxReplicas);
    SimulatedPods pods(options.onsetDelaySeconds, t[0], current);
    result.desired.assign(rows, current);
    result.current.assign(rows, current);
    int before = current; // spec.replicas before the last sync
    if (options.keepReporting)
        result.reporting.assign(rows, 0);

    std::size_t lag = 0; // last row with t <= t_i - D (recorded pods that report)
    std::size_t row = 0; // last row with t <= now
    std::vector<std::optional<int>> proposals(metrics.size());
    const double start = t[0] + options.phaseSeconds;
    const double end = t[rows - 1];
    std::size_t filled = 0; // rows [0, filled) already hold their desired count
    for (std::size_t k = 0;; ++k) {
        const double now = start + static_cast<double>(k) * period;
        if (now > end)
            break;
        while (row + 1 < rows && t[row + 1] <= now)
            ++row;
        // Rows before this sync keep the count decided at the previous one.
        for (; filled < rows && t[filled] < now; ++filled) {
            result.desired[filled] = current;
            result.current[filled] = before;
        }
        ++result.syncs;
        const bool fresh = t[row] <= now && now - t[row] <= maxAge;
        if (options.onsetDelaySeconds == 0)
            lag = row; // the last row with t <= t[row]: row itself
        else
            while (lag + 1 < rows && t[lag + 1] <= t[row] - options.onsetDelaySeconds)
                ++lag;
        const int recorded = replicaCount(s[lag]);
        const int reporting = options.closedLoop ? pods.reporting(now) : recorded;
        if (options.keepReporting)
            result.reporting[row] = std::max(reporting, 0);
        bool anyValid = false;
        for (std::size_t m = 0; m < metrics.size(); ++m) {
            proposals[m].reset();
            const double v = metrics[m].values[row];
            if (!fresh || std::isnan(v) || reporting <= 0)
                continue;
            double perPod = v * metrics[m].toHpaUnit;
            if (options.closedLoop) {
                if (recorded <= 0)
                    continue;
                perPod = perPod * recorded / reporting; // conserve the recorded total load
            }
            proposals[m] =
                HpaMetricProposal::fromAverage(current, HpaMetricProposal::toMilli(perPod),
                                               reporting, metrics[m].targetMilli, tolerances);
            anyValid = anyValid || proposals[m].has_value();
        }
        if (!anyValid)
            ++result.skippedSyncs;
        const auto raw = HpaMetricProposal::combine(current, proposals);
        before = current;
        current = reconciler->reconcile(now, current, raw).desired;
        if (options.closedLoop)
            pods.set(now, current);
    }
    for (; filled < rows; ++filled) {
        result.desired[filled] = current;
        result.current[filled] = before;
    }
    // Rows between syncs report what the HPA last read.
    for (std::size_t i = 1; i < result.reporting.size(); ++i) {
        if (result.reporting[i] == 0)
            result.reporting[i] = result.reporting[i - 1];
    }
    return result;
}

} // namespace hpa::core
