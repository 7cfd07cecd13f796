#include "core/parsers/scaling_events_log_parser.h"

#include "core/model/ascii_text.h"
#include "core/model/timestamp.h"
#include "core/model/warning_list.h"
#include "core/parsers/log_lines.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>

namespace hpa::core {

namespace {

struct Transition
{
    int from = 0;
    int to = 0;
};

bool startsWith(std::string_view text, std::string_view prefix)
{
    return text.substr(0, prefix.size()) == prefix;
}

/// `a -> b` optionally followed by `(waiting: w, cache: c)`. The values are checked, not kept:
/// nothing reads them but the user, in the event's text.
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
    const Transition result{*from, *to};
    if (open == std::string_view::npos)
        return result;

    const auto close = text.find(')', open);
    if (close == std::string_view::npos || !AsciiText::isBlank(text.substr(close + 1)))
        return std::nullopt;
    std::string_view inside = text.substr(open + 1, close - open - 1);
    while (!inside.empty()) {
        const auto comma = inside.find(',');
        const std::string_view item = AsciiText::trim(inside.substr(0, comma));
        inside = comma == std::string_view::npos ? std::string_view{} : inside.substr(comma + 1);
        const auto colon = item.find(':');
        if (colon == std::string_view::npos)
            return std::nullopt;
        // Any name: a newer monitor may print more metrics than waiting and cache.
        if (!LogLines::toDouble(item.substr(colon + 1)))
            return std::nullopt;
    }
    return result;
}

/// The `5` of `... collecting metrics every 5s`.
std::optional<double> declaredInterval(std::string_view text)
{
    const auto every = text.rfind("every ");
    if (every == std::string_view::npos)
        return std::nullopt;
    std::string_view value = AsciiText::trim(text.substr(every + 6));
    if (!value.empty() && value.back() == 's')
        value.remove_suffix(1);
    return LogLines::toDouble(value);
}

} // namespace

ScalingEventsLogParser::Result
ScalingEventsLogParser::parse(std::string_view content, const std::string &fileName, bool keepText)
{
    Cursor cursor;
    cursor.warnings = WarningList(fileName);
    Result result = parseAppended(content, cursor, fileName, keepText);
    result.warnings = cursor.warnings.take();
    return result;
}

ScalingEventsLogParser::Result ScalingEventsLogParser::parseAppended(std::string_view content,
                                                                     Cursor &cursor,
                                                                     const std::string &fileName,
                                                                     bool keepText)
{
    Result result;
    WarningList &warnings = cursor.warnings;
    bool &sawEvent = cursor.sawEvent;
    constexpr std::string_view bom = "\xEF\xBB\xBF";
    if (cursor.line == 0 && content.starts_with(bom))
        content.remove_prefix(bom.size());
    // Sized once: growing a vector of events moves each one several times. One event per line
    // at most, and the shortest event line (`[0]REPLICAS CHANGED:1->2`) bounds what blank or
    // junk lines can reserve.
    constexpr std::size_t kShortestEvent = 24;
    const auto newlines =
        static_cast<std::size_t>(std::count(content.begin(), content.end(), '\n'));
    result.events.reserve(std::min(newlines + 1, content.size() / kShortestEvent + 1));
    const std::uint8_t file = result.texts.addFile(fileName);

    // Lines are walked in place (as LogLines::split cuts them) rather than listed first: a
    // list of 100 000s of lines would cost as much memory as the events.
    int &number = cursor.line;
    std::size_t start = 0;
    while (start < content.size()) {
        std::size_t end = start;
        while (end < content.size() && content[end] != '\n' && content[end] != '\r')
            ++end;
        const LogLines::Line line{content.substr(start, end - start), ++number};
        if (end < content.size() && content[end] == '\r' && end + 1 < content.size() &&
            content[end + 1] == '\n')
            ++end;
        start = end + 1;

        const std::string_view text = AsciiText::trim(line.text);
        if (text.empty())
            continue;
        const auto warn = [&](std::string message) {
            warnings.add(line.number, std::move(message));
        };

        const auto close = text.find(']');
        if (text.front() != '[' || close == std::string_view::npos) {
            warn(fmt::format("line does not start with a [time] stamp: \"{}\"", text));
            continue;
        }
        const auto time = Timestamp::parse(AsciiText::trim(text.substr(1, close - 1)));
        if (!time) {
            warn(fmt::format("unreadable time \"{}\"", text.substr(1, close - 1)));
            continue;
        }
        const std::string_view body = AsciiText::trim(text.substr(close + 1));

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
        const bool monitorStart =
            !sawEvent && kind == EventKind::ReplicasChanged && transition->from == 0;
        sawEvent = true;

        ScalingEvent event;
        event.time = time->seconds;
        event.kind = kind;
        event.from = transition->from;
        event.to = transition->to;
        event.file = file;
        event.line = line.number;
        if (keepText)
            result.texts.storeLine(event, text);
        if (monitorStart)
            result.monitorStart = event;
        else
            result.events.push_back(event);
    }
    result.texts.shrinkToFit();
    return result;
}

} // namespace hpa::core
