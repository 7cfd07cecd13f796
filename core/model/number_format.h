#pragma once

#include <string>

namespace hpa::core {

/// How numbers are written wherever a person or a script reads them: one rule, used by the
/// text, JSON and CSV writers and by the comparison's metadata differences.
class NumberFormat
{
public:
    /// Up to `decimals` decimals and no trailing zeros ("12.5", "3"); "N/A" when not finite.
    static std::string fixed(double value, int decimals = 2);
};

} // namespace hpa::core
