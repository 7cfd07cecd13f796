#include "core/plot/series_index.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <utility>

namespace hpa::core {

namespace {
constexpr std::size_t kLeaf = 64;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
} // namespace

SeriesIndex::SeriesIndex(std::span<const double> x, std::span<const double> y, double gapSeconds,
                         Missing missing)
    : m_gap(gapSeconds), m_missing(missing)
{
    build(x, y);
}

void SeriesIndex::build(std::span<const double> x, std::span<const double> y)
{
    const std::size_t n = std::min(x.size(), y.size());
    m_x = x.first(n);
    m_y = y.first(n);
    m_leaves = (n + kLeaf - 1) / kLeaf;
    m_base = 1;
    while (m_base < m_leaves)
        m_base *= 2;
    // Unique across indexes: a new index assigned over an old one must not match its points.
    static std::atomic<std::uint64_t> builds{0};
    m_generation = ++builds;
    m_tree.assign(2 * m_base, Node{});
    for (std::size_t leaf = 0; leaf < m_leaves; ++leaf)
        m_tree[m_base + leaf] = scan(leaf * kLeaf, std::min(n, (leaf + 1) * kLeaf));
    for (std::size_t i = m_base - 1; i >= 1; --i)
        m_tree[i] = combine(m_tree[2 * i], m_tree[2 * i + 1]);
    m_breaks.clear();
    addBreaks(1);
}

void SeriesIndex::addBreaks(std::size_t from)
{
    for (std::size_t k = std::max<std::size_t>(from, 1); k < m_x.size(); ++k) {
        const bool missing = !std::isfinite(value(k));
        if (missing) {
            if (std::isfinite(value(k - 1)))
                m_breaks.push_back(static_cast<std::uint32_t>(k));
        } else if (m_gap > 0 && m_x[k] - m_x[k - 1] > m_gap) {
            m_breaks.push_back(static_cast<std::uint32_t>(k));
        }
    }
}

void SeriesIndex::extend(std::span<const double> x, std::span<const double> y)
{
    const std::size_t before = m_x.size();
    const std::size_t n = std::min(x.size(), y.size());
    if (n < before) {
        build(x, y);
        return;
    }
    m_x = x.first(n);
    m_y = y.first(n);
    const std::size_t leaves = (n + kLeaf - 1) / kLeaf;
    // The last block may have been partial: it is scanned again with the blocks after it.
    const std::size_t firstDirty = before / kLeaf;
    if (leaves > m_base) {
        // The tree outgrew its power of two: the leaves move to the new base and every
        // ancestor is combined again, O(n / kLeaf) once per doubling.
        std::size_t base = m_base;
        while (base < leaves)
            base *= 2;
        std::vector<Node> tree(2 * base, Node{});
        std::copy(m_tree.begin() + static_cast<std::ptrdiff_t>(m_base),
                  m_tree.begin() + static_cast<std::ptrdiff_t>(m_base + m_leaves),
                  tree.begin() + static_cast<std::ptrdiff_t>(base));
        m_tree = std::move(tree);
        m_base = base;
        m_leaves = leaves;
        for (std::size_t leaf = firstDirty; leaf < leaves; ++leaf)
            m_tree[m_base + leaf] = scan(leaf * kLeaf, std::min(n, (leaf + 1) * kLeaf));
        for (std::size_t i = m_base - 1; i >= 1; --i)
            m_tree[i] = combine(m_tree[2 * i], m_tree[2 * i + 1]);
    } else {
        m_leaves = leaves;
        refreshLeaves(firstDirty, leaves);
    }
    // A break before sample k depends on k - 1 and k only.
    addBreaks(before);
}

void SeriesIndex::refreshLeaves(std::size_t first, std::size_t last)
{
    if (first >= last)
        return;
    const std::size_t n = m_x.size();
    for (std::size_t leaf = first; leaf < last; ++leaf)
        m_tree[m_base + leaf] = scan(leaf * kLeaf, std::min(n, (leaf + 1) * kLeaf));
    for (std::size_t lo = (m_base + first) / 2, hi = (m_base + last - 1) / 2; lo >= 1;
         lo /= 2, hi /= 2) {
        for (std::size_t i = lo; i <= hi; ++i)
            m_tree[i] = combine(m_tree[2 * i], m_tree[2 * i + 1]);
        if (lo == 1)
            break;
    }
}

bool SeriesIndex::sameIndexAs(const SeriesIndex &other) const
{
    return m_x.size() == other.m_x.size() && m_leaves == other.m_leaves && m_base == other.m_base &&
           m_gap == other.m_gap && m_missing == other.m_missing && m_tree == other.m_tree &&
           m_breaks == other.m_breaks;
}

double SeriesIndex::value(std::size_t i) const
{
    const double v = m_y[i];
    return m_missing == Missing::NotPositiveToo && !(v > 0) ? kNaN : v;
}

SeriesIndex::Node SeriesIndex::combine(const Node &left, const Node &right)
{
    // `left` covers lower indices: on ties it wins, so the first occurrence is kept.
    if (left.count == 0)
        return right;
    if (right.count == 0)
        return left;
    Node out = left;
    out.count = left.count + right.count;
    if (right.minValue < left.minValue) {
        out.minValue = right.minValue;
        out.minIndex = right.minIndex;
    }
    if (right.maxValue > left.maxValue) {
        out.maxValue = right.maxValue;
        out.maxIndex = right.maxIndex;
    }
    return out;
}

SeriesIndex::Node SeriesIndex::scan(std::size_t first, std::size_t last) const
{
    Node node;
    for (std::size_t i = first; i < last; ++i) {
        const double v = value(i);
        if (!std::isfinite(v))
            continue;
        if (node.count == 0) {
            node.minIndex = node.maxIndex = static_cast<std::uint32_t>(i);
            node.minValue = node.maxValue = v;
        } else {
            if (v < node.minValue) {
                node.minIndex = static_cast<std::uint32_t>(i);
                node.minValue = v;
            }
            if (v > node.maxValue) {
                node.maxIndex = static_cast<std::uint32_t>(i);
                node.maxValue = v;
            }
        }
        ++node.count;
    }
    return node;
}

SeriesIndex::Extremes SeriesIndex::extremes(std::size_t first, std::size_t last) const
{
    last = std::min(last, m_x.size());
    Node result;
    if (first < last) {
        const std::size_t firstLeaf = (first + kLeaf - 1) / kLeaf;
        const std::size_t lastLeaf = last / kLeaf;
        if (firstLeaf >= lastLeaf) {
            result = scan(first, last);
        } else {
            Node left = scan(first, firstLeaf * kLeaf);
            Node right = scan(lastLeaf * kLeaf, last);
            // Bottom-up segment tree walk over the whole leaves, keeping left-to-right order.
            Node midLeft, midRight;
            for (std::size_t l = firstLeaf + m_base, r = lastLeaf + m_base; l < r; l /= 2, r /= 2) {
                if (l & 1)
                    midLeft = combine(midLeft, m_tree[l++]);
                if (r & 1)
                    midRight = combine(m_tree[--r], midRight);
            }
            result = combine(combine(left, combine(midLeft, midRight)), right);
        }
    }
    return {result.minIndex, result.maxIndex, result.count};
}

void SeriesIndex::emitSample(std::size_t i, std::vector<PlotPoint> &out, std::size_t &lastEmitted,
                             bool &hasLast) const
{
    const double y = value(i);
    if (!std::isfinite(y) || !std::isfinite(m_x[i]))
        return;
    if (hasLast) {
        const auto it = std::upper_bound(m_breaks.begin(), m_breaks.end(), lastEmitted);
        if (it != m_breaks.end() && *it <= i) {
            const std::size_t k = *it;
            if (!std::isfinite(value(k)))
                out.push_back({m_x[k], kNaN});
            else
                out.push_back({m_x[k - 1] + (m_x[k] - m_x[k - 1]) / 2, kNaN});
        }
    }
    out.push_back({m_x[i], y});
    lastEmitted = i;
    hasLast = true;
}

template <typename ColumnOf>
std::size_t SeriesIndex::columnEnd(std::size_t a, std::size_t end, std::size_t column,
                                   std::size_t stride, const ColumnOf &columnOf) const
{
    // Invariant: the answer lies in (lo, hi]; columnOf(m_x[a]) == column, so lo = a works.
    std::size_t lo = a;
    std::size_t hi = end;
    std::size_t step = std::max<std::size_t>(stride, 1);
    // Gallop forwards from a: with evenly spaced samples the first probe already lands past
    // the column, and the bisection below is over `stride` samples, not the visible slice.
    while (lo + step < end) {
        if (columnOf(m_x[lo + step]) > column) {
            hi = lo + step;
            break;
        }
        lo += step;
        step *= 2;
    }
    const auto xb = m_x.begin();
    return static_cast<std::size_t>(
        std::partition_point(xb + static_cast<std::ptrdiff_t>(lo) + 1,
                             xb + static_cast<std::ptrdiff_t>(hi),
                             [&](double xv) { return columnOf(xv) <= column; }) -
        xb);
}

std::vector<PlotPoint> SeriesIndex::decimate(double x0, double x1, int pixels) const
{
    std::vector<PlotPoint> out;
    Resume fresh;
    decimate(x0, x1, pixels, out, fresh);
    return out;
}

void SeriesIndex::decimate(double x0, double x1, int pixels, std::vector<PlotPoint> &out,
                           Resume &resume) const
{
    const std::size_t n = m_x.size();
    const Resume previous = std::exchange(resume, Resume{});
    if (n == 0 || !std::isfinite(x0) || !std::isfinite(x1)) {
        out.clear();
        return;
    }
    if (x1 < x0)
        std::swap(x0, x1);
    const auto [first, last] = Decimator::visibleSlice(m_x, x0, x1);
    const std::size_t begin = first < last && m_x[first] < x0 ? first + 1 : first;
    const std::size_t end = last > begin && m_x[last - 1] > x1 ? last - 1 : last;
    const std::size_t columns = static_cast<std::size_t>(std::max(pixels, 1));
    std::size_t lastEmitted = 0;
    bool hasLast = false;

    if (end - begin <= 2 * columns) {
        out.clear();
        out.reserve(last - first + 2);
        for (std::size_t i = first; i < last; ++i)
            emitSample(i, out, lastEmitted, hasLast);
        return;
    }
    // Reusable: the same columns over a series that only grew, decimated the dense way then
    // too (columns before the last one drawn then hold the same samples now).
    const bool reuse = previous.valid && previous.x0 == x0 && previous.x1 == x1 &&
                       previous.pixels == pixels && previous.generation == m_generation &&
                       previous.size <= n && previous.points <= out.size();
    resume.x0 = x0;
    resume.x1 = x1;
    resume.pixels = pixels;
    resume.generation = m_generation;
    resume.size = n;
    if (reuse) {
        out.resize(previous.points);
        resume.points = previous.points;
        resume.sample = previous.sample;
        resume.lastEmitted = previous.lastEmitted;
        resume.hasLast = previous.hasLast;
    } else {
        out.clear();
        out.reserve(2 * columns + 8);
        if (begin > first)
            emitSample(first, out, lastEmitted, hasLast);
        resume.points = out.size();
        resume.sample = begin;
        resume.lastEmitted = lastEmitted;
        resume.hasLast = hasLast;
    }
    decimateDense(x0, x1, columns, begin, end, last, out, resume);
}

void SeriesIndex::decimateDense(double x0, double x1, std::size_t columns, std::size_t begin,
                                std::size_t end, std::size_t last, std::vector<PlotPoint> &out,
                                Resume &resume) const
{
    // The same column arithmetic as Decimator::minMax, so both give identical points.
    const auto columnOf = [&](double xv) {
        return Decimator::pixelColumn(xv, x0, x1, columns);
    };
    const std::size_t stride = (end - begin) / columns;
    std::size_t lastEmitted = resume.lastEmitted;
    bool hasLast = resume.hasLast;
    std::size_t a = resume.sample;
    while (a < end) {
        // Each column may be the last one drawn: remember how it started.
        resume.points = out.size();
        resume.sample = a;
        resume.lastEmitted = lastEmitted;
        resume.hasLast = hasLast;
        const std::size_t column = columnOf(m_x[a]);
        const std::size_t b = columnEnd(a, end, column, stride, columnOf);
        const Extremes e = extremes(a, b);
        if (e.count > 0 && e.count <= 2) {
            for (std::size_t i = a; i < b; ++i)
                emitSample(i, out, lastEmitted, hasLast);
        } else if (e.count > 2) {
            emitSample(std::min(e.minIndex, e.maxIndex), out, lastEmitted, hasLast);
            if (e.minIndex != e.maxIndex)
                emitSample(std::max(e.minIndex, e.maxIndex), out, lastEmitted, hasLast);
        }
        a = b;
    }
    resume.valid = true;
    if (last > end)
        emitSample(last - 1, out, lastEmitted, hasLast);
}

} // namespace hpa::core
