#pragma once

#include <cstddef>
#include <vector>

namespace hpa::core {

/// Speed: the controller's stabilization memory (hpa-algorithm.md §5) as sliding-window
/// extremes. Upstream keeps every recommendation of the longest window in a list and scans it
/// at each sync (HpaNormalizer::stabilize*, the reference); a replay of 1M rows runs 333k syncs,
/// and with the default 300 s window that scan was a quarter of the replay. Here each window
/// keeps only the recommendations that can still be its extreme (a monotonic queue), so a sync
/// costs O(1) amortized and decides exactly what the scan decides: the extreme over the
/// entries inside a window does not depend on which outdated entries a list still holds, and
/// `now` never decreases, so an entry that left a window never comes back.
class HpaRecommendationWindow
{
public:
    /// `withBehavior`: the HPA has `spec.behavior` (stabilizeWithBehaviors is called, both
    /// windows strict); else only stabilize (the no-behavior path, window inclusive).
    explicit HpaRecommendationWindow(bool withBehavior) : m_withBehavior(withBehavior) {}

    /// Stores (now, replicas) without deciding anything (recordInitialRecommendation).
    void store(double now, int replicas);
    /// Forgets every recommendation.
    void clear();

    /// As HpaNormalizer::stabilize: the max of `raw` and the recommendations not before
    /// now - window; then stores (now, raw).
    int stabilize(double now, int raw, double downscaleWindowSeconds);
    /// As HpaNormalizer::stabilizeWithBehaviors: clamp(current, min over the up window, max
    /// over the down window), `raw` included, both windows strict; then stores (now, raw).
    int stabilizeWithBehaviors(double now, int raw, int current, double upWindowSeconds,
                               double downWindowSeconds);

    /// Recommendations held (both queues); for tests of the memory bound.
    std::size_t size() const;

private:
    struct Entry
    {
        double time;
        int replicas;
    };
    /// Entries in time order whose counts strictly decrease (max queue) or increase (min
    /// queue) from the front: the front is the window's extreme.
    struct Queue
    {
        std::vector<Entry> entries;
        std::size_t head = 0;
        void push(Entry e, bool keepMax);
        /// Drops the front entries outside the window ending at `cutoff`.
        void dropBefore(double cutoff, bool strict);
        bool empty() const { return head == entries.size(); }
        int front() const { return entries[head].replicas; }
    };

    bool m_withBehavior;
    Queue m_max; ///< the down window's maximum (both paths)
    Queue m_min; ///< the up window's minimum (behavior path only)
};

} // namespace hpa::core
