#include "core/demo/load_profile.h"

#include <cmath>
#include <stdexcept>

namespace hpa::core {

LoadProfile::LoadProfile(std::vector<Job> jobs, double cycleSeconds)
    : m_jobs(std::move(jobs)), m_cycleSeconds(cycleSeconds)
{
    if (!(m_cycleSeconds > 0.0) || !std::isfinite(m_cycleSeconds))
        throw std::invalid_argument("load profile: the cycle length must be positive");
    for (const Job &job : m_jobs) {
        if (job.startDelaySeconds < 0.0 || job.durationSeconds <= 0.0 ||
            job.startDelaySeconds + job.durationSeconds > m_cycleSeconds ||
            job.ratePerSecond < 0.0 || job.rampUpSeconds < 0.0)
            throw std::invalid_argument("load profile: job '" + job.name +
                                        "' does not fit inside the cycle");
    }
}

LoadProfile LoadProfile::defaultScenario()
{
    // A quiet first minute, a ramp that one pod almost handles, two overlapping heavy Jobs that
    // force scale-up to near the maximum, a pause long enough for the stabilization window to
    // let go, a light tail, then five idle minutes of scale-down.
    std::vector<Job> jobs = {
        {"phase-1-ramp", "workloads/sharegpt-load-job-12.yaml", 12.0, 60.0, 600.0, 120.0},
        {"phase-2-peak", "workloads/sharegpt-load-job-28.yaml", 28.0, 240.0, 480.0, 90.0},
        {"phase-3-burst", "workloads/sharegpt-load-job-20.yaml", 20.0, 480.0, 360.0, 0.0},
        {"phase-4-tail", "workloads/sharegpt-load-job-10.yaml", 10.0, 900.0, 300.0, 60.0},
    };
    return LoadProfile(std::move(jobs), 1500.0);
}

double LoadProfile::cyclePosition(double elapsed) const
{
    if (elapsed <= 0.0)
        return elapsed;
    return std::fmod(elapsed, m_cycleSeconds);
}

double LoadProfile::arrivalRate(double elapsed) const
{
    const double pos = cyclePosition(elapsed);
    double rate = 0.0;
    for (const Job &job : m_jobs) {
        if (pos < job.startDelaySeconds || pos >= job.startDelaySeconds + job.durationSeconds)
            continue;
        const double sinceStart = pos - job.startDelaySeconds;
        rate += job.rampUpSeconds > sinceStart ? job.ratePerSecond * sinceStart / job.rampUpSeconds
                                               : job.ratePerSecond;
    }
    return rate;
}

int LoadProfile::activeJobs(double elapsed) const
{
    const double pos = cyclePosition(elapsed);
    int count = 0;
    for (const Job &job : m_jobs) {
        if (pos >= job.startDelaySeconds && pos < job.startDelaySeconds + job.durationSeconds)
            ++count;
    }
    return count;
}

std::size_t LoadProfile::jobRunsStartedBefore(double elapsed) const
{
    if (elapsed <= 0.0)
        return 0;
    const auto fullCycles = static_cast<std::size_t>(std::floor(elapsed / m_cycleSeconds));
    const double pos = elapsed - static_cast<double>(fullCycles) * m_cycleSeconds;
    std::size_t count = fullCycles * m_jobs.size();
    for (const Job &job : m_jobs) {
        if (job.startDelaySeconds < pos)
            ++count;
    }
    return count;
}

} // namespace hpa::core
