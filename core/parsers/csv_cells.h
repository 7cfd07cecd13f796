#pragma once

#include <cstdint>
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

    /// `s` cut to 40 characters ("..." at the end when cut), to quote a cell or a column name
    /// in a warning.
    static std::string shortened(std::string_view s);

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
    /// anything else. Inline: called for every cell, where a call costs as much as the work.
    static bool parsePlainDecimal(const char *&p, const char *end, double &out)
    {
        // Monitors write no negative values: the sign costs a branch only when present.
        if (p < end && *p == '-') [[unlikely]] {
            ++p;
            if (!unsignedDecimal(p, end, out))
                return false;
            out = -out;
            return true;
        }
        return unsignedDecimal(p, end, out);
    }

private:
    static bool unsignedDecimal(const char *&p, const char *end, double &out)
    {
        std::uint64_t mantissa = 0;
        const char *start = p;
        while (p < end && static_cast<unsigned char>(*p - '0') < 10) {
            mantissa = mantissa * 10 + static_cast<unsigned>(*p - '0');
            ++p;
        }
        int digits = static_cast<int>(p - start);
        if (digits == 0)
            return false;
        int fraction = 0;
        if (p < end && *p == '.') {
            ++p;
            const char *fractionStart = p;
            while (p < end && static_cast<unsigned char>(*p - '0') < 10) {
                mantissa = mantissa * 10 + static_cast<unsigned>(*p - '0');
                ++p;
            }
            fraction = static_cast<int>(p - fractionStart);
            if (fraction == 0)
                return false;
            digits += fraction;
        }
        // Wider numbers, exponents and the like go to std::from_chars.
        if (digits > kMaxDigits || (p < end && (*p == 'e' || *p == 'E')))
            return false;
        // Below 10^15, so the signed conversion (one instruction) is exact.
        out = static_cast<double>(static_cast<std::int64_t>(mantissa)) / kPow10[fraction];
        return true;
    }

    static constexpr double kPow10[] = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                        1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
    /// 10^15 < 2^53: any mantissa of this many digits is an exact double.
    static constexpr int kMaxDigits = 15;
};

} // namespace hpa::core
