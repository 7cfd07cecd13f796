#include "core/model/timestamp.h"

#include <fmt/format.h>

#include <charconv>
#include <cmath>

namespace hpa::core {

namespace {

bool digits(std::string_view s, std::size_t pos, std::size_t count, int &out)
{
    if (pos + count > s.size())
        return false;
    int v = 0;
    for (std::size_t i = pos; i < pos + count; ++i) {
        const char c = s[i];
        if (c < '0' || c > '9')
            return false;
        v = v * 10 + (c - '0');
    }
    out = v;
    return true;
}

std::string_view trimmed(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '"'))
        s.remove_prefix(1);
    while (!s.empty() &&
           (s.back() == ' ' || s.back() == '\t' || s.back() == '"' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

void civilFromDays(long long z, int &y, unsigned &m, unsigned &d)
{
    z += 719468;
    const long long era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long long yy = static_cast<long long>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y = static_cast<int>(yy + (m <= 2));
}

bool validDate(int year, int month, int day)
{
    static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (year < 1 || month < 1 || month > 12 || day < 1)
        return false;
    if (day > kDays[month - 1])
        return false;
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return !(month == 2 && day == 29 && !leap);
}

} // namespace

long long Timestamp::daysFromCivil(int y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const long long era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<long long>(doe) - 719468;
}

std::optional<ParsedTime> Timestamp::parse(std::string_view text)
{
    const std::string_view s = trimmed(text);
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    // Fixed-format fast path: every monitor writes `YYYY-MM-DD?HH:MM:SS`.
    if (s.size() >= 19 && s[4] == '-' && s[7] == '-' && (s[10] == 'T' || s[10] == ' ') &&
        s[13] == ':' && s[16] == ':' && digits(s, 0, 4, year) && digits(s, 5, 2, month) &&
        digits(s, 8, 2, day) && digits(s, 11, 2, hour) && digits(s, 14, 2, minute) &&
        digits(s, 17, 2, second)) {
        if (!validDate(year, month, day) || hour > 23 || minute > 59 || second > 60)
            return std::nullopt;
        double seconds = static_cast<double>(daysFromCivil(year, month, day)) * 86400.0 +
                         hour * 3600.0 + minute * 60.0 + second;
        std::size_t pos = 19;
        if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
            // Summed as one integer so `.250` adds exactly 0.25 (digit by digit drifts).
            long long fraction = 0;
            double scale = 1.0;
            ++pos;
            const std::size_t start = pos;
            while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
                if (pos - start < 9) {
                    fraction = fraction * 10 + (s[pos] - '0');
                    scale *= 10;
                }
                ++pos;
            }
            if (pos == start)
                return std::nullopt;
            seconds += static_cast<double>(fraction) / scale;
        }
        if (pos == s.size())
            return ParsedTime{seconds, true};
        if (s[pos] == 'Z' || s[pos] == 'z')
            return pos + 1 == s.size() ? std::optional(ParsedTime{seconds, false}) : std::nullopt;
        if (s[pos] == '+' || s[pos] == '-') {
            const int sign = s[pos] == '+' ? 1 : -1;
            int oh = 0, om = 0;
            std::string_view rest = s.substr(pos + 1);
            if (rest.size() == 5 && rest[2] == ':' && digits(rest, 0, 2, oh) &&
                digits(rest, 3, 2, om)) {
            } else if (rest.size() == 4 && digits(rest, 0, 2, oh) && digits(rest, 2, 2, om)) {
            } else if (rest.size() == 2 && digits(rest, 0, 2, oh)) {
            } else {
                return std::nullopt;
            }
            if (oh > 23 || om > 59)
                return std::nullopt;
            return ParsedTime{seconds - sign * (oh * 3600.0 + om * 60.0), false};
        }
        return std::nullopt;
    }
    // Bare Unix seconds (an `epoch` column, or a timestamp column holding one).
    if (!s.empty()) {
        double value = 0;
        const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
        if (ec == std::errc() && end == s.data() + s.size() && std::isfinite(value) && value >= 0 &&
            value < 1e11)
            return ParsedTime{value, false};
    }
    return std::nullopt;
}

std::string Timestamp::format(double seconds, bool naive)
{
    if (!std::isfinite(seconds))
        return "—";
    // Round to the millisecond first so 59.9996 carries into the next second.
    const long long totalMs = std::llround(seconds * 1000.0);
    long long total = totalMs / 1000;
    int ms = static_cast<int>(totalMs % 1000);
    if (ms < 0) {
        ms += 1000;
        --total;
    }
    long long days = total / 86400;
    long long rem = total % 86400;
    if (rem < 0) {
        rem += 86400;
        --days;
    }
    int y = 0;
    unsigned m = 0, d = 0;
    civilFromDays(days, y, m, d);
    std::string out = fmt::format("{:04}-{:02}-{:02}{}{:02}:{:02}:{:02}", y, m, d,
                                  naive ? ' ' : 'T', rem / 3600, (rem / 60) % 60, rem % 60);
    if (ms > 0)
        out += fmt::format(".{:03}", ms);
    if (!naive)
        out += 'Z';
    return out;
}

std::string Timestamp::formatClock(double seconds)
{
    if (!std::isfinite(seconds))
        return "—";
    long long rem = static_cast<long long>(std::floor(seconds)) % 86400;
    if (rem < 0)
        rem += 86400;
    return fmt::format("{:02}:{:02}:{:02}", rem / 3600, (rem / 60) % 60, rem % 60);
}

std::string Timestamp::formatElapsed(double seconds)
{
    if (!std::isfinite(seconds))
        return "—";
    const bool negative = seconds < 0;
    const long long total = std::llround(std::fabs(seconds));
    const char *sign = negative && total > 0 ? "-" : "";
    if (total >= 3600)
        return fmt::format("{}{}:{:02}:{:02}", sign, total / 3600, (total / 60) % 60, total % 60);
    return fmt::format("{}{:02}:{:02}", sign, total / 60, total % 60);
}

} // namespace hpa::core
