#include "core/plot/provisioning_bands.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace hpa::core {

ProvisioningBands::ProvisioningBands(std::span<const double> time, std::span<const double> supply,
                                     std::span<const double> demand, double gapSeconds)
    : m_gap(gapSeconds)
{
    const std::size_t n = std::min({time.size(), supply.size(), demand.size()});
    m_time = time.first(n);
    m_supply = supply.first(n);
    m_demand = demand.first(n);
    for (std::size_t i = 0; i + 1 < n; ++i) {
        const double dt = m_time[i + 1] - m_time[i];
        if (!(dt > 0 && dt <= m_gap) || !std::isfinite(m_supply[i]))
            continue;
        (std::isfinite(m_demand[i]) ? m_knownSeconds : m_unknownSeconds) += dt;
    }
}

bool ProvisioningBands::drawn(std::size_t i) const
{
    if (i + 1 >= m_time.size())
        return false;
    const double dt = m_time[i + 1] - m_time[i];
    return dt > 0 && dt <= m_gap && std::isfinite(m_supply[i]) && std::isfinite(m_demand[i]);
}

std::vector<ProvisioningBands::Band> ProvisioningBands::bands(double x0, double x1,
                                                              int pixels) const
{
    std::vector<Band> out;
    const std::size_t n = m_time.size();
    if (n < 2 || !(x1 > x0) || pixels < 1)
        return out;
    // Interval i covers [t_i, t_{i+1}): the first one visible starts at or before x0.
    const auto lower = std::upper_bound(m_time.begin(), m_time.end(), x0);
    const std::size_t first = lower == m_time.begin() ? 0 : std::size_t(lower - m_time.begin()) - 1;
    const std::size_t last = std::min<std::size_t>(
        n - 1, std::size_t(std::upper_bound(m_time.begin(), m_time.end(), x1) - m_time.begin()));
    if (first >= last)
        return out;

    const auto append = [&out](const Band &b) {
        // Equal neighbours merge (a long flat stretch is one rectangle, not thousands).
        for (auto it = out.rbegin(); it != out.rend() && it->x1 >= b.x0; ++it) {
            if (it->under == b.under) {
                if (it->x1 == b.x0 && it->low == b.low && it->high == b.high) {
                    it->x1 = b.x1;
                    return;
                }
                break;
            }
        }
        out.push_back(b);
    };

    if (last - first <= static_cast<std::size_t>(pixels)) {
        for (std::size_t i = first; i < last; ++i) {
            if (!drawn(i) || m_demand[i] == m_supply[i])
                continue;
            const bool under = m_demand[i] > m_supply[i];
            append({m_time[i], m_time[i + 1], std::min(m_demand[i], m_supply[i]),
                    std::max(m_demand[i], m_supply[i]), under});
        }
        return out;
    }

    // Dense: bucket the intervals by the pixel column their start falls in.
    const double width = (x1 - x0) / pixels;
    constexpr double kInf = std::numeric_limits<double>::infinity();
    struct Bucket
    {
        double low = kInf, high = -kInf, from = kInf, to = -kInf;
        void add(double lo, double hi, double a, double b)
        {
            low = std::min(low, lo);
            high = std::max(high, hi);
            from = std::min(from, a);
            to = std::max(to, b);
        }
        bool used() const { return low <= high; }
    };
    Bucket under, over;
    long column = -1;
    const auto flush = [&] {
        // Under first, so the two kinds of one column keep a fixed order.
        if (under.used())
            append({under.from, under.to, under.low, under.high, true});
        if (over.used())
            append({over.from, over.to, over.low, over.high, false});
        under = Bucket{};
        over = Bucket{};
    };
    for (std::size_t i = first; i < last; ++i) {
        const long c = static_cast<long>(std::floor((std::max(m_time[i], x0) - x0) / width));
        if (c != column) {
            flush();
            column = c;
        }
        if (!drawn(i) || m_demand[i] == m_supply[i])
            continue;
        const double s = m_supply[i], d = m_demand[i];
        // The column's band spans whole columns, so neighbouring columns meet and merge.
        const double a = x0 + c * width, b = x0 + (c + 1) * width;
        const double from = std::max(a, m_time[i]), to = std::min(b, m_time[i + 1]);
        if (d > s)
            under.add(s, d, from, to);
        else
            over.add(d, s, from, to);
    }
    flush();
    return out;
}

} // namespace hpa::core
