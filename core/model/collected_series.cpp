#include "core/model/collected_series.h"

#include "core/model/metric_keys.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace hpa::core {

bool CollectedSeries::fromOwnQuery(std::string_view key)
{
    return key == keys::TtftMs || key == keys::ItlMs || key == keys::RequestRate ||
           key == keys::ActiveJobs || key == keys::CompletedJobs;
}

bool CollectedSeries::isCollected(std::string_view key, std::span<const double> values)
{
    if (fromOwnQuery(key))
        return std::any_of(values.begin(), values.end(), [](double v) { return v > 0; });
    return std::any_of(values.begin(), values.end(), [](double v) { return std::isfinite(v); });
}

std::string CollectedSeries::notCollectedText(std::span<const double> values)
{
    const auto zeros = static_cast<std::size_t>(std::count(values.begin(), values.end(), 0.0));
    const auto missing = static_cast<std::size_t>(
        std::count_if(values.begin(), values.end(), [](double v) { return std::isnan(v); }));
    if (missing == values.size())
        return "no values: not collected";
    if (zeros == values.size())
        return zeros == 1 ? "the only value is 0: not collected"
                          : fmt::format("all {} values are 0: not collected", zeros);
    if (zeros + missing == values.size())
        return fmt::format("{} values are 0, the other {} missing: not collected", zeros, missing);
    return fmt::format("none of the {} values is above 0: not collected", values.size());
}

} // namespace hpa::core
