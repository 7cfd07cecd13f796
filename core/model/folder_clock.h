#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace hpa::core {

/// The time in an experiment folder's name (`...-20251209-224705`) against the run's first
/// UTC sample. The experiment scripts name the folder by the local clock while the WVA
/// controller logs in UTC, so the two differ by the machine's UTC offset plus the few minutes
/// between starting the script and the first sample.
struct FolderClock
{
    double folderSeconds = 0; ///< the name's time read as if it were UTC
    /// The UTC offset of the clock that named the folder, in minutes (rounded to 15 minutes,
    /// as time zones are): -300 for UTC−05:00.
    int offsetMinutes = 0;
    /// Seconds from the folder's time (corrected by the offset) to the first sample.
    double leadSeconds = 0;

    /// Reads the trailing `YYYYMMDD-HHMMSS` of `folderName`; nullopt without one, or when the
    /// difference to `firstSampleUtc` is not a whole time zone plus at most 10 minutes (or the
    /// offset would exceed ±14 h): then the name says nothing reliable about the clock.
    static std::optional<FolderClock> detect(std::string_view folderName, double firstSampleUtc);
    /// "folder name 2025-12-09 22:47:05 is local time UTC-05:00; the first sample came 62 s
    /// later"; "UTC" when the offset is 0.
    std::string describe() const;
};

} // namespace hpa::core
