#include "core/library/run_row_builder.h"

#include "core/model/metric_keys.h"

namespace hpa::core {

namespace {

const SeriesSummary *statsOf(const ExperimentSummary &s, std::string_view key)
{
    const auto it = s.series.find(std::string(key));
    return it != s.series.end() && it->second.hasStats ? &it->second : nullptr;
}

} // namespace

RunRow RunRowBuilder::fromSummary(const ExperimentSummary &s)
{
    RunRow r;
    r.path = s.path;
    r.name = s.name;
    r.layout = s.layout;
    r.warnings = static_cast<double>(s.warnings.size());
    if (s.samples > 0) {
        r.start = s.start;
        r.startSeconds = s.startSeconds;
        r.durationSeconds = s.durationSeconds;
    }
    r.samples = static_cast<double>(s.samples);
    if (s.replicasMax)
        r.maxReplicas = *s.replicasMax;
    const Scorecard &sc = s.autoscaling;
    if (s.replicasMax) // some replica count was read: the integral means something
        r.replicaHours = s.replicaSeconds / 3600.0;
    r.meanReplicas = sc.meanReplicas;
    if (const SeriesSummary *w = statsOf(s, keys::Waiting))
        r.waitingP90 = w->p90;
    if (const SeriesSummary *kv = statsOf(s, keys::KvCachePct))
        r.kvMeanPct = kv->mean;
    r.thetaUPct = sc.underAccuracyPct;
    r.tauUPct = sc.underTimesharePct;
    r.reactionMedianS = sc.reactionMedianS;
    r.sloTtftPct = sc.ttft.attainmentPct;
    r.sloItlPct = sc.itl.attainmentPct;
    return r;
}

} // namespace hpa::core
