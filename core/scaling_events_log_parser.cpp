#include "core/scaling_events_log_parser.h"

#include "core/log_lines.h"
#include "core/timestamp.h"

#include <fmt/format.h>

#include <algorithm>

namespace hpa::core {

namespace {

struct Transition
{
    int from = 0;
    int to = 0;
    std::optional<double> waiting, cache;
};

bool startsWith(std::string_view text, std::string_view prefix)
{
    return text.substr(0, prefix.size()) == prefix;
}

/// `a -> b` optionally followed by `(waiting: w, cache: c)`.
std::optional<Transition> readTransition(std::string_view text)
{
    const auto open = text.find('(');
    const std::string_view counts = text.substr(0, open);
    const auto arrow = counts.find("->");
    if (arrow == std::string_view::npos)
        return std::nullopt;
    const auto from = LogLines::toInt(counts.substr(0, arrow));
    const auto to = LogLines::toInt(counts.substr(arrow + 2));
    if (!from || !to)
        return std::nullopt;
    Transition result{*from, *to, std::nullopt, std::nullopt};
    if (open == std::string_view::npos)
        return result;

    const auto close = text.find(')', open);
    if (close == std::string_view::npos || !LogLines::isBlank(text.substr(close + 1)))
        return std::nullopt;
    std::string_view inside = text.substr(open + 1, close - open - 1);
    while (!inside.empty()) {
        const auto comma = inside.find(',');
        const std::string_view item = LogLines::trim(inside.substr(0, comma));
        inside = comma == std::string_view::npos ? std::string_view{} : inside.substr(comma + 1);
        const auto colon = item.find(':');
        if (colon == std::string_view::npos)
            return std::nullopt;
        const std::string_view name = LogLines::trim(item.substr(0, colon));
        const auto value = LogLines::toDouble(item.substr(colon + 1));
        if (!value)
            return std::nullopt;
        if (name == "waiting")
            result.waiting = value;
        else if (name == "cache")
            result.cache = value;
        // Other names: a newer monitor may print more metrics; they are not an error.
    }
    return result;
}

/// The `5` of `... collecting metrics every 5s`.
std::optional<double> declaredInterval(std::string_view text)
{
    const auto every = text.rfind("every ");
    if (every == std::string_view::npos)
        return std::nullopt;
    std::string_view value = LogLines::trim(text.substr(every + 6));
    if (!value.empty() && value.back() == 's')
        value.remove_suffix(1);
    return LogLines::toDouble(value);
}

} // namespace

ScalingEventsLogParser::Result ScalingEventsLogParser::parse(std::string_view content,
                                                             const std::string &fileName)
{
    Result result;
    bool sawEvent = false;
    const std::vector<LogLines::Line> lines = LogLines::split(content);
    // Sized once: growing a vector of events moves each one several times. The shortest event
    // line (`[0]REPLICAS CHANGED:1->2`) bounds what blank or junk lines can reserve; untouched
    // capacity costs no memory.
    constexpr std::size_t kShortestEvent = 24;
    result.events.reserve(std::min(lines.size(), content.size() / kShortestEvent + 1));
    for (const auto &line : lines) {
        const std::string_view text = LogLines::trim(line.text);
        if (text.empty())
            continue;
        const auto warn = [&](std::string message) {
            LogLines::addWarning(result.warnings, fileName, line.number, std::move(message));
        };

        const auto close = text.find(']');
        if (text.front() != '[' || close == std::string_view::npos) {
            warn(fmt::format("line does not start with a [time] stamp: \"{}\"", text));
            continue;
        }
        const auto time = Timestamp::parse(LogLines::trim(text.substr(1, close - 1)));
        if (!time) {
            warn(fmt::format("unreadable time \"{}\"", text.substr(1, close - 1)));
            continue;
        }
        const std::string_view body = LogLines::trim(text.substr(close + 1));

        if (startsWith(body, "Monitor started")) {
            if (!result.monitorStarted)
                result.monitorStarted = time->seconds;
            if (const auto interval = declaredInterval(body);
                interval && !result.declaredIntervalSeconds)
                result.declaredIntervalSeconds = interval;
            continue;
        }
        if (startsWith(body, "Monitor stopped")) {
            result.monitorStopped = time->seconds;
            continue;
        }

        EventKind kind = EventKind::ReplicasChanged;
        std::string_view rest;
        if (startsWith(body, "SCALE UP TRIGGERED:")) {
            kind = EventKind::ScaleUp;
            rest = body.substr(19);
        } else if (startsWith(body, "SCALE DOWN TRIGGERED:")) {
            kind = EventKind::ScaleDown;
            rest = body.substr(21);
        } else if (startsWith(body, "REPLICAS CHANGED:")) {
            rest = body.substr(17);
        } else {
            warn(fmt::format("unrecognised line: \"{}\"", body));
            continue;
        }

        const auto transition = readTransition(rest);
        if (!transition) {
            warn(fmt::format("cannot read the replica counts in \"{}\"", body));
            continue;
        }
        // The monitor logs its first look at the deployment as a change from 0: not a change.
        if (!sawEvent && kind == EventKind::ReplicasChanged && transition->from == 0) {
            sawEvent = true;
            continue;
        }
        sawEvent = true;

        ScalingEvent event;
        event.time = time->seconds;
        event.kind = kind;
        event.from = transition->from;
        event.to = transition->to;
        event.waiting = transition->waiting;
        event.kvCacheRaw = transition->cache;
        event.text = std::string(text);
        event.file = fileName;
        event.line = line.number;
        result.events.push_back(std::move(event));
    }
    return result;
}

} // namespace hpa::core
