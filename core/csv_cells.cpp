#include "core/csv_cells.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <utility>

namespace hpa::core {

namespace {

constexpr double kPow10[] = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                             1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
/// 10^15 < 2^53: any mantissa of this many digits is an exact double.
constexpr int kMaxDigits = 15;

} // namespace

std::string_view CsvCells::trim(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

void CsvCells::split(std::string_view line, std::vector<std::string_view> &fields,
                     std::string &scratch)
{
    fields.clear();
    if (line.find('"') == std::string_view::npos) {
        std::size_t start = 0;
        while (true) {
            const std::size_t comma = line.find(',', start);
            if (comma == std::string_view::npos) {
                fields.push_back(line.substr(start));
                return;
            }
            fields.push_back(line.substr(start, comma - start));
            start = comma + 1;
        }
    }
    // Slow path: unquote into scratch, remembering offsets; views are made at the end so
    // scratch does not reallocate under them.
    scratch.clear();
    scratch.reserve(line.size());
    std::vector<std::pair<std::size_t, std::size_t>> spans;
    bool quoted = false;
    std::size_t begin = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (c == '"') {
            if (quoted && i + 1 < line.size() && line[i + 1] == '"') {
                scratch.push_back('"');
                ++i;
            } else {
                quoted = !quoted;
            }
        } else if (c == ',' && !quoted) {
            spans.emplace_back(begin, scratch.size() - begin);
            begin = scratch.size();
        } else {
            scratch.push_back(c);
        }
    }
    spans.emplace_back(begin, scratch.size() - begin);
    for (const auto &[b, n] : spans)
        fields.push_back(std::string_view(scratch).substr(b, n));
}

CsvCells::Status CsvCells::parseNumber(std::string_view cell, double &out)
{
    cell = trim(cell);
    if (cell.empty())
        return Status::Empty;
    // Our own CSV export writes the exceeded flags as true/false.
    if (cell == "true" || cell == "True" || cell == "TRUE") {
        out = 1;
        return Status::Ok;
    }
    if (cell == "false" || cell == "False" || cell == "FALSE") {
        out = 0;
        return Status::Ok;
    }
    const char *first = cell.data();
    const char *last = first + cell.size();
    if (*first == '+')
        ++first;
    const auto [end, ec] = std::from_chars(first, last, out);
    if (ec == std::errc::result_out_of_range)
        return Status::NonFinite;
    if (ec != std::errc() || end != last)
        return Status::Invalid;
    if (!std::isfinite(out))
        return Status::NonFinite;
    return Status::Ok;
}

bool CsvCells::parsePlainDecimal(const char *&p, const char *end, double &out)
{
    const bool negative = p < end && *p == '-';
    if (negative)
        ++p;
    std::uint64_t mantissa = 0;
    int digits = 0;
    const char *start = p;
    while (p < end && static_cast<unsigned char>(*p - '0') < 10) {
        mantissa = mantissa * 10 + static_cast<unsigned>(*p - '0');
        ++p;
    }
    digits = static_cast<int>(p - start);
    if (digits == 0)
        return false;
    int fraction = 0;
    if (p < end && *p == '.') {
        ++p;
        const char *fracStart = p;
        while (p < end && static_cast<unsigned char>(*p - '0') < 10) {
            mantissa = mantissa * 10 + static_cast<unsigned>(*p - '0');
            ++p;
        }
        fraction = static_cast<int>(p - fracStart);
        if (fraction == 0)
            return false;
        digits += fraction;
    }
    // Wider numbers, exponents and the like go to std::from_chars.
    if (digits > kMaxDigits || (p < end && (*p == 'e' || *p == 'E')))
        return false;
    const double value = static_cast<double>(mantissa) / kPow10[fraction];
    out = negative ? -value : value;
    return true;
}

} // namespace hpa::core
