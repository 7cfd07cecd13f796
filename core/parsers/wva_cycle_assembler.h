#pragma once

#include "core/model/warning_list.h"
#include "core/model/wva_log.h"

#include <array>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace hpa::core {

/// Puts what one WVA reconcile cycle logged together into samples and decisions: the rules
/// both readers of a WVA run share (the controller log, WvaLogParser, and the long metrics.csv
/// its scripts derive from it, WvaMetricsCsvParser), so a run reads the same from either.
///   - one sample per variant and cycle; per-pod queue and KV values are averaged (and their
///     maximum kept) over the pods of the cycle whose name starts with the variant's (every pod
///     when the cycle has one variant);
///   - the cycle's decision for a variant is its desired replicas; when the cycle said it made
///     none, its current replicas;
///   - a collection less than a second after the variant's previous one is the same reading
///     logged twice (two triggers coincided): merged into that sample; the same decision again
///     within a second is counted once.
class WvaCycleAssembler
{
public:
    /// Warnings (an unknown decision action) go to `warnings`.
    explicit WvaCycleAssembler(WarningList &warnings) : m_warnings(warnings) {}

    /// Closes the open cycle and opens a new one.
    void startCycle();
    /// Closes the open cycle, if any: its samples join the log.
    void closeCycle();
    /// Adds the variant's collection; a second one of the same variant starts a new cycle.
    void addSample(WvaSample sample);
    /// A pod's queue length (`kv` false) or KV cache usage as a fraction (`kv` true).
    void addPodValue(bool kv, std::string pod, double value);
    /// True when the open cycle already has a `kv`/queue value of `pod` (a reader without cycle
    /// markers starts a new cycle then).
    bool hasPodValue(bool kv, std::string_view pod) const;
    /// The optimizer's solution for `variant`: replicas, TTFT and ITL (NaN when not given).
    void addPrediction(const std::string &variant, double replicas, double ttftMs, double itlMs);
    /// A decision; `action` as logged ("scale-up", "scale-down", "no-change"), anything else
    /// is a warning for `line`.
    void addDecision(WvaDecision decision, std::string_view action);
    /// The cycle said it made no decision.
    void noDecisions() { m_cycle.noDecisions = true; }
    /// The model the cycle's variants serve ("Processing model: modelID=...").
    void setModel(std::string model) { m_cycle.model = std::move(model); }

    WvaLog &log() { return m_log; }

private:
    struct PodValue
    {
        std::string pod;
        double value = 0;
    };
    struct Cycle
    {
        std::vector<WvaSample> samples;
        std::vector<PodValue> queue, kv;
        std::map<std::string, std::array<double, 3>, std::less<>> predictions; ///< rep, ttft, itl
        std::map<std::string, int, std::less<>> decisions; ///< variant -> target
        bool noDecisions = false;
        std::string model;
        bool open = false;
    };

    void open();
    void finishSample(WvaSample &s, std::size_t variants);
    WvaVariant &variant(const std::string &name);

    WarningList &m_warnings;
    WvaLog m_log;
    Cycle m_cycle;
};

} // namespace hpa::core
