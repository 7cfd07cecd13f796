#include "core/model/folder_clock.h"

#include "core/model/timestamp.h"

#include <fmt/format.h>

#include <cmath>
#include <cstdlib>

namespace hpa::core {

namespace {

constexpr int kZoneStepMinutes = 15;
constexpr double kMaxLeadSeconds = 600;
constexpr int kMaxOffsetMinutes = 14 * 60;

bool digits(std::string_view s)
{
    for (char c : s) {
        if (c < '0' || c > '9')
            return false;
    }
    return !s.empty();
}

int number(std::string_view s)
{
    int v = 0;
    for (char c : s)
        v = v * 10 + (c - '0');
    return v;
}

} // namespace

std::optional<FolderClock> FolderClock::detect(std::string_view name, double firstSampleUtc)
{
    while (!name.empty() && name.back() == '/')
        name.remove_suffix(1);
    // YYYYMMDD-HHMMSS at the very end.
    constexpr std::size_t kLength = 15;
    if (name.size() < kLength || !std::isfinite(firstSampleUtc))
        return std::nullopt;
    const std::string_view stamp = name.substr(name.size() - kLength);
    if (stamp[8] != '-' || !digits(stamp.substr(0, 8)) || !digits(stamp.substr(9)))
        return std::nullopt;
    const int year = number(stamp.substr(0, 4)), month = number(stamp.substr(4, 2)),
              day = number(stamp.substr(6, 2)), hour = number(stamp.substr(9, 2)),
              minute = number(stamp.substr(11, 2)), second = number(stamp.substr(13, 2));
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59)
        return std::nullopt;
    FolderClock clock;
    clock.folderSeconds =
        static_cast<double>(Timestamp::daysFromCivil(year, unsigned(month), unsigned(day))) *
            86400.0 +
        hour * 3600.0 + minute * 60.0 + second;
    // local = utc + offset, so offset = folder(local) - utc(first sample) - lead, lead >= 0.
    const double diffMinutes = (clock.folderSeconds - firstSampleUtc) / 60.0;
    // The script starts before its first sample: round up to the next zone step.
    const int offset =
        static_cast<int>(std::ceil(diffMinutes / kZoneStepMinutes - 1e-9)) * kZoneStepMinutes;
    if (std::abs(offset) > kMaxOffsetMinutes)
        return std::nullopt;
    clock.offsetMinutes = offset;
    clock.leadSeconds = firstSampleUtc - (clock.folderSeconds - offset * 60.0);
    if (clock.leadSeconds < 0 || clock.leadSeconds > kMaxLeadSeconds)
        return std::nullopt;
    return clock;
}

std::string FolderClock::describe() const
{
    const std::string name = Timestamp::format(folderSeconds, true);
    const int h = std::abs(offsetMinutes) / 60, m = std::abs(offsetMinutes) % 60;
    const std::string zone =
        offsetMinutes == 0 ? "UTC"
                           : fmt::format("UTC{}{:02}:{:02}", offsetMinutes < 0 ? '-' : '+', h, m);
    return fmt::format("folder name {} is local time {}; the first sample (UTC) came {:.0f} s "
                       "later",
                       name, zone, leadSeconds);
}

} // namespace hpa::core
