#pragma once

#include <string>

namespace hpa::core {

/// How numbers are written wherever a person or a script reads them: one rule, used by the
/// text, JSON and CSV writers and by the comparison's metadata differences.
class NumberFormat
{
public:
    /// Significant digits every written number keeps (see shortest()).
    static constexpr int kSignificantDigits = 10;

    /// Up to `decimals` decimals and no trailing zeros ("12.5", "3"); "N/A" when not finite.
    static std::string fixed(double value, int decimals = 2);

    /// `value` rounded to kSignificantDigits significant digits, then written in the shortest
    /// form that reads back as that rounded double: 58.699999999999996 gives "58.7",
    /// 7.799999999999997 gives "7.8", 1234567.891234 gives "1234567.891". Arithmetic noise in
    /// the last bits never reaches a CSV or a report, and writing what was read back gives the
    /// same bytes. "-0" is written "0"; "N/A" when not finite.
    static std::string shortest(double value);
    /// The double shortest() writes, for writers (JSON) that format numbers themselves.
    static double rounded(double value);
};

} // namespace hpa::core
