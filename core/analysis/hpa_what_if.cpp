#include "core/analysis/hpa_what_if.h"

#include "core/analysis/elastic_speedup.h"
#include "core/analysis/hpa_replay.h"
#include "core/analysis/scorecard_calculator.h"
#include "core/analysis/statistics.h"

#include <algorithm>
#include <atomic>
#include <thread>

namespace hpa::core {

HpaWhatIf::Baseline HpaWhatIf::baseline(const MetricsTable &table, const HpaSpec &spec,
                                        double onsetDelaySeconds, ScorecardSettings scoring)
{
    Baseline b;
    b.table = &table;
    b.spec = spec;
    b.onsetDelaySeconds = onsetDelaySeconds;
    b.resolutionS = Statistics::medianInterval(table.time());
    b.gapThresholdSeconds = ScorecardCalculator::gapThreshold(b.resolutionS);
    b.limits.minReplicas = spec.minReplicas;
    b.limits.maxReplicas = spec.maxReplicas;
    b.limits.source = "HPA spec";
    scoring.onsetDelaySeconds = onsetDelaySeconds;
    b.scoring = scoring;
    b.recorded = ScorecardCalculator::compute(table, b.limits, b.scoring);
    b.demand = DemandCache(table, b.limits, b.scoring);
    return b;
}

HpaWhatIf::Outcome HpaWhatIf::run(const Baseline &baseline, const HpaWhatIfSettings &settings,
                                  Series series)
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
    options.gapThresholdSeconds = baseline.gapThresholdSeconds;
    options.keepReporting = series == Series::DesiredAndReporting;
    HpaReplay::Result replay = HpaReplay::run(*baseline.table, out.spec, options);
    if (!replay.problem.empty()) {
        out.problem = replay.problem;
        return out;
    }
    ScorecardCalculator::Supply supply;
    // The recording's supply is status.currentReplicas (spec.replicas before the last sync),
    // its desired count the one decided there: the what-if is scored alike.
    supply.replicas = &replay.current;
    supply.desired = &replay.desired;
    supply.resolutionS = baseline.resolutionS;
    supply.demand = &baseline.demand;
    out.scorecard =
        ScorecardCalculator::compute(*baseline.table, baseline.limits, baseline.scoring, supply);
    out.elasticSpeedup = ElasticSpeedup::of(baseline.recorded, out.scorecard);
    if (series != Series::None) {
        out.desired = std::move(replay.desired);
        out.reporting = std::move(replay.reporting);
    }
    return out;
}

std::vector<HpaWhatIf::Outcome> HpaWhatIf::runAll(const Baseline &baseline,
                                                  const std::vector<HpaWhatIfSettings> &settings,
                                                  Series series, unsigned threads)
{
    std::vector<Outcome> outcomes(settings.size());
    if (threads == 0)
        threads = std::max(1u, std::thread::hardware_concurrency());
    threads = static_cast<unsigned>(std::min<std::size_t>(threads, settings.size()));
    std::atomic<std::size_t> next{0};
    const auto work = [&] {
        for (std::size_t i = next++; i < settings.size(); i = next++)
            outcomes[i] = run(baseline, settings[i], series);
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
