#include "core/parsers/wva_cycle_assembler.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>

namespace hpa::core {

namespace {

/// Collections (and decisions) of one variant closer than this are one reconcile logged twice.
constexpr double kSameCycleSeconds = 1.0;

} // namespace

void WvaCycleAssembler::open()
{
    if (!m_cycle.open) {
        m_cycle.open = true;
        ++m_log.cycles;
    }
}

void WvaCycleAssembler::startCycle()
{
    closeCycle();
    open();
}

void WvaCycleAssembler::addSample(WvaSample sample)
{
    const bool seen = std::any_of(m_cycle.samples.begin(), m_cycle.samples.end(),
                                  [&](const WvaSample &s) { return s.variant == sample.variant; });
    if (seen) // no cycle markers: a second collection starts a new cycle
        closeCycle();
    open();
    m_cycle.samples.push_back(std::move(sample));
}

void WvaCycleAssembler::addPodValue(bool kv, std::string pod, double value)
{
    open();
    (kv ? m_cycle.kv : m_cycle.queue).push_back({std::move(pod), value});
}

bool WvaCycleAssembler::hasPodValue(bool kv, std::string_view pod) const
{
    const std::vector<PodValue> &values = kv ? m_cycle.kv : m_cycle.queue;
    return std::any_of(values.begin(), values.end(),
                       [&](const PodValue &v) { return v.pod == pod; });
}

void WvaCycleAssembler::addPrediction(const std::string &variant, double replicas, double ttftMs,
                                      double itlMs)
{
    m_cycle.predictions[variant] = {replicas, ttftMs, itlMs};
}

void WvaCycleAssembler::addDecision(WvaDecision d, std::string_view action)
{
    // The same decision again from a reconcile repeated within a second is one decision.
    const auto previous =
        std::find_if(m_log.decisions.rbegin(), m_log.decisions.rend(),
                     [&](const WvaDecision &p) { return p.variant == d.variant; });
    const bool repeated = previous != m_log.decisions.rend() && d.time >= previous->time &&
                          d.time - previous->time < kSameCycleSeconds &&
                          previous->current == d.current && previous->target == d.target;
    m_cycle.decisions[d.variant] = d.target;
    if (repeated) {
        ++m_log.repeatedDecisions;
        return;
    }
    WvaVariant &v = variant(d.variant);
    if (action == "scale-up") {
        d.action = WvaDecision::Action::ScaleUp;
        ++v.scaleUps;
    } else if (action == "scale-down") {
        d.action = WvaDecision::Action::ScaleDown;
        ++v.scaleDowns;
    } else if (action == "no-change") {
        d.action = WvaDecision::Action::NoChange;
        ++v.noChanges;
    } else {
        m_warnings.add(d.line, fmt::format("unknown decision action \"{}\"; ignored", action));
        return;
    }
    m_log.decisions.push_back(std::move(d));
}

WvaVariant &WvaCycleAssembler::variant(const std::string &name)
{
    for (WvaVariant &v : m_log.variants) {
        if (v.name == name)
            return v;
    }
    m_log.variants.push_back({name, {}, 0, 0, 0, 0});
    return m_log.variants.back();
}

void WvaCycleAssembler::finishSample(WvaSample &s, std::size_t variants)
{
    // Pods belong to the variant whose name starts theirs (the deployment's pods); with a
    // single variant in the cycle every pod is its.
    double queueSum = 0, kvSum = 0;
    std::size_t queueCount = 0, kvCount = 0;
    std::set<std::string_view> pods;
    auto mine = [&](const std::string &pod) {
        return variants == 1 || pod.compare(0, s.variant.size(), s.variant) == 0;
    };
    for (const PodValue &q : m_cycle.queue) {
        if (!mine(q.pod))
            continue;
        queueSum += q.value;
        ++queueCount;
        s.queueMax = std::isnan(s.queueMax) ? q.value : std::max(s.queueMax, q.value);
        pods.insert(q.pod);
    }
    for (const PodValue &k : m_cycle.kv) {
        if (!mine(k.pod))
            continue;
        kvSum += k.value;
        ++kvCount;
        s.kvMax = std::isnan(s.kvMax) ? k.value : std::max(s.kvMax, k.value);
        pods.insert(k.pod);
    }
    if (queueCount)
        s.queueMean = queueSum / static_cast<double>(queueCount);
    if (kvCount)
        s.kvMean = kvSum / static_cast<double>(kvCount);
    s.pods = pods.size();
    if (const auto p = m_cycle.predictions.find(s.variant); p != m_cycle.predictions.end()) {
        s.predictedReplicas = p->second[0];
        s.predictedTtftMs = p->second[1];
        s.predictedItlMs = p->second[2];
    }
    if (const auto d = m_cycle.decisions.find(s.variant); d != m_cycle.decisions.end())
        s.desiredReplicas = d->second;
    else if (m_cycle.noDecisions)
        s.desiredReplicas = s.replicas;
}

void WvaCycleAssembler::closeCycle()
{
    const std::size_t variants = m_cycle.samples.size();
    for (WvaSample &s : m_cycle.samples) {
        finishSample(s, variants);
        // Controllers reconcile twice within milliseconds when two triggers coincide: the same
        // readings again are one sample, not two (the decisions were counted already).
        const auto previous =
            std::find_if(m_log.samples.rbegin(), m_log.samples.rend(),
                         [&](const WvaSample &p) { return p.variant == s.variant; });
        if (previous != m_log.samples.rend() && s.time >= previous->time &&
            s.time - previous->time < kSameCycleSeconds) {
            if (std::isnan(previous->desiredReplicas) || !std::isnan(s.desiredReplicas))
                previous->desiredReplicas = s.desiredReplicas;
            ++m_log.repeatedCycles;
            continue;
        }
        WvaVariant &v = variant(s.variant);
        ++v.samples;
        if (v.model.empty())
            v.model = m_cycle.model;
        m_log.samples.push_back(std::move(s));
    }
    std::string model = std::move(m_cycle.model);
    m_cycle = Cycle();
    m_cycle.model = std::move(model); // "Processing model" may precede the next cycle's start
}

} // namespace hpa::core
