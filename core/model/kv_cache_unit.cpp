#include "core/model/kv_cache_unit.h"

#include <fmt/format.h>

#include <cmath>

namespace hpa::core {

double KvCacheRule::toPercentFactor() const
{
    switch (unit) {
    case KvCacheUnit::Fraction:
        return 100.0;
    case KvCacheUnit::Percent:
        return 1.0;
    case KvCacheUnit::Milli:
        return 0.1;
    }
    return 1.0;
}

namespace {

KvCacheUnit unitFor(double reference)
{
    if (reference <= 1.0)
        return KvCacheUnit::Fraction;
    if (reference <= 100.0)
        return KvCacheUnit::Percent;
    return KvCacheUnit::Milli;
}

} // namespace

KvCacheRule KvCacheNormalizer::detect(std::optional<double> target, std::span<const double> values)
{
    if (target && std::isfinite(*target) && *target > 0) {
        const KvCacheUnit unit = unitFor(*target);
        const char *why = unit == KvCacheUnit::Fraction  ? "<= 1: fraction"
                          : unit == KvCacheUnit::Percent ? "in (1, 100]: percent"
                                                         : "> 100: milli-units";
        return {unit, fmt::format("target {:g} {}", *target, why), false};
    }
    double max = -1;
    for (double v : values) {
        if (std::isfinite(v) && v > max)
            max = v;
    }
    if (max < 0)
        return {KvCacheUnit::Fraction, "no target and no values: fraction assumed", false};
    const KvCacheUnit unit = unitFor(max);
    const char *why = unit == KvCacheUnit::Fraction  ? "<= 1: fraction"
                      : unit == KvCacheUnit::Percent ? "in (1, 100]: percent"
                                                     : "> 100: milli-units";
    return {unit, fmt::format("no target; data maximum {:g} {}", max, why), false};
}

KvCacheRule KvCacheNormalizer::forced(KvCacheUnit unit)
{
    return {unit, fmt::format("set by the user: {}", unitKey(unit)), true};
}

std::string_view KvCacheNormalizer::unitKey(KvCacheUnit unit)
{
    switch (unit) {
    case KvCacheUnit::Fraction:
        return "fraction";
    case KvCacheUnit::Percent:
        return "percent";
    case KvCacheUnit::Milli:
        return "milli";
    }
    return "percent";
}

std::optional<KvCacheUnit> KvCacheNormalizer::unitFromKey(std::string_view key)
{
    if (key == "fraction")
        return KvCacheUnit::Fraction;
    if (key == "percent")
        return KvCacheUnit::Percent;
    if (key == "milli")
        return KvCacheUnit::Milli;
    return std::nullopt;
}

} // namespace hpa::core
