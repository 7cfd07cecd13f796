#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace hpa::core {

/// Seconds since 1970-01-01T00:00:00. For a naive (zone-less) timestamp the value is the
/// wall-clock reading taken as if it were UTC, so it formats back exactly as written.
struct ParsedTime
{
    double seconds = 0.0;
    bool naive = false;
};

class Timestamp
{
public:
    /// Parses ISO-8601 (`2025-11-20T14:03:12Z`, `+01:00` offsets, fractional seconds), naive
    /// `2025-11-24 15:57:38` (space or `T`) and bare Unix seconds. Nullopt when it is none.
    static std::optional<ParsedTime> parse(std::string_view text);

    /// `2025-11-20T14:03:12Z` for UTC instants, `2025-11-24 15:57:38` for naive ones.
    /// Fractions of a second are kept to milliseconds when present.
    static std::string format(double seconds, bool naive);

    /// `HH:MM:SS` of the given instant.
    static std::string formatClock(double seconds);

    /// Elapsed seconds as `mm:ss`, or `h:mm:ss` past an hour; negative values get a `-`.
    static std::string formatElapsed(double seconds);

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    static long long daysFromCivil(int year, unsigned month, unsigned day);
};

} // namespace hpa::core
