#include "core/plot/step_curve.h"

#include <algorithm>

namespace hpa::core {

StepCurve StepCurve::of(std::span<const double> time, const std::vector<int> &counts)
{
    StepCurve c;
    const std::size_t n = time.size();
    if (n == 0 || counts.size() != n)
        return c;
    for (std::size_t i = 0; i < n; ++i) {
        if (i == 0 || counts[i] != counts[i - 1]) {
            c.time.push_back(time[i]);
            c.count.push_back(counts[i]);
        }
    }
    // The last row closes the final step, so the line reaches the end of the run.
    if (c.time.back() != time.back()) {
        c.time.push_back(time.back());
        c.count.push_back(counts.back());
    }
    return c;
}

int StepCurve::at(double t) const
{
    const auto it = std::upper_bound(time.begin(), time.end(), t);
    if (it == time.begin())
        return -1;
    return count[static_cast<std::size_t>(it - time.begin()) - 1];
}

int StepCurve::maximum() const
{
    int m = 0;
    for (int c : count)
        m = std::max(m, c);
    return m;
}

} // namespace hpa::core
