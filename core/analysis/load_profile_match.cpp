#include "core/analysis/load_profile_match.h"

#include <fmt/format.h>

#include <cmath>

namespace hpa::core {

namespace {

std::string fileName(const std::string &path)
{
    const std::size_t slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string describe(const ScheduledJob &job)
{
    const std::string manifest = job.manifest.empty() ? "no manifest" : fileName(job.manifest);
    return job.startDelay ? fmt::format("{} at {:g} s", manifest, *job.startDelay)
                          : fmt::format("{} (no start_delay)", manifest);
}

bool sameDelay(const ScheduledJob &a, const ScheduledJob &b)
{
    if (!a.startDelay || !b.startDelay)
        return !a.startDelay && !b.startDelay;
    return std::fabs(*a.startDelay - *b.startDelay) <= 1.0;
}

} // namespace

LoadProfileMatch LoadProfileMatch::match(const JobSchedule &a, const JobSchedule &b,
                                         std::string_view nameA, std::string_view nameB)
{
    if (a.jobs.empty() || b.jobs.empty()) {
        const std::string which = a.jobs.empty() && b.jobs.empty()
                                      ? fmt::format("{} and {}", nameA, nameB)
                                  : a.jobs.empty() ? std::string(nameA)
                                                   : std::string(nameB);
        return {Kind::Unknown,
                fmt::format("no job schedule (experiment-config.yaml jobs) in {}", which)};
    }
    if (a.jobs.size() != b.jobs.size())
        return {Kind::Different,
                fmt::format("{} jobs in {}, {} in {}", a.jobs.size(), nameA, b.jobs.size(), nameB)};
    std::string jobs;
    for (std::size_t i = 0; i < a.jobs.size(); ++i) {
        const ScheduledJob &ja = a.jobs[i], &jb = b.jobs[i];
        if (fileName(ja.manifest) != fileName(jb.manifest) || !sameDelay(ja, jb))
            return {Kind::Different, fmt::format("job {}: {} in {}, {} in {}", i + 1, describe(ja),
                                                 nameA, describe(jb), nameB)};
        jobs += (i ? ", " : "") + describe(ja);
    }
    return {Kind::Same, fmt::format("{} job(s): {}", a.jobs.size(), jobs)};
}

std::string_view LoadProfileMatch::kindKey(Kind kind)
{
    switch (kind) {
    case Kind::Same:
        return "same";
    case Kind::Different:
        return "different";
    case Kind::Unknown:
        return "unknown";
    }
    return "unknown";
}

} // namespace hpa::core
