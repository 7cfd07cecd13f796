#pragma once

#include "core/model/timestamp.h"

#include <optional>
#include <string_view>

namespace hpa::core {

/// Reads the timestamps of a column row after row. Monitors write `YYYY-MM-DD HH:MM:SS` (or
/// with `T`, optionally `Z`) every few seconds, so a run of rows shares its minute: the date,
/// hour and minute are read and checked once per minute, only the seconds once per row.
/// Anything else goes to Timestamp::parse; the results are always exactly Timestamp::parse's.
class TimestampReader
{
public:
    /// Timestamp::parse(text), faster for rows in the minute of the row before.
    std::optional<ParsedTime> read(std::string_view text);

private:
    /// Remembers the minute of `text` (already read by Timestamp::parse) when it has the
    /// fixed layout.
    void remember(std::string_view text);

    char m_minute[16] = {}; ///< `YYYY-MM-DD?HH:MM` of the remembered minute
    double m_minuteStart = 0;
    bool m_valid = false;
};

} // namespace hpa::core
