#pragma once

#include <optional>
#include <span>

namespace hpa::core {

/// Speed: monitors sample on a fixed interval, so the median interval of a run is almost
/// always the interval most of its rows have. Proving that takes one counting pass, where the
/// exact selection of Statistics::medianInterval (histogram, then the ranks' bucket) takes
/// several; a replay of 1M rows computes it each time (the gap threshold G).
class RegularInterval
{
public:
    /// The median (numpy's linear method) of the positive finite differences of consecutive
    /// `times` when one pass proves it is `candidate`: both middle ranks fall inside the run of
    /// differences equal to it. nullopt when they do not (or there are none): the caller
    /// computes the median the general way.
    static std::optional<double> median(std::span<const double> times, double candidate);

    /// The candidate to try: the difference in the middle of the series.
    static double candidate(std::span<const double> times);
};

} // namespace hpa::core
