#include "naive_demand_overlay.h"

#include "core/analysis/scorecard_calculator.h"
#include "core/analysis/statistics.h"
#include "core/model/metric_keys.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace hpa::bench {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::vector<double> columnOrNaN(const core::MetricsTable &t, std::string_view key)
{
    const auto *v = t.values(key);
    return v ? v->toVector() : std::vector<double>(t.rowCount(), kNaN);
}

struct Rect
{
    double x0, x1, low, high;
    bool under;
};

} // namespace

NaiveDemandOverlay::Result NaiveDemandOverlay::compute(const core::MetricsTable &table,
                                                       const core::HpaLimits &limits)
{
    namespace k = core::keys;
    Result out;
    const auto &t = table.time();
    const std::vector<double> s = columnOrNaN(table, k::Replicas);
    const std::vector<double> w = columnOrNaN(table, k::Waiting);
    const std::vector<double> wt = columnOrNaN(table, k::WaitingTarget);
    const std::vector<double> kv = columnOrNaN(table, k::KvCachePct);
    const std::vector<double> kvt = columnOrNaN(table, k::KvCacheTargetPct);
    const bool hasReplicas = table.values(k::Replicas) != nullptr;
    for (std::size_t i = 0; i < t.size(); ++i) {
        std::vector<double> proposals;
        const double n = std::isfinite(s[i]) && s[i] >= 1 ? s[i] : 1.0;
        if (std::isfinite(w[i]) && wt[i] > 0)
            proposals.push_back(std::ceil(n * w[i] / wt[i] - 1e-9));
        if (std::isfinite(kv[i]) && kvt[i] > 0)
            proposals.push_back(std::ceil(n * kv[i] / kvt[i] - 1e-9));
        out.demand.push_back(
            proposals.empty() || !hasReplicas
                ? kNaN
                : std::max<double>(limits.floor(),
                                   *std::max_element(proposals.begin(), proposals.end())));
    }
    const double gap = core::ScorecardCalculator::gapThreshold(core::Statistics::medianInterval(t));
    std::vector<Rect> rects;
    for (std::size_t i = 0; i + 1 < t.size(); ++i) {
        const double dt = t[i + 1] - t[i];
        const double d = out.demand[i];
        if (!(dt > 0 && dt <= gap) || !std::isfinite(d) || !std::isfinite(s[i]) || d == s[i])
            continue;
        rects.push_back({t[i], t[i + 1], std::min(d, s[i]), std::max(d, s[i]), d > s[i]});
    }
    for (const Rect &r : rects)
        (r.under ? out.underIntervals : out.overIntervals)++;
    return out;
}

} // namespace hpa::bench
