#pragma once

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

namespace hpa::core {

/// Exact order statistics of a series of doubles without sorting or copying it: a radix
/// selection on 16-bit digits of an order-preserving integer key. The first digit's histogram
/// is taken by the caller in its own pass over the data (RankSelector::Histogram), so a whole
/// describe() reads a million-row series about twice. Every later pass only looks at the few
/// buckets that hold a wanted rank: values of small buckets are copied and selected in, big
/// buckets are split by the next digit. A bucket that holds one value repeated (zeros, small
/// integers, a constant target) is known as such from its histogram and needs no pass at all.
///
/// Order is that of the keys: -0 sorts just below +0, otherwise it is the order of <.
class RankSelector
{
public:
    static constexpr int kDigitBits = 16;
    static constexpr std::size_t kBuckets = std::size_t{1} << kDigitBits;
    /// Buckets up to this size are copied and selected in rather than split further.
    static constexpr std::size_t kGatherSize = std::size_t{1} << 14;

    /// Unsigned key whose order is the order of the doubles (NaN must not be passed).
    static std::uint64_t key(double v)
    {
        const auto bits = std::bit_cast<std::uint64_t>(v);
        const auto negative = static_cast<std::uint64_t>(static_cast<std::int64_t>(bits) >> 63);
        return bits ^ (negative | kSignBit);
    }
    static double value(std::uint64_t key)
    {
        const std::uint64_t negative = (key >> 63) ? 0 : ~std::uint64_t{0};
        return std::bit_cast<double>(key ^ (negative | kSignBit));
    }

    /// Counts of one digit, and for each bucket whether all its values are one and the same.
    class Histogram
    {
    public:
        Histogram() : m_counts(kBuckets), m_single(kBuckets, kEmpty) {}
        /// Adds a value by its top digit: callers do this in their own pass over the data.
        void add(double v) { addKey(key(v), 64 - kDigitBits); }
        void addKey(std::uint64_t k, int shift)
        {
            const auto b = static_cast<std::size_t>(k >> shift) & (kBuckets - 1);
            ++m_counts[b];
            const std::uint64_t seen = m_single[b];
            m_single[b] = seen == kEmpty ? k : (seen == k ? seen : kMixed);
        }
        const std::uint32_t *counts() const { return m_counts.data(); }
        /// The key every value of bucket b has, or kMixed.
        std::uint64_t single(std::size_t b) const { return m_single[b]; }

    private:
        std::vector<std::uint32_t> m_counts;
        std::vector<std::uint64_t> m_single;
    };

    /// Writes the values of sorted ranks `ranks` (ascending, distinct, each < n) into `out`.
    /// `visit(f)` must call f(x) on the same n values, in the same order, on every call; `first`
    /// is their histogram. At most n < 2^32 values.
    template <typename Visit>
    static void select(const Visit &visit, const Histogram &first,
                       std::span<const std::size_t> ranks, std::span<double> out);

private:
    static constexpr std::uint64_t kSignBit = std::uint64_t{1} << 63;
    // Keys of NaNs, which are never added: free to mark "no value yet" and "several values".
    static constexpr std::uint64_t kEmpty = 0;
    static constexpr std::uint64_t kMixed = 1;

    /// Values sharing the digits above `shift`, holding some of the wanted ranks.
    struct Group
    {
        std::uint64_t prefix = 0; ///< key >> shift of its values
        int shift = 0;
        std::size_t count = 0;
        std::size_t firstRank = 0;       ///< index of its first rank in the wanted ranks
        std::vector<std::size_t> local;  ///< its ranks, counted within the group
        std::vector<std::uint64_t> keys; ///< its keys, when it is small enough to copy
        std::unique_ptr<Histogram> next; ///< else the histogram of its next digit
    };

    /// Adds to `into` the groups that the buckets of `histogram` (the digit at `shift` below
    /// `prefix`) make for `ranks` (counted within the parent; the first is wanted rank number
    /// `firstRank`). A bucket of one repeated value gives its ranks to `out` at once.
    static void split(const Histogram &histogram, std::uint64_t prefix, int shift,
                      std::span<const std::size_t> ranks, std::size_t firstRank,
                      std::vector<Group> &into, std::span<double> out);
    /// Selects in the copied groups and splits the others; true while groups are left.
    static bool advance(std::vector<Group> &groups, std::span<double> out);
};

template <typename Visit>
void RankSelector::select(const Visit &visit, const Histogram &first,
                          std::span<const std::size_t> ranks, std::span<double> out)
{
    std::vector<Group> groups;
    split(first, 0, 64 - kDigitBits, ranks, 0, groups, out);
    // Below the top digit a value's group is found by a scan of the (few) groups; on the top
    // digit, where most values are looked at, by a table.
    bool top = groups.size() <= 127;
    std::vector<std::int8_t> groupOfTop(top ? kBuckets : 0, -1);
    for (std::size_t g = 0; top && g < groups.size(); ++g)
        groupOfTop[static_cast<std::size_t>(groups[g].prefix)] = static_cast<std::int8_t>(g);
    while (!groups.empty()) {
        visit([&](double x) {
            const std::uint64_t k = key(x);
            Group *group = nullptr;
            if (top) {
                const int g = groupOfTop[static_cast<std::size_t>(k >> (64 - kDigitBits))];
                if (g < 0)
                    return true;
                group = &groups[static_cast<std::size_t>(g)];
            } else {
                for (Group &candidate : groups) {
                    if ((k >> candidate.shift) == candidate.prefix) {
                        group = &candidate;
                        break;
                    }
                }
                if (!group)
                    return true;
            }
            if (group->next)
                group->next->addKey(k, group->shift - kDigitBits);
            else
                group->keys.push_back(k);
            return true;
        });
        top = false;
        if (!advance(groups, out))
            break;
    }
}

} // namespace hpa::core
