#pragma once

#include "core/demo/load_profile.h"

#include <cstdint>
#include <random>
#include <vector>

namespace hpa::core {

/// The vLLM deployment of the demo experiment: pods that become ready after a delay, one request
/// queue fed by a LoadProfile, and the metrics a monitor would read. Seeded and deterministic.
class DemoCluster
{
public:
    /// One metric snapshot, rounded the way the monitor writes it.
    struct Sample
    {
        int readyPods = 0;
        double waitingPerPod = 0.0; ///< milli precision, like a Kubernetes quantity
        double kvCacheFraction = 0.0;
        double ttftMs = 0.0; ///< 0 when nothing was served in the last minute
        double itlMs = 0.0;
        double requestsPerMinute = 0.0;
        int activeJobs = 0;
    };

    /// Requests per second one ready pod serves.
    static constexpr double podCapacity = 8.0;

    /// Starts at time 0 with one ready pod and an empty queue.
    explicit DemoCluster(LoadProfile profile, std::uint64_t seed);

    const LoadProfile &profile() const { return m_profile; }
    double time() const { return m_time; }

    /// Runs the model forward to `time` (seconds since the start); earlier times are a no-op.
    void advanceTo(double time);
    /// The metrics at the current time, with measurement noise.
    Sample observe();
    /// Follows a change of the desired count: new pods become ready 20-60 s from now, removals
    /// take the pods that are not ready yet first.
    void scale(int fromReplicas, int toReplicas);
    /// Pods ready at the current time (at least 1).
    int readyPods() const;

private:
    double uniform01();
    double noise();

    LoadProfile m_profile;
    std::mt19937_64 m_rng;
    std::vector<double> m_podReadyAt; ///< ascending
    double m_time = 0.0;
    double m_queue = 0.0;
    double m_busy = 0.0; ///< smoothed fraction of the ready capacity in use
    double m_ttftMs = 0.0;
    double m_itlMs = 0.0;
    double m_servedPerSecond = 0.0;
    double m_lastServedAt;
};

} // namespace hpa::core
