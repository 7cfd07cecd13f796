#include "core/model/waiting_unit.h"

#include <algorithm>
#include <cmath>

namespace hpa::core {

namespace {

constexpr double kMilli = 1000.0;

} // namespace

bool WaitingRule::isLeak(double raw) const
{
    return applies && WaitingNormalizer::looksLikeLeak(raw, limit);
}

double WaitingRule::read(double raw) const
{
    switch (unit) {
    case WaitingUnit::Auto:
        return isLeak(raw) ? raw / kMilli : raw;
    case WaitingUnit::AsWritten:
        return raw;
    case WaitingUnit::Milli:
        return raw / kMilli;
    }
    return raw;
}

bool WaitingNormalizer::looksLikeLeak(double value, double limit)
{
    return std::isfinite(value) && value >= kMilli && value == std::floor(value) &&
           value / kMilli <= limit;
}

WaitingRule WaitingNormalizer::detect(std::span<const double> values, std::optional<double> target,
                                      WaitingUnit unit)
{
    WaitingRule rule;
    rule.unit = unit;
    rule.applies = true;
    double largest = 0;
    for (double v : values) {
        if (std::isfinite(v) && v < kMilli)
            largest = std::max(largest, v);
    }
    if (target && std::isfinite(*target))
        largest = std::max(largest, *target);
    rule.limit = 10 * largest;
    for (std::size_t row = 0; row < values.size(); ++row) {
        if (!rule.isLeak(values[row]))
            continue;
        ++rule.count;
        if (rule.cells.size() < WaitingRule::kMaxListed)
            rule.cells.push_back({row, 0, values[row], values[row] / kMilli});
    }
    return rule;
}

std::string_view WaitingNormalizer::unitKey(WaitingUnit unit)
{
    switch (unit) {
    case WaitingUnit::Auto:
        return "auto";
    case WaitingUnit::AsWritten:
        return "as-written";
    case WaitingUnit::Milli:
        return "milli";
    }
    return "auto";
}

std::optional<WaitingUnit> WaitingNormalizer::unitFromKey(std::string_view key)
{
    for (WaitingUnit unit : {WaitingUnit::Auto, WaitingUnit::AsWritten, WaitingUnit::Milli}) {
        if (unitKey(unit) == key)
            return unit;
    }
    return std::nullopt;
}

} // namespace hpa::core
