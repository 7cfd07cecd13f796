#include "core/demo/demo_cluster.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace hpa::core {
namespace {

constexpr double kMaxQueue = 1500.0; // clients time out beyond this backlog
constexpr double kMaxStepSeconds = 5.0;
constexpr double kMetricWindowSeconds = 60.0; // Prometheus rate(...[1m])
constexpr double kLatencyEmaSeconds = 30.0;
constexpr double kBusyEmaSeconds = 10.0;

double round3(double v)
{
    return std::round(v * 1000.0) / 1000.0;
}

double round2(double v)
{
    return std::round(v * 100.0) / 100.0;
}

} // namespace

DemoCluster::DemoCluster(LoadProfile profile, std::uint64_t seed)
    : m_profile(std::move(profile)),
      m_rng(seed), m_podReadyAt{-std::numeric_limits<double>::infinity()},
      m_lastServedAt(-std::numeric_limits<double>::infinity())
{}

double DemoCluster::uniform01()
{
    // From the raw engine output: std::uniform_real_distribution is implementation-defined,
    // and the demo files must come out byte-identical on every platform.
    return static_cast<double>(m_rng() >> 11) * 0x1.0p-53;
}

double DemoCluster::noise()
{
    // Triangular in (-1, 1): bounded, more central than a uniform, no libm involved.
    return uniform01() + uniform01() - 1.0;
}

int DemoCluster::readyPods() const
{
    const auto end = std::upper_bound(m_podReadyAt.begin(), m_podReadyAt.end(), m_time);
    return std::max(1, static_cast<int>(end - m_podReadyAt.begin()));
}

void DemoCluster::advanceTo(double time)
{
    while (m_time < time) {
        const double h = std::min(kMaxStepSeconds, time - m_time);
        const int ready = readyPods();
        const double offered = m_profile.arrivalRate(m_time + h / 2.0);
        const double arrivalNoise = noise();
        const double capacityPerSecond = ready * podCapacity * (1.0 + 0.05 * noise());
        const double capacity = capacityPerSecond * h;
        m_queue += offered * h * (1.0 + 0.1 * arrivalNoise);
        const double served = std::min(m_queue, capacity);
        m_queue = std::min(m_queue - served, kMaxQueue);
        const double busy = served / capacity;
        m_busy += h / (h + kBusyEmaSeconds) * (busy - m_busy);
        m_time += h;

        const double alpha = h / (h + kLatencyEmaSeconds);
        if (served > 0.0) {
            const double ttft = 90.0 + 60.0 * busy + m_queue / capacityPerSecond * 1000.0;
            const double itl = 15.0 + 20.0 * busy + 5.0 * std::min(1.0, m_queue / (ready * 20.0));
            if (m_time - m_lastServedAt > kMetricWindowSeconds) {
                // A fresh series after a quiet minute starts from now, not from stale averages.
                m_ttftMs = ttft;
                m_itlMs = itl;
                m_servedPerSecond = 0.0;
            } else {
                m_ttftMs += alpha * (ttft - m_ttftMs);
                m_itlMs += alpha * (itl - m_itlMs);
            }
            m_lastServedAt = m_time;
        }
        m_servedPerSecond += alpha * (served / h - m_servedPerSecond);
    }
}

DemoCluster::Sample DemoCluster::observe()
{
    Sample s;
    s.readyPods = readyPods();
    // Always draw the same number of values, so one branch never shifts the others' noise.
    const double slotJitter = uniform01();
    const double kvNoise = noise(), ttftNoise = noise(), itlNoise = noise();
    const double rateNoise = noise();

    // Near saturation a few requests wait for a free batch slot even without a backlog.
    double waiting = m_queue;
    if (m_busy > 0.8)
        waiting += (m_busy - 0.8) * s.readyPods * 4.0 * slotJitter;
    s.waitingPerPod = round3(waiting / s.readyPods);

    if (m_busy > 0.005 || m_queue > 0.0) {
        const double backlog = std::min(1.0, m_queue / (s.readyPods * 10.0));
        s.kvCacheFraction =
            round3(std::clamp(0.02 + 0.82 * m_busy + 0.16 * backlog + 0.015 * kvNoise, 0.0, 1.0));
    }
    if (m_time - m_lastServedAt <= kMetricWindowSeconds) {
        s.ttftMs = round2(m_ttftMs * (1.0 + 0.04 * ttftNoise));
        s.itlMs = round2(m_itlMs * (1.0 + 0.03 * itlNoise));
        s.requestsPerMinute = round2(m_servedPerSecond * 60.0 * (1.0 + 0.02 * rateNoise));
    }
    s.activeJobs = m_profile.activeJobs(m_time);
    return s;
}

void DemoCluster::scale(int fromReplicas, int toReplicas)
{
    for (int i = fromReplicas; i < toReplicas; ++i) {
        const double readyAt = m_time + 20.0 + 40.0 * uniform01();
        m_podReadyAt.insert(std::upper_bound(m_podReadyAt.begin(), m_podReadyAt.end(), readyAt),
                            readyAt);
    }
    // The newest pods sit at the back: unready ones go first, as a ReplicaSet scales down.
    for (int i = toReplicas; i < fromReplicas && m_podReadyAt.size() > 1; ++i)
        m_podReadyAt.pop_back();
}

} // namespace hpa::core
