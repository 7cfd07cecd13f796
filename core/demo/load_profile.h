#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace hpa::core {

/// The load-generator Jobs of the demo experiment: overlapping constant-rate Jobs inside one
/// cycle that repeats for as long as the run lasts.
class LoadProfile
{
public:
    struct Job
    {
        std::string name;
        std::string manifest;
        double ratePerSecond = 0.0;
        double startDelaySeconds = 0.0; ///< from the start of the cycle
        double durationSeconds = 0.0;
        /// Linear ramp from 0 to the full rate (`vllm bench serve --ramp-up-strategy linear`).
        double rampUpSeconds = 0.0;
    };

    /// Jobs must lie inside [0, cycleSeconds]; throws std::invalid_argument otherwise.
    explicit LoadProfile(std::vector<Job> jobs, double cycleSeconds);

    /// The bundled 25-minute scenario: ramp, two overlapping peaks, a pause, a tail, a cool-down.
    static LoadProfile defaultScenario();

    const std::vector<Job> &jobs() const { return m_jobs; }
    double cycleSeconds() const { return m_cycleSeconds; }

    /// Requests per second offered by the running Jobs at `elapsed` seconds into the run.
    double arrivalRate(double elapsed) const;
    /// Number of Jobs running at `elapsed` seconds into the run.
    int activeJobs(double elapsed) const;
    /// Number of Job runs (over all cycles) that started before `elapsed` seconds.
    std::size_t jobRunsStartedBefore(double elapsed) const;

private:
    double cyclePosition(double elapsed) const;

    std::vector<Job> m_jobs;
    double m_cycleSeconds = 0.0;
};

} // namespace hpa::core
