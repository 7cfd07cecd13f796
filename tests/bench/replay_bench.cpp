#include "replay_bench.h"

#include "bench_timer.h"

#include "core/analysis/hpa_replay.h"
#include "core/analysis/hpa_what_if.h"
#include "core/analysis/scorecard_calculator.h"
#include "core/load/experiment_loader.h"
#include "core/load/hpa_spec_loader.h"
#include "core/model/hpa_metric_proposal.h"
#include "core/model/hpa_reconciler.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <ostream>
#include <thread>

namespace hpa::bench {

namespace {

volatile std::size_t g_sink = 0; // keeps the timed work from being optimised away

/// The straightforward driver: every sync finds its sample by binary search and its columns
/// by name, computes G afresh, and keeps the whole replica curve in a copy of the table's
/// rows. Same algorithm (HpaReconciler), same result.
std::vector<int> naiveReplay(const core::MetricsTable &table, const core::HpaSpec &spec)
{
    core::HpaReconciler reconciler(spec);
    reconciler.setReferenceMemory(true); // upstream's list, scanned at every sync
    const auto &t = table.time();
    std::vector<int> desired(t.size(), 0);
    int current = std::clamp(static_cast<int>((*table.values("replicas"))[0]), spec.minReplicas,
                             spec.maxReplicas);
    const double maxAge = core::HpaReplay::gapThreshold(t);
    for (double now = t.front(); now <= t.back(); now += spec.controller.syncPeriodSeconds) {
        std::size_t row = table.lowerBound(now);
        if (row == t.size() || t[row] > now)
            row = row == 0 ? 0 : row - 1;
        const int n = static_cast<int>((*table.values("replicas"))[row]);
        std::vector<std::optional<int>> proposals;
        for (const core::HpaMetricSpec &m : spec.metrics) {
            const auto rec = core::HpaSpec::recordedMetric(m.name);
            const auto *col = rec ? table.values(rec->valueKey) : nullptr;
            const double v = col ? (*col)[row] : std::nan("");
            if (!col || std::isnan(v) || now - t[row] > maxAge || n <= 0) {
                proposals.push_back(std::nullopt);
                continue;
            }
            proposals.push_back(core::HpaMetricProposal::fromAverage(
                current, core::HpaMetricProposal::toMilli(v * rec->toHpaUnit), n,
                core::HpaMetricProposal::toMilli(m.target),
                {spec.toleranceDown(), spec.toleranceUp()}));
        }
        current =
            reconciler.reconcile(now, current, core::HpaMetricProposal::combine(current, proposals))
                .desired;
        for (std::size_t i = row; i < t.size() && t[i] < now + spec.controller.syncPeriodSeconds;
             ++i)
            desired[i] = current;
    }
    return desired;
}

/// A what-if the straightforward way: the edited spec replayed with default options (G
/// recomputed, every series kept), then scored from scratch (median interval and demand
/// recomputed for this curve). What each what-if cost before the sweep's shared work.
std::size_t naiveWhatIf(const core::MetricsTable &table, const core::HpaSpec &loaded,
                        const core::HpaLimits &limits, const core::HpaWhatIfSettings &settings)
{
    core::HpaSpec spec = loaded;
    double delay = 0;
    if (!core::HpaWhatIfEdits::apply(settings, spec, delay).empty())
        return 0;
    core::HpaReplay::Options options;
    options.closedLoop = true;
    options.onsetDelaySeconds = delay;
    const core::HpaReplay::Result r = core::HpaReplay::run(table, spec, options);
    core::ScorecardCalculator::Supply supply;
    supply.replicas = &r.current;
    supply.desired = &r.desired;
    return core::ScorecardCalculator::compute(table, limits, {}, supply).reversals +
           r.reporting.size();
}

} // namespace

void ReplayBench::run(const std::string &dir, std::ostream &out)
{
    core::ExperimentLoader::Options options;
    options.keepEventTexts = false;
    const core::Experiment experiment = core::ExperimentLoader::load(dir, options);
    const auto resolved = core::HpaSpecLoader::resolve(experiment, std::nullopt);
    const core::HpaSpec &spec = resolved.resolved->spec;
    const core::MetricsTable &table = experiment.metrics;
    const int repeats = table.rowCount() > 200000 ? 5 : 20;

    core::HpaReplay::Options open;
    const double replayMs = BenchTimer::medianMs(repeats, [&] {
        const auto r = core::HpaReplay::run(table, spec, open);
        g_sink = g_sink + r.desired.size();
    });
    const double naiveReplayMs = BenchTimer::medianMs(repeats, [&] {
        const auto r = naiveReplay(table, spec);
        g_sink = g_sink + r.size();
    });

    const core::HpaWhatIf::Baseline baseline = core::HpaWhatIf::baseline(table, spec, 0);
    const core::HpaWhatIfSettings edit{{"down-window", "60"}};
    const double editMs = BenchTimer::medianMs(repeats, [&] {
        const auto o = core::HpaWhatIf::run(baseline, edit, core::HpaWhatIf::Series::Desired);
        g_sink = g_sink + o.scorecard.reversals;
    });
    const double naiveEditMs = BenchTimer::medianMs(
        repeats, [&] { g_sink = g_sink + naiveWhatIf(table, spec, baseline.limits, edit); });

    std::vector<core::HpaWhatIfSettings> sweep;
    core::HpaWhatIfEdits::expandSweeps({"down-window=0:90:10", "kv-target=0.3:0.75:0.05"}, sweep);
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    const double sweepMs = BenchTimer::medianMs(3, [&] {
        const auto o =
            core::HpaWhatIf::runAll(baseline, sweep, core::HpaWhatIf::Series::None, cores);
        g_sink = g_sink + o.size();
    });
    const double sequentialMs = BenchTimer::medianMs(3, [&] {
        const auto o = core::HpaWhatIf::runAll(baseline, sweep, core::HpaWhatIf::Series::None, 1);
        g_sink = g_sink + o.size();
    });
    const double naiveSweepMs = BenchTimer::medianMs(1, [&] {
        for (const core::HpaWhatIfSettings &s : sweep)
            g_sink = g_sink + naiveWhatIf(table, spec, baseline.limits, s);
    });
    out << fmt::format("\nHPA replay, {} rows ({}):\n", table.rowCount(), dir);
    out << fmt::format("  one open-loop replay      {:9.2f} ms   naive driver {:9.2f} ms   "
                       "{:6.1f}x\n",
                       replayMs, naiveReplayMs, naiveReplayMs / replayMs);
    out << fmt::format("  one what-if edit + scorecard {:6.2f} ms   naive what-if {:9.2f} ms   "
                       "{:6.1f}x\n",
                       editMs, naiveEditMs, naiveEditMs / editMs);
    out << fmt::format("  sweep of {} combinations {:9.2f} ms on {} cores   one core {:9.2f} ms   "
                       "naive, one core {:9.2f} ms   {:6.1f}x\n",
                       sweep.size(), sweepMs, cores, sequentialMs, naiveSweepMs,
                       naiveSweepMs / sweepMs);
}

} // namespace hpa::bench
