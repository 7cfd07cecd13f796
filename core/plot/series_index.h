#pragma once

#include "core/plot/decimator.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace hpa::core {

/// A series prepared for drawing at any zoom in time independent of its length: a segment tree
/// of per-block min/max and the positions where the line must break (missing values and
/// sampling gaps). decimate() gives exactly what Decimator::minMax gives, but each pixel
/// column costs O(log n) instead of a scan of every sample in it.
class SeriesIndex
{
public:
    /// Which values are missing (drawn as a break in the line).
    enum class Missing
    {
        NotFinite,      ///< NaN and infinities
        NotPositiveToo, ///< also zeros and negatives (latencies: 0.00 = no answer)
    };

    SeriesIndex() = default;
    /// Indexes `y` over ascending `x`; both must outlive the index. Gaps longer than
    /// `gapSeconds` (0 = none) break the line.
    SeriesIndex(std::span<const double> x, std::span<const double> y, double gapSeconds,
                Missing missing = Missing::NotFinite);

    std::size_t size() const { return m_x.size(); }
    double gapSeconds() const { return m_gap; }
    Missing missing() const { return m_missing; }

    /// Takes in samples appended to the series (a followed run that grew): `x` and `y` are
    /// the whole series now, its first size() samples the ones indexed, unchanged, though they
    /// may have moved. Only the last partial block and the blocks after it are scanned, and
    /// their ancestors combined again, so one row costs O(log n) instead of O(n); the index is
    /// then the one SeriesIndex(x, y, gapSeconds(), missing()) builds. Series shorter than
    /// size() are indexed from scratch.
    void extend(std::span<const double> x, std::span<const double> y);

    /// True when both indexes hold the same blocks, tree and line breaks (tests).
    bool sameIndexAs(const SeriesIndex &other) const;

    /// Same contract and output as Decimator::minMax(x, y, x0, x1, pixels, gapSeconds).
    std::vector<PlotPoint> decimate(double x0, double x1, int pixels) const;

    /// Where a decimation can pick up again once samples were appended (extend()): the state
    /// at the start of the last pixel column it drew. Filled and read by decimate() only.
    struct Resume
    {
        bool valid = false;
        double x0 = 0, x1 = 0;
        int pixels = 0;
        std::uint64_t generation = 0; ///< the build() the points came from
        std::size_t size = 0;         ///< samples indexed then
        std::size_t points = 0;       ///< points before that column
        std::size_t sample = 0;       ///< the column's first sample
        std::size_t lastEmitted = 0;
        bool hasLast = false;
    };
    /// decimate(x0, x1, pixels) into `out`. When `resume` comes from the previous call on `out`
    /// with the same range and pixels, and the series has only grown since (extend()), the
    /// points before the last column drawn then are kept and only that column and the ones
    /// after it are decimated: a followed run's new row costs O(log n), not O(pixels log n).
    /// The points are those of decimate(x0, x1, pixels) either way; `resume` is updated.
    void decimate(double x0, double x1, int pixels, std::vector<PlotPoint> &out,
                  Resume &resume) const;

    /// The finite extremes of y over [first, last): indices of the first minimum and first
    /// maximum and how many finite values there are.
    struct Extremes
    {
        std::size_t minIndex = 0, maxIndex = 0, count = 0;
    };
    Extremes extremes(std::size_t first, std::size_t last) const;

private:
    /// The values sit beside their indices: combining two nodes then reads nothing else,
    /// where looking them up in y was a cache miss per node at a million samples.
    struct Node
    {
        double minValue = 0, maxValue = 0;
        std::uint32_t minIndex = 0, maxIndex = 0, count = 0;
        bool operator==(const Node &) const = default;
    };

    static Node combine(const Node &left, const Node &right);
    /// The value drawn for sample i: NaN when it is missing.
    double value(std::size_t i) const;
    void build(std::span<const double> x, std::span<const double> y);
    /// Scans leaves [first, last) and combines their ancestors again.
    void refreshLeaves(std::size_t first, std::size_t last);
    void addBreaks(std::size_t from);
    /// First index in [a, end) whose pixel column is past `column`, searched outwards from
    /// `a + stride` (where it usually is) instead of bisecting the whole range.
    template <typename ColumnOf>
    std::size_t columnEnd(std::size_t a, std::size_t end, std::size_t column, std::size_t stride,
                          const ColumnOf &columnOf) const;
    Node scan(std::size_t first, std::size_t last) const;
    void emitSample(std::size_t i, std::vector<PlotPoint> &out, std::size_t &lastEmitted,
                    bool &hasLast) const;
    /// The pixel columns of the dense case, from `resume`'s column on when it may be reused.
    void decimateDense(double x0, double x1, std::size_t columns, std::size_t begin,
                       std::size_t end, std::size_t last, std::vector<PlotPoint> &out,
                       Resume &resume) const;

    std::span<const double> m_x;
    std::span<const double> m_y;
    double m_gap = 0;
    Missing m_missing = Missing::NotFinite;
    std::size_t m_leaves = 0;
    std::size_t m_base = 1; ///< first leaf position in m_tree (a power of two)
    std::vector<Node> m_tree;
    /// Sorted indices k where the line breaks before sample k: the start of a run of missing
    /// values, or a sampling gap between k-1 and k.
    std::vector<std::uint32_t> m_breaks;
    /// Which build() this is (unique in the process): points decimated before a build are
    /// never reused after it.
    std::uint64_t m_generation = 0;
};

} // namespace hpa::core
