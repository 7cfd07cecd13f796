#include "core/analysis/provisioning_kpis.h"

#include "core/model/metric_keys.h"

#include <algorithm>
#include <cmath>

namespace hpa::core {

std::vector<double> ProvisioningKpis::demand(const MetricsTable &table, int minReplicas)
{
    const std::size_t rows = table.rowCount();
    std::vector<double> d(rows, std::nan(""));
    const auto *s = table.values(keys::Replicas);
    const auto *w = table.values(keys::Waiting);
    const auto *wt = table.values(keys::WaitingTarget);
    const auto *k = table.values(keys::KvCachePct);
    const auto *kt = table.values(keys::KvCacheTargetPct);
    const double floor = std::max(minReplicas, 1);
    for (std::size_t i = 0; i < rows; ++i) {
        const double n = s && (*s)[i] >= 1 ? (*s)[i] : 1.0;
        double best = std::nan("");
        const auto consider = [&](const std::vector<double> *v, const std::vector<double> *target) {
            if (!v || !target || std::isnan((*v)[i]) || !((*target)[i] > 0))
                return;
            const double need = std::ceil(n * (*v)[i] / (*target)[i] - 1e-9);
            best = std::isnan(best) ? need : std::max(best, need);
        };
        consider(w, wt);
        consider(k, kt);
        if (!std::isnan(best))
            d[i] = std::max(best, floor);
    }
    return d;
}

std::vector<int> ProvisioningKpis::recordedSupply(const MetricsTable &table)
{
    std::vector<int> out(table.rowCount(), -1);
    if (const auto *s = table.values(keys::Replicas)) {
        for (std::size_t i = 0; i < out.size(); ++i) {
            if ((*s)[i] >= 0)
                out[i] = static_cast<int>(std::min((*s)[i], 1e6));
        }
    }
    return out;
}

ProvisioningKpis ProvisioningKpis::compute(const std::vector<double> &time,
                                           const std::vector<int> &supply,
                                           const std::vector<double> &demand,
                                           double gapThresholdSeconds)
{
    ProvisioningKpis k;
    double underPct = 0, overPct = 0, underTime = 0, overTime = 0;
    const std::size_t rows = std::min({time.size(), supply.size(), demand.size()});
    int previousChange = 0;
    double previousChangeTime = 0;
    for (std::size_t i = 0; i < rows; ++i) {
        if (i > 0 && supply[i] >= 0 && supply[i - 1] >= 0 && supply[i] != supply[i - 1]) {
            const int direction = supply[i] > supply[i - 1] ? 1 : -1;
            if (previousChange != 0 && direction != previousChange &&
                time[i] - previousChangeTime < 120.0)
                ++k.reversals;
            previousChange = direction;
            previousChangeTime = time[i];
        }
        if (i + 1 >= rows)
            break;
        const double dt = time[i + 1] - time[i];
        const double d = demand[i];
        if (!(dt > 0) || dt > gapThresholdSeconds || std::isnan(d) || supply[i] < 0) {
            if (dt > 0)
                k.uncoveredS += dt;
            continue;
        }
        const double s = supply[i];
        k.coveredS += dt;
        k.replicaSeconds += s * dt;
        k.wastedReplicaSeconds += std::max(s - d, 0.0) * dt;
        k.missingReplicaSeconds += std::max(d - s, 0.0) * dt;
        underPct += std::max(d - s, 0.0) / d * dt;
        overPct += std::max(s - d, 0.0) / d * dt;
        underTime += d > s ? dt : 0.0;
        overTime += s > d ? dt : 0.0;
    }
    if (k.coveredS > 0) {
        k.meanReplicas = k.replicaSeconds / k.coveredS;
        k.underAccuracyPct = 100.0 * underPct / k.coveredS;
        k.overAccuracyPct = 100.0 * overPct / k.coveredS;
        k.underTimesharePct = 100.0 * underTime / k.coveredS;
        k.overTimesharePct = 100.0 * overTime / k.coveredS;
    }
    return k;
}

std::optional<double> ProvisioningKpis::elasticSpeedup(const ProvisioningKpis &base,
                                                       const ProvisioningKpis &k)
{
    const std::optional<double> b[] = {base.underAccuracyPct, base.overAccuracyPct,
                                       base.underTimesharePct, base.overTimesharePct};
    const std::optional<double> m[] = {k.underAccuracyPct, k.overAccuracyPct, k.underTimesharePct,
                                       k.overTimesharePct};
    double logSum = 0;
    for (int i = 0; i < 4; ++i) {
        if (!b[i] || !m[i])
            return std::nullopt;
        logSum += std::log(std::max(*b[i], 0.01) / std::max(*m[i], 0.01));
    }
    return std::exp(logSum / 4.0);
}

} // namespace hpa::core
