#include "naive_scorecard.h"

#include "core/model/metric_keys.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace hpa::bench {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::vector<double> columnOrNaN(const core::MetricsTable &t, std::string_view key)
{
    const auto *v = t.values(key);
    return v ? v->toVector() : std::vector<double>(t.rowCount(), kNaN);
}

std::vector<double> ratiosOf(double w, double wt, double kv, double kvt)
{
    std::vector<double> r;
    if (std::isfinite(w) && wt > 0)
        r.push_back(w / wt);
    if (std::isfinite(kv) && kvt > 0)
        r.push_back(kv / kvt);
    return r;
}

int sign(double x)
{
    return (x > 0) - (x < 0);
}

} // namespace

NaiveScorecard::Result NaiveScorecard::compute(const core::MetricsTable &table,
                                               const core::HpaLimits &limits)
{
    namespace k = core::keys;
    Result out;
    const auto &t = table.time();
    const std::size_t n = t.size();
    if (n < 2)
        return out;
    const std::vector<double> s = columnOrNaN(table, k::Replicas);
    const std::vector<double> desired = columnOrNaN(table, k::DesiredReplicas);
    const std::vector<double> w = columnOrNaN(table, k::Waiting);
    const std::vector<double> wt = columnOrNaN(table, k::WaitingTarget);
    const std::vector<double> kv = columnOrNaN(table, k::KvCachePct);
    const std::vector<double> kvt = columnOrNaN(table, k::KvCacheTargetPct);

    std::vector<double> dts;
    for (std::size_t i = 0; i + 1 < n; ++i) {
        if (t[i + 1] - t[i] > 0)
            dts.push_back(t[i + 1] - t[i]);
    }
    std::vector<double> sorted = dts;
    std::sort(sorted.begin(), sorted.end());
    const std::size_t m = sorted.size();
    const double median = m % 2 ? sorted[m / 2] : (sorted[m / 2 - 1] + sorted[m / 2]) / 2;
    const double G = std::max(3 * median, 60.0);

    std::vector<std::vector<double>> ratios(n);
    std::vector<double> d(n, kNaN);
    for (std::size_t i = 0; i < n; ++i) {
        ratios[i] = ratiosOf(w[i], wt[i], kv[i], kvt[i]);
        if (ratios[i].empty())
            continue;
        const double pods = std::isfinite(s[i]) && s[i] >= 1 ? s[i] : 1.0;
        double di = limits.floor();
        for (double r : ratios[i])
            di = std::max(di, std::ceil(pods * r - 1e-9));
        d[i] = di;
    }
    std::vector<bool> covered(n, false);
    for (std::size_t i = 0; i + 1 < n; ++i) {
        const double dt = t[i + 1] - t[i];
        covered[i] = dt > 0 && dt <= G && std::isfinite(s[i]) && std::isfinite(d[i]);
    }
    double T = 0, under = 0, over = 0;
    for (std::size_t i = 0; i + 1 < n; ++i)
        T += covered[i] ? t[i + 1] - t[i] : 0;
    for (std::size_t i = 0; i + 1 < n; ++i) {
        if (covered[i])
            under += std::max(d[i] - s[i], 0.0) / d[i] * (t[i + 1] - t[i]);
    }
    for (std::size_t i = 0; i + 1 < n; ++i) {
        if (covered[i])
            over += std::max(s[i] - d[i], 0.0) / d[i] * (t[i + 1] - t[i]);
    }
    double Tp = 0, unstable = 0;
    for (std::size_t i = 1; i + 1 < n; ++i) {
        if (!covered[i - 1] || !covered[i])
            continue;
        Tp += t[i + 1] - t[i];
        if (sign(s[i] - s[i - 1]) != sign(d[i] - d[i - 1]))
            unstable += t[i + 1] - t[i];
    }
    out.coveredS = T;
    out.underAccuracyPct = T > 0 ? 100 * under / T : kNaN;
    out.overAccuracyPct = T > 0 ? 100 * over / T : kNaN;
    out.instabilityPct = Tp > 0 ? 100 * unstable / Tp : kNaN;

    // Replica changes as a list, then reversals over the list.
    std::vector<std::pair<double, int>> changes;
    double previous = kNaN;
    for (std::size_t i = 0; i < n; ++i) {
        if (!std::isfinite(s[i]))
            continue;
        if (std::isfinite(previous) && s[i] != previous)
            changes.emplace_back(t[i], sign(s[i] - previous));
        previous = s[i];
    }
    for (std::size_t j = 1; j < changes.size(); ++j)
        out.reversals += changes[j].second != changes[j - 1].second &&
                         changes[j].first - changes[j - 1].first < 120;

    // Episodes: scan forward from each breach for its relief and decision.
    const auto breach = [&](std::size_t i) {
        return std::any_of(ratios[i].begin(), ratios[i].end(), [](double r) { return r > 1.1; });
    };
    const auto calm = [&](std::size_t i) {
        return !ratios[i].empty() &&
               std::all_of(ratios[i].begin(), ratios[i].end(), [](double r) { return r <= 1.1; });
    };
    bool previousCalm = true;
    for (std::size_t i = 0; i < n;) {
        if (breach(i) && previousCalm) {
            ++out.episodes;
            std::size_t relief = i + 1;
            while (relief < n && !calm(relief))
                ++relief;
            std::size_t decision = i;
            while (decision < n && decision <= relief && !(desired[decision] > s[decision]))
                ++decision;
            if (decision < n && decision <= relief) {
                std::size_t caught = decision;
                while (caught < n && !(s[caught] >= desired[decision]))
                    ++caught;
                out.caughtUp += caught < n;
            }
            if (relief >= n)
                break;
            i = relief + 1;
            previousCalm = true;
            continue;
        }
        previousCalm = !breach(i);
        ++i;
    }
    return out;
}

} // namespace hpa::bench
