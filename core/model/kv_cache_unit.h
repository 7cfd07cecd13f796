#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace hpa::core {

/// How the file wrote KV cache usage.
enum class KvCacheUnit
{
    Fraction, ///< 0..1 (newer monitor, `0.997`)
    Percent,  ///< 0..100
    Milli     ///< Kubernetes milli-units with the `m` stripped (`224` = 22.4 %)
};

/// Which rule chose the unit, for display ("target 0.5 <= 1: fraction").
struct KvCacheRule
{
    KvCacheUnit unit = KvCacheUnit::Percent;
    std::string reason;
    bool overridden = false;

    /// Factor that turns a value in this unit into percent.
    double toPercentFactor() const;
};

class KvCacheNormalizer
{
public:
    /// Picks the unit from the target (<= 1 fraction, <= 100 percent, else milli); without a
    /// target, from the data's own maximum the same way.
    static KvCacheRule detect(std::optional<double> target, std::span<const double> values);
    /// The rule the user forced.
    static KvCacheRule forced(KvCacheUnit unit);

    static std::string_view unitKey(KvCacheUnit unit); ///< "fraction", "percent", "milli"
    static std::optional<KvCacheUnit> unitFromKey(std::string_view key);
};

} // namespace hpa::core
