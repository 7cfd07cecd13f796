#include "core/model/bench_job.h"

#include "core/model/timestamp.h"

namespace hpa::core {

std::optional<double> LogClockTime::seconds(int fallbackYear) const
{
    const int y = year ? year : fallbackYear;
    if (!y || month < 1 || month > 12 || day < 1 || day > 31)
        return std::nullopt;
    const long long days =
        Timestamp::daysFromCivil(y, static_cast<unsigned>(month), static_cast<unsigned>(day));
    return static_cast<double>(days) * 86400.0 + hour * 3600.0 + minute * 60.0 + second;
}

std::optional<double> BenchJob::successful() const
{
    return result ? result->value("successful_requests") : std::nullopt;
}

std::string BenchJob::outcomeName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Complete:
        return "complete";
    case Outcome::Partial:
        return "partial";
    case Outcome::KilledDuringRun:
        return "killed during run";
    case Outcome::FailedBeforeStart:
        return "failed before start";
    case Outcome::NoResult:
        break;
    }
    return "no result";
}

} // namespace hpa::core
