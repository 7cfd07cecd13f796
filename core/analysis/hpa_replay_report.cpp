#include "core/analysis/hpa_replay_report.h"

#include "core/analysis/hpa_replay.h"
#include "core/model/metric_keys.h"

#include <algorithm>
#include <utility>

namespace hpa::core {

namespace {

/// The recorded `replicas` column as counts (-1 where missing), for the series.
std::vector<int> recordedReplicas(const MetricsTable &table)
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

} // namespace

double HpaReplayReport::warmupSeconds(const HpaSpec &spec)
{
    double w = spec.controller.syncPeriodSeconds;
    w = std::max({w, spec.scaleUpWindowSeconds(), spec.scaleDownWindowSeconds()});
    if (spec.behavior) {
        for (const auto *rules : {&spec.behavior->scaleUp, &spec.behavior->scaleDown}) {
            for (const HpaScalingPolicy &p : rules->policies)
                w = std::max(w, static_cast<double>(p.periodSeconds));
        }
    }
    return w;
}

HpaReplayReport HpaReplayReport::build(const MetricsTable &table, ResolvedHpaSpec spec,
                                       const Request &request)
{
    HpaReplayReport report;
    report.spec = std::move(spec);
    report.onsetDelaySeconds = request.onsetDelaySeconds;
    HpaReplay::Options open;
    open.onsetDelaySeconds = request.onsetDelaySeconds;
    HpaReplay::Result replay = HpaReplay::run(table, report.spec.spec, open);
    report.problem = replay.problem;
    report.syncs = replay.syncs;
    report.skippedSyncs = replay.skippedSyncs;
    report.gapThresholdSeconds = replay.gapThresholdSeconds;
    if (!replay.problem.empty())
        return report;
    report.selfCheck = HpaSelfCheck::compare(table, replay.desired, replay.gapThresholdSeconds,
                                             warmupSeconds(report.spec.spec));
    const HpaWhatIf::Baseline baseline =
        HpaWhatIf::baseline(table, report.spec.spec, request.onsetDelaySeconds, request.scoring);
    report.recorded = baseline.recorded;
    std::vector<HpaWhatIfSettings> all;
    all.reserve(request.whatIfs.size() + 1);
    all.emplace_back();
    all.insert(all.end(), request.whatIfs.begin(), request.whatIfs.end());
    report.whatIfs = HpaWhatIf::runAll(baseline, all,
                                       request.series ? HpaWhatIf::Series::DesiredAndReporting
                                                      : HpaWhatIf::Series::None,
                                       request.threads);
    if (request.series) {
        const auto &t = table.time();
        report.elapsed.resize(t.size());
        for (std::size_t i = 0; i < t.size(); ++i)
            report.elapsed[i] = t[i] - t.front();
        report.selfCheckDesired = std::move(replay.desired);
        report.selfCheckReplicas = recordedReplicas(table);
    }
    return report;
}

} // namespace hpa::core
