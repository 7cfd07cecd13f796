#include "core/model/number_format.h"

#include <fmt/format.h>

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

} // namespace hpa::core
