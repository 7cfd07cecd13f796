#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace hpa::core {

/// Cell-level reading of metrics.csv lines: splitting and numbers.
class CsvCells
{
public:
    enum class Status
    {
        Ok,
        Empty,
        Invalid,
        NonFinite
    };

    /// `s` without leading and trailing spaces and tabs.
    static std::string_view trim(std::string_view s);

    /// Splits on commas; quotes are honoured only when the line has any (the monitors never
    /// quote). Unquoted cells are written to `scratch`, which the views then point into.
    static void split(std::string_view line, std::vector<std::string_view> &fields,
                      std::string &scratch);

    /// Any number std::from_chars reads (after trimming, an optional `+`), and true/false.
    static Status parseNumber(std::string_view cell, double &out);

    /// The plain decimals monitors write (`12`, `-0.997`, `10.500`: at most 15 digits, no
    /// exponent), read from `p` up to the first other character, which `p` is left on. The
    /// value is exactly what std::from_chars gives: mantissa and power of ten are both exact
    /// doubles, so the one division is correctly rounded. False, with `p` unspecified, for
    /// anything else.
    static bool parsePlainDecimal(const char *&p, const char *end, double &out);
};

} // namespace hpa::core
