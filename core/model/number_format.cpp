#include "core/model/number_format.h"

#include <fmt/format.h>

#include <charconv>
#include <cmath>

namespace hpa::core {

std::string NumberFormat::fixed(double value, int decimals)
{
    if (!std::isfinite(value))
        return "N/A";
    std::string s = fmt::format("{:.{}f}", value, decimals);
    if (s.find('.') != std::string::npos) {
        while (s.back() == '0')
            s.pop_back();
        if (s.back() == '.')
            s.pop_back();
    }
    return s == "-0" ? "0" : s;
}

double NumberFormat::rounded(double value)
{
    if (!std::isfinite(value) || value == 0)
        return value == 0 ? 0.0 : value;
    // Decimal rounding through the text form: scaling by powers of ten would add its own
    // binary error. The exponent form keeps exactly kSignificantDigits digits.
    const std::string text = fmt::format("{:.{}e}", value, kSignificantDigits - 1);
    double out = value;
    std::from_chars(text.data(), text.data() + text.size(), out);
    return out;
}

std::string NumberFormat::shortest(double value)
{
    if (!std::isfinite(value))
        return "N/A";
    const double r = rounded(value);
    return r == 0 ? std::string("0") : fmt::format("{}", r);
}

} // namespace hpa::core
