#include "core/load/job_placer.h"

#include "core/model/timestamp.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <vector>

namespace hpa::core {

namespace {

constexpr double kQuarterHour = 900;
constexpr int kMaxQuarters = 14 * 4; // time zones lie within ±14 h

struct Window
{
    double start = 0, end = 0;
};

std::optional<Window> windowOf(const Experiment &e)
{
    if (!e.metrics.empty())
        return Window{e.metrics.time().front(), e.metrics.time().back()};
    const auto start = Timestamp::parse(e.metadata.text("start_time"));
    const auto end = Timestamp::parse(e.metadata.text("end_time"));
    if (start && end && end->seconds >= start->seconds)
        return Window{start->seconds, end->seconds};
    return std::nullopt;
}

/// The experiment start for the schedule: metadata.json start_time, else the first sample.
std::optional<double> experimentStart(const Experiment &e)
{
    if (const auto t = Timestamp::parse(e.metadata.text("start_time")))
        return t->seconds;
    if (!e.metrics.empty())
        return e.metrics.time().front();
    return std::nullopt;
}

int columnOf(const KubectlSnapshot &s, std::string_view name)
{
    for (std::size_t i = 0; i < s.header.size(); ++i) {
        if (s.header[i] == name)
            return static_cast<int>(i);
    }
    return -1;
}

std::string cell(const std::vector<std::string> &row, int column)
{
    return column >= 0 && static_cast<std::size_t>(column) < row.size() ? row[column]
                                                                        : std::string();
}

/// kubectl prints minutes only from 10 min to 3 h and hours+minutes above (HumanDuration).
double precisionOf(double seconds)
{
    return seconds < 600 ? 1 : seconds < 3 * 3600 ? 60 : 3600;
}

/// Source A: jobs.log `kubectl get jobs` tables naming the job.
bool placeFromJobsLog(const Experiment &e, BenchJob &job)
{
    std::optional<double> created, end;
    double createdPrecision = 0;
    std::optional<double> lastRunning;
    int line = 0;
    for (const KubectlSnapshot &s : e.jobSnapshots) {
        const int name = columnOf(s, "NAME"), age = columnOf(s, "AGE");
        const int completions = columnOf(s, "COMPLETIONS"), dur = columnOf(s, "DURATION");
        if (!s.time || name < 0 || age < 0)
            continue;
        for (const auto &row : s.rows) {
            if (cell(row, name) != job.name)
                continue;
            const auto a = JobPlacer::kubectlDuration(cell(row, age));
            if (a && !created) {
                created = *s.time - *a;
                createdPrecision = precisionOf(*a);
                line = s.line;
            }
            const std::string c = cell(row, completions);
            const auto slash = c.find('/');
            const bool done = slash != std::string::npos && slash > 0 &&
                              c.substr(0, slash) == c.substr(slash + 1);
            if (!done) {
                lastRunning = *s.time;
            } else if (!end && created) {
                if (const auto d = JobPlacer::kubectlDuration(cell(row, dur)))
                    end = std::max(*created + *d, lastRunning.value_or(*created));
                else
                    end = *s.time;
            }
        }
    }
    if (!created)
        return false;
    job.placement.method = JobPlacement::Method::JobsLog;
    job.placement.start = created;
    job.placement.end = end;
    job.placement.detail = fmt::format(
        "jobs.log line {}: created at snapshot − AGE (±{} s); {}. The span includes the init "
        "container and the ready check: the load starts later",
        line, createdPrecision,
        end ? "end = creation + DURATION at the first 1/1 snapshot"
            : "never seen complete, so its end is unknown");
    return true;
}

/// Source A': events.log `kubectl get events` rows about `job/<name>`.
bool placeFromEvents(const Experiment &e, BenchJob &job)
{
    const std::string object = "job/" + job.name;
    std::optional<double> created, end;
    int line = 0;
    for (const KubectlSnapshot &s : e.kubernetesEvents) {
        const int obj = columnOf(s, "OBJECT"), reason = columnOf(s, "REASON");
        int seen = columnOf(s, "LAST SEEN");
        if (seen < 0)
            seen = columnOf(s, "AGE");
        if (!s.time || obj < 0 || reason < 0)
            continue;
        for (const auto &row : s.rows) {
            if (cell(row, obj) != object)
                continue;
            const auto ago = JobPlacer::kubectlDuration(cell(row, seen));
            const double at = *s.time - ago.value_or(0);
            const std::string r = cell(row, reason);
            if (r == "SuccessfulCreate" && !created) {
                created = at;
                line = s.line;
            } else if (r == "Completed" && !end) {
                end = at;
            }
        }
    }
    if (!created)
        return false;
    job.placement.method = JobPlacement::Method::JobsLog;
    job.placement.start = created;
    job.placement.end = end;
    job.placement.detail =
        fmt::format("events.log line {}: SuccessfulCreate of {}{}", line, object,
                    end ? ", end at its Completed event" : "; no Completed event, end unknown");
    return true;
}

/// A job's start of load and end on its log's clock.
struct LogSpan
{
    BenchJob *job = nullptr;
    double started = 0; ///< the log's first clock reading (t0)
    double loadStart = 0, loadEnd = 0;
};

std::optional<LogSpan> logSpan(BenchJob &job, double windowStart, int year)
{
    const std::optional<LogClockTime> &clock = job.dated ? job.dated : job.logger;
    if (!clock)
        return std::nullopt;
    std::optional<double> t0 = clock->seconds(year);
    if (!clock->year && t0) {
        // No year in the log: the experiment's, or the one either side across New Year.
        for (int y : {year - 1, year + 1}) {
            const double other = *clock->seconds(y);
            if (std::fabs(other - windowStart) < std::fabs(*t0 - windowStart))
                t0 = other;
        }
    }
    const double length = job.result && job.result->value("benchmark_duration_s")
                              ? *job.result->value("benchmark_duration_s")
                              : job.barSeconds.value_or(0);
    if (!t0)
        return std::nullopt;
    LogSpan s;
    s.job = &job;
    s.started = *t0;
    s.loadStart = *t0 + job.readyCheckSeconds.value_or(0);
    s.loadEnd = s.loadStart + length;
    return s;
}

void apply(const LogSpan &s, double offset, JobPlacement::Method method, std::string detail)
{
    JobPlacement &p = s.job->placement;
    p.method = method;
    p.start = s.loadStart + offset;
    p.end = s.loadEnd + offset;
    p.detail = std::move(detail);
}

} // namespace

std::optional<double> JobPlacer::kubectlDuration(std::string_view text)
{
    if (text.empty())
        return std::nullopt;
    double total = 0;
    double number = 0;
    bool digits = false;
    for (const char c : text) {
        if (c >= '0' && c <= '9') {
            number = number * 10 + (c - '0');
            digits = true;
            continue;
        }
        if (!digits)
            return std::nullopt;
        const double unit = c == 'd' ? 86400 : c == 'h' ? 3600 : c == 'm' ? 60 : c == 's' ? 1 : 0;
        if (unit == 0)
            return std::nullopt;
        total += number * unit;
        number = 0;
        digits = false;
    }
    if (digits)
        return std::nullopt;
    return total;
}

std::string JobPlacer::offsetText(double seconds)
{
    const long long total = std::llround(std::fabs(seconds) / 60);
    return fmt::format("{}{} h {:02} min", seconds < 0 ? "-" : "+", total / 60, total % 60);
}

void JobPlacer::place(Experiment &e)
{
    std::vector<BenchJob *> rest;
    for (BenchJob &job : e.jobs) {
        job.placement = JobPlacement{};
        if (!placeFromJobsLog(e, job) && !placeFromEvents(e, job))
            rest.push_back(&job);
    }
    if (rest.empty())
        return;
    const std::optional<Window> window = windowOf(e);
    if (!window) {
        for (BenchJob *job : rest)
            job->placement.detail = "the folder has no experiment clock (no metrics.csv samples "
                                    "and no start_time/end_time in metadata.json)";
        return;
    }
    const int year = std::stoi(Timestamp::format(window->start, true).substr(0, 4));
    std::vector<LogSpan> spans;
    for (BenchJob *job : rest) {
        if (auto s = logSpan(*job, window->start, year))
            spans.push_back(*s);
        else
            job->placement.detail = "not in jobs.log or events.log, and the log has no clock "
                                    "line to place it by";
    }
    if (spans.empty())
        return;
    std::sort(spans.begin(), spans.end(),
              [](const LogSpan &a, const LogSpan &b) { return a.started < b.started; });

    // B: the quarter-hour offsets that put every job inside the window.
    std::vector<int> fits;
    for (int k = -kMaxQuarters; k <= kMaxQuarters; ++k) {
        const double offset = k * kQuarterHour;
        const bool inside = std::all_of(spans.begin(), spans.end(), [&](const LogSpan &s) {
            return s.loadStart + offset >= window->start - kSlackSeconds &&
                   s.loadEnd + offset <= window->end + kSlackSeconds;
        });
        if (inside)
            fits.push_back(k);
    }
    const std::string count = fmt::format("{} job{}", spans.size(), spans.size() == 1 ? "" : "s");
    if (fits.size() == 1) {
        const double offset = fits.front() * kQuarterHour;
        for (const LogSpan &s : spans) {
            apply(s, offset, JobPlacement::Method::LogClock,
                  fmt::format("log clock {} (time-zone offset applied: the only whole number "
                              "of quarter hours that puts all {} inside the experiment's window, "
                              "±2 min); start = first log time + ready check {} s, end = start "
                              "+ benchmark duration; ±3 s",
                              offsetText(offset), count, s.job->readyCheckSeconds.value_or(0)));
        }
        return;
    }

    // C: the start_delay schedule, when the logs follow it.
    const std::optional<double> start = experimentStart(e);
    std::vector<const ScheduledJob *> planned;
    for (const ScheduledJob &j : e.schedule.jobs) {
        if (j.startDelay)
            planned.push_back(&j);
    }
    std::stable_sort(planned.begin(), planned.end(),
                     [](const ScheduledJob *a, const ScheduledJob *b) {
                         return *a->startDelay < *b->startDelay;
                     });
    std::string scheduleWhy;
    if (!start || planned.empty()) {
        scheduleWhy = "experiment-config.yaml has no start_delay schedule";
    } else if (planned.size() != spans.size()) {
        scheduleWhy = fmt::format("experiment-config.yaml schedules {} job(s), the folder has {} "
                                  "log(s) with a clock",
                                  planned.size(), spans.size());
    } else {
        double worst = 0;
        for (std::size_t i = 0; i < spans.size(); ++i) {
            const double logGap = spans[i].started - spans[0].started;
            const double planGap = *planned[i]->startDelay - *planned[0]->startDelay;
            worst = std::max(worst, std::fabs(logGap - planGap));
        }
        const double raw = *start + *planned[0]->startDelay - spans[0].started;
        const double quarters = std::round(raw / kQuarterHour);
        const double residual = raw - quarters * kQuarterHour;
        if (worst > kScheduleToleranceSeconds) {
            scheduleWhy = fmt::format("the logs' start times differ from the start_delay "
                                      "schedule by up to {:.0f} s (more than {:.0f} s)",
                                      worst, kScheduleToleranceSeconds);
        } else if (std::fabs(residual) > kSlackSeconds || std::fabs(quarters) > kMaxQuarters) {
            scheduleWhy = fmt::format("the logs follow the start_delay schedule, but the offset "
                                      "to the experiment start is {} {:.0f} s, not a time-zone "
                                      "offset (more than 2 min from a whole quarter hour)",
                                      offsetText(raw - std::fmod(raw, 60)), std::fmod(raw, 60));
        } else {
            const double offset = quarters * kQuarterHour;
            for (std::size_t i = 0; i < spans.size(); ++i) {
                apply(spans[i], offset, JobPlacement::Method::Schedule,
                      fmt::format("start_delay schedule: the {} logs start {:.0f} s apart from "
                                  "the delays at most, workload \"{}\" (start_delay {:.0f} s); "
                                  "log clock {} applied ({:.0f} s from a whole quarter hour)",
                                  spans.size(), worst, planned[i]->name, *planned[i]->startDelay,
                                  offsetText(offset), residual));
            }
            return;
        }
    }
    const std::string clockWhy =
        fits.empty() ? fmt::format("no whole number of quarter hours between the log clock and "
                                   "the experiment's puts all {} inside the experiment's window",
                                   count)
                     : fmt::format("{} different quarter-hour offsets (from {} to {}) put all {} "
                                   "inside the experiment's window",
                                   fits.size(), offsetText(fits.front() * kQuarterHour),
                                   offsetText(fits.back() * kQuarterHour), count);
    for (const LogSpan &s : spans)
        s.job->placement.detail = clockWhy + "; " + scheduleWhy;
}

} // namespace hpa::core
