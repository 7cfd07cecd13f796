#pragma once

#include "core/model/load_warning.h"

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace hpa::core {

/// What llm-d's Workload Variant Autoscaler (WVA) controller logged in one run
/// (wva-controller-logs.jsonl), read per reconcile cycle. Times are seconds since the epoch
/// (UTC: the controller logs `ts` with a `Z`). Values the log did not give are NaN.
struct WvaSample
{
    static constexpr double kUnknown = std::numeric_limits<double>::quiet_NaN();

    double time = 0.0; ///< of the variant's "Metrics collected for VA" line
    int line = 0;      ///< that line, 1-based
    std::string variant;
    double replicas = kUnknown;    ///< the controller's current replicas
    double ttftMs = kUnknown;      ///< observed, as the controller collected it
    double itlMs = kUnknown;       ///< observed
    double arrivalRate = kUnknown; ///< requests per minute (model-based mode only)
    double cost = kUnknown;        ///< the controller's cost figure for the variant
    double queueMean = kUnknown;   ///< per-pod queue lengths averaged over the cycle's pods
    double queueMax = kUnknown;    ///< the largest per-pod queue length
    double kvMean = kUnknown;      ///< per-pod KV cache usage (fraction 0..1) averaged
    double kvMax = kUnknown;       ///< the largest per-pod KV cache usage
    std::size_t pods = 0;          ///< pods that reported a queue or KV value in the cycle
    /// The target of the cycle's decision for this variant; its current replicas when the
    /// cycle said it made no decision; unknown when the log does not say.
    double desiredReplicas = kUnknown;
    double predictedReplicas = kUnknown; ///< model-based optimizer: numRep of its solution
    double predictedTtftMs = kUnknown;   ///< ... its predicted TTFT
    double predictedItlMs = kUnknown;    ///< ... its predicted ITL
    /// Bit i set: value kValueFields[i] was taken from the run's metrics.csv (WvaSourceMerger),
    /// not from the controller log.
    std::uint32_t fromCsv = 0;

    /// Every value a sample carries, in a fixed order (the bits of fromCsv).
    static constexpr double WvaSample::*kValueFields[] = {&WvaSample::replicas,
                                                          &WvaSample::ttftMs,
                                                          &WvaSample::itlMs,
                                                          &WvaSample::arrivalRate,
                                                          &WvaSample::cost,
                                                          &WvaSample::queueMean,
                                                          &WvaSample::queueMax,
                                                          &WvaSample::kvMean,
                                                          &WvaSample::kvMax,
                                                          &WvaSample::desiredReplicas,
                                                          &WvaSample::predictedReplicas,
                                                          &WvaSample::predictedTtftMs,
                                                          &WvaSample::predictedItlMs};
};

/// One "Processing decision: variant=V, action=A, current=C→target=T" line: the decision.
/// (Newer controllers repeat it as "Applied ... decision"; that line is not counted again.)
struct WvaDecision
{
    enum class Action
    {
        ScaleUp,
        ScaleDown,
        NoChange
    };

    double time = 0.0;
    int line = 0;
    std::string variant;
    Action action = Action::NoChange;
    int current = 0;
    int target = 0;
    /// The file the decision was read from when it is not the controller log (metrics.csv).
    std::string file;
};

/// An "Operating in X mode" line that changed the mode (the first one sets it).
struct WvaModeChange
{
    double time = 0.0;
    int line = 0;
    std::string mode; ///< as logged, e.g. "CAPACITY-ONLY", "MODEL-ONLY"
};

/// A variant seen in the log and how often the controller decided about it.
struct WvaVariant
{
    std::string name;
    std::string model; ///< modelID when the log names it for this variant's cycles
    std::size_t samples = 0;
    std::size_t scaleUps = 0, scaleDowns = 0, noChanges = 0;
    std::size_t decisionsTotal() const { return scaleUps + scaleDowns + noChanges; }
};

struct WvaLog
{
    std::vector<WvaSample> samples; ///< in log order
    std::vector<WvaDecision> decisions;
    std::vector<WvaModeChange> modes;
    std::vector<WvaVariant> variants; ///< in order of first appearance
    std::size_t lines = 0;            ///< JSON lines read
    std::size_t cycles = 0;           ///< reconcile cycles seen
    /// Collections less than a second after the variant's previous one: the controller
    /// reconciled twice for one reading; they were merged into that sample.
    std::size_t repeatedCycles = 0;
    /// Decisions equal to the variant's previous one and less than a second after it (from
    /// such a repeated reconcile): not counted again.
    std::size_t repeatedDecisions = 0;
    std::vector<LoadWarning> warnings;
};

} // namespace hpa::core
