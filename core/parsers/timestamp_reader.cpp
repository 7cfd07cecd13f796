#include "core/parsers/timestamp_reader.h"

#include <cstring>

namespace hpa::core {

namespace {

bool isDigit(char c)
{
    return static_cast<unsigned char>(c - '0') < 10;
}

int number(const char *p, int digits)
{
    int v = 0;
    for (int i = 0; i < digits; ++i)
        v = v * 10 + (p[i] - '0');
    return v;
}

} // namespace

std::optional<ParsedTime> TimestampReader::read(std::string_view text)
{
    const char *p = text.data();
    const std::size_t n = text.size();
    if (m_valid && (n == 19 || n == 20) && std::memcmp(p, m_minute, 16) == 0 && p[16] == ':' &&
        isDigit(p[17]) && isDigit(p[18])) {
        const int second = number(p + 17, 2);
        // Timestamp::parse takes a leap second (60) and refuses more.
        if (second <= 60) {
            // The minute's start and the seconds are whole numbers below 2^53, so this sum is
            // the one Timestamp::parse makes, to the bit.
            const double seconds = m_minuteStart + second;
            if (n == 19)
                return ParsedTime{seconds, true};
            if (p[19] == 'Z' || p[19] == 'z')
                return ParsedTime{seconds, false};
        }
    }
    std::optional<ParsedTime> parsed = Timestamp::parse(text);
    if (parsed)
        remember(text);
    return parsed;
}

void TimestampReader::remember(std::string_view text)
{
    const char *p = text.data();
    // Only the plain layout, which Timestamp::parse has just accepted: its date is valid and
    // its hour and minute are in range.
    m_valid = (text.size() == 19 || text.size() == 20) && p[4] == '-' && p[7] == '-' &&
              (p[10] == ' ' || p[10] == 'T') && p[13] == ':' && p[16] == ':';
    for (int i : {0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15})
        m_valid = m_valid && isDigit(p[i]);
    if (!m_valid)
        return;
    std::memcpy(m_minute, p, 16);
    const long long days =
        Timestamp::daysFromCivil(number(p, 4), static_cast<unsigned>(number(p + 5, 2)),
                                 static_cast<unsigned>(number(p + 8, 2)));
    // Summed in Timestamp::parse's order; all terms are exact.
    m_minuteStart =
        static_cast<double>(days) * 86400.0 + number(p + 11, 2) * 3600.0 + number(p + 14, 2) * 60.0;
}

} // namespace hpa::core
