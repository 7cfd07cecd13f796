#include "core/analysis/hpa_what_if.h"

#include "core/analysis/hpa_replay.h"

#include <algorithm>
#include <atomic>
#include <thread>

namespace hpa::core {

HpaWhatIf::Baseline HpaWhatIf::baseline(const MetricsTable &table, const HpaSpec &spec,
                                        double onsetDelaySeconds)
{
    Baseline b;
    b.table = &table;
    b.spec = spec;
    b.onsetDelaySeconds = onsetDelaySeconds;
    b.gapThresholdSeconds = HpaReplay::gapThreshold(table.time());
    b.demand = ProvisioningKpis::demand(table, spec.minReplicas);
    b.recorded = ProvisioningKpis::compute(table.time(), ProvisioningKpis::recordedSupply(table),
                                           b.demand, b.gapThresholdSeconds);
    return b;
}

HpaWhatIf::Outcome HpaWhatIf::run(const Baseline &baseline, const HpaWhatIfSettings &settings,
                                  bool keepSeries)
{
    Outcome out;
    out.settings = settings;
    out.spec = baseline.spec;
    out.onsetDelaySeconds = baseline.onsetDelaySeconds;
    out.problem = HpaWhatIfEdits::apply(settings, out.spec, out.onsetDelaySeconds);
    if (!out.problem.empty())
        return out;
    HpaReplay::Options options;
    options.closedLoop = true;
    options.onsetDelaySeconds = out.onsetDelaySeconds;
    HpaReplay::Result replay = HpaReplay::run(*baseline.table, out.spec, options);
    if (!replay.problem.empty()) {
        out.problem = replay.problem;
        return out;
    }
    out.kpis = ProvisioningKpis::compute(baseline.table->time(), replay.desired, baseline.demand,
                                         baseline.gapThresholdSeconds);
    out.elasticSpeedup = ProvisioningKpis::elasticSpeedup(baseline.recorded, out.kpis);
    if (keepSeries) {
        out.desired = std::move(replay.desired);
        out.reporting = std::move(replay.reporting);
    }
    return out;
}

std::vector<HpaWhatIf::Outcome> HpaWhatIf::runAll(const Baseline &baseline,
                                                  const std::vector<HpaWhatIfSettings> &settings,
                                                  bool keepSeries, unsigned threads)
{
    std::vector<Outcome> outcomes(settings.size());
    if (threads == 0)
        threads = std::max(1u, std::thread::hardware_concurrency());
    threads = static_cast<unsigned>(std::min<std::size_t>(threads, settings.size()));
    std::atomic<std::size_t> next{0};
    const auto work = [&] {
        for (std::size_t i = next++; i < settings.size(); i = next++)
            outcomes[i] = run(baseline, settings[i], keepSeries);
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t)
        pool.emplace_back(work);
    work();
    for (std::thread &t : pool)
        t.join();
    return outcomes;
}

} // namespace hpa::core
