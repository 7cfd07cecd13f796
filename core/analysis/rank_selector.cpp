#include "core/analysis/rank_selector.h"

namespace hpa::core {

void RankSelector::split(const Histogram &histogram, std::uint64_t prefix, int shift,
                         std::span<const std::size_t> ranks, std::size_t firstRank,
                         std::vector<Group> &into, std::span<double> out)
{
    const std::uint32_t *counts = histogram.counts();
    std::size_t before = 0;
    std::size_t r = 0;
    for (std::size_t b = 0; b < kBuckets && r < ranks.size(); before += counts[b], ++b) {
        const std::size_t end = before + counts[b];
        if (ranks[r] >= end)
            continue;
        const std::uint64_t single = histogram.single(b);
        if (single != kMixed) {
            // One value repeated (or the last digit, where a bucket is one key anyway).
            for (; r < ranks.size() && ranks[r] < end; ++r)
                out[firstRank + r] = value(single);
            continue;
        }
        Group g;
        g.prefix = (prefix << kDigitBits) | b;
        g.shift = shift;
        g.count = counts[b];
        g.firstRank = firstRank + r;
        for (; r < ranks.size() && ranks[r] < end; ++r)
            g.local.push_back(ranks[r] - before);
        if (g.count <= kGatherSize)
            g.keys.reserve(g.count);
        else
            g.next = std::make_unique<Histogram>();
        into.push_back(std::move(g));
    }
}

bool RankSelector::advance(std::vector<Group> &groups, std::span<double> out)
{
    std::vector<Group> next;
    for (Group &g : groups) {
        if (g.next) {
            split(*g.next, g.prefix, g.shift - kDigitBits, g.local, g.firstRank, next, out);
            continue;
        }
        // Highest rank first: each selection leaves the lower ranks in front of it.
        auto end = g.keys.end();
        for (std::size_t i = g.local.size(); i-- > 0;) {
            const auto at = g.keys.begin() + static_cast<std::ptrdiff_t>(g.local[i]);
            std::nth_element(g.keys.begin(), at, end);
            out[g.firstRank + i] = value(*at);
            end = at;
        }
    }
    groups = std::move(next);
    return !groups.empty();
}

} // namespace hpa::core
