#include "core/parsers/scaling_log_parser.h"

#include "core/model/ascii_text.h"
#include "core/model/timestamp.h"
#include "core/model/warning_list.h"
#include "core/parsers/log_lines.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <utility>

namespace hpa::core {

namespace {

using Lines = std::vector<LogLines::Line>;

constexpr std::string_view kEventMarker = "SCALING EVENT at";
constexpr std::string_view kInitialMarker = "=== Initial State at";

bool startsWith(std::string_view text, std::string_view prefix)
{
    return text.substr(0, prefix.size()) == prefix;
}

bool isSeparator(std::string_view text)
{
    text = AsciiText::trim(text);
    return text.size() >= 10 && text.find_first_not_of('=') == std::string_view::npos;
}

/// Lines [begin, end) without trailing blank ones, joined by `\n`, into `text`.
void joinLines(const Lines &lines, std::size_t begin, std::size_t end, std::string &text)
{
    while (end > begin && AsciiText::isBlank(lines[end - 1].text))
        --end;
    text.clear();
    for (std::size_t i = begin; i < end; ++i) {
        if (i > begin)
            text += '\n';
        text += lines[i].text;
    }
}

/// What a block says beyond its time; the replica counts become the event's kind, from and to.
struct BlockFields
{
    std::optional<int> previousReplicas, previousDesired, currentReplicas, currentDesired;
};

/// `1 replicas (desired: 2)` -> {1, 2}.
std::optional<std::pair<int, int>> readReplicas(std::string_view text)
{
    const auto open = text.find('(');
    const auto close = text.find(')');
    if (open == std::string_view::npos || close == std::string_view::npos || close < open)
        return std::nullopt;
    const auto words = LogLines::words(text.substr(0, open));
    if (words.empty() || words.size() > 2)
        return std::nullopt;
    const auto current = LogLines::toInt(words.front());
    std::string_view inside = text.substr(open + 1, close - open - 1);
    const auto colon = inside.find(':');
    if (colon == std::string_view::npos || AsciiText::trim(inside.substr(0, colon)) != "desired")
        return std::nullopt;
    const auto desired = LogLines::toInt(inside.substr(colon + 1));
    if (!current || !desired)
        return std::nullopt;
    return std::pair{*current, *desired};
}

/// `569% (target: 500%)` -> {569, 500}; either part may be missing.
std::pair<std::optional<double>, std::optional<double>> readValueAndTarget(std::string_view text)
{
    const auto strip = [](std::string_view value) {
        value = AsciiText::trim(value);
        if (!value.empty() && value.back() == '%')
            value.remove_suffix(1);
        return LogLines::toDouble(value);
    };
    const auto open = text.find('(');
    std::optional<double> target;
    if (open != std::string_view::npos) {
        std::string_view inside = text.substr(open + 1);
        inside = inside.substr(0, inside.find(')'));
        if (const auto colon = inside.find(':'); colon != std::string_view::npos)
            target = strip(inside.substr(colon + 1));
    }
    return {strip(text.substr(0, open)), target};
}

struct BlockReader
{
    const Lines &lines;
    const std::string &fileName;
    ScalingLogParser::Result &result;
    WarningList &warnings;
    bool keepText = true;
    std::uint8_t file = 0;
    std::string scratch; ///< one block's text, reused

    void warn(int line, std::string message) { warnings.add(line, std::move(message)); }

    /// Reads lines [begin, end); `header` is the index of the `SCALING EVENT at` line.
    void read(std::size_t begin, std::size_t header, std::size_t end, bool last)
    {
        const auto &headerLine = lines[header];
        const std::string_view stamp =
            AsciiText::trim(AsciiText::trim(headerLine.text).substr(kEventMarker.size()));
        const auto time = Timestamp::parse(stamp);
        if (!time) {
            warn(headerLine.number,
                 fmt::format("scaling event with unreadable time \"{}\" skipped", stamp));
            return;
        }

        ScalingEvent event;
        event.time = time->seconds;
        event.file = file;
        event.line = headerLine.number;
        BlockFields fields;
        bool sawTable = false;
        for (std::size_t i = header + 1; i < end; ++i) {
            const std::string_view text = AsciiText::trim(lines[i].text);
            readField(text, lines[i].number, fields);
            sawTable = sawTable || startsWith(text, "Recent HPA Events");
        }

        if (!fields.previousReplicas || !fields.currentReplicas) {
            warn(headerLine.number,
                 fmt::format("scaling event at {} has no readable Previous/Current replicas; "
                             "skipped",
                             stamp));
            return;
        }
        if (last && !sawTable)
            warn(headerLine.number, "last scaling event block is cut short; kept what was read");

        const int previousDesired = *fields.previousDesired;
        const int currentDesired = *fields.currentDesired;
        if (currentDesired != previousDesired) {
            event.kind =
                currentDesired > previousDesired ? EventKind::ScaleUp : EventKind::ScaleDown;
            event.from = previousDesired;
            event.to = currentDesired;
        } else {
            event.kind = EventKind::ReplicasChanged;
            event.from = *fields.previousReplicas;
            event.to = *fields.currentReplicas;
        }
        if (keepText) {
            joinLines(lines, begin, end, scratch);
            result.texts.store(event, scratch);
        }
        result.events.push_back(event);
    }

    /// Reads the replica counts; the metric lines are only checked (their values stay in the
    /// event's text for the user).
    void readField(std::string_view text, int lineNumber, BlockFields &fields)
    {
        if (startsWith(text, "Previous:") || startsWith(text, "Current:")) {
            const bool previous = text.front() == 'P';
            const auto replicas = readReplicas(text.substr(text.find(':') + 1));
            if (!replicas) {
                warn(lineNumber, fmt::format("unreadable replica counts: \"{}\"", text));
                return;
            }
            (previous ? fields.previousReplicas : fields.currentReplicas) = replicas->first;
            (previous ? fields.previousDesired : fields.currentDesired) = replicas->second;
            return;
        }
        if (!startsWith(text, "- "))
            return;
        const auto colon = text.find(':');
        if (colon == std::string_view::npos)
            return;
        const std::string_view name = AsciiText::trim(text.substr(2, colon - 2));
        const std::string_view value = text.substr(colon + 1);
        if (name == "Waiting requests" || name == "KV cache usage") {
            if (!readValueAndTarget(value).first)
                warn(lineNumber, fmt::format("unreadable metric value: \"{}\"", text));
        } else if (name == "Active jobs") {
            if (!LogLines::toInt(value))
                warn(lineNumber, fmt::format("unreadable active jobs: \"{}\"", text));
        }
    }
};

} // namespace

ScalingLogParser::Result ScalingLogParser::parse(std::string_view content,
                                                 const std::string &fileName, bool keepText)
{
    Result result;
    WarningList warnings(fileName);
    const Lines lines = LogLines::split(content);

    std::vector<std::size_t> headers;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (startsWith(AsciiText::trim(lines[i].text), kEventMarker))
            headers.push_back(i);
    }
    // A block starts at the separator line just above its header, when there is one.
    std::vector<std::size_t> starts;
    for (const std::size_t header : headers)
        starts.push_back(header > 0 && isSeparator(lines[header - 1].text) ? header - 1 : header);

    const std::size_t preambleEnd = starts.empty() ? lines.size() : starts.front();
    std::size_t i = 0;
    while (i < preambleEnd && AsciiText::isBlank(lines[i].text))
        ++i;
    if (i < preambleEnd) {
        if (startsWith(AsciiText::trim(lines[i].text), kInitialMarker)) {
            joinLines(lines, i + 1, preambleEnd, result.initialState);
        } else {
            warnings.add(lines[i].number,
                         "text before the first scaling event is not an \"=== Initial State at\" "
                         "section; ignored");
        }
    }

    BlockReader reader{lines, fileName, result, warnings, keepText, result.texts.addFile(fileName),
                       {}};
    result.events.reserve(headers.size());
    for (std::size_t b = 0; b < headers.size(); ++b) {
        const bool last = b + 1 == headers.size();
        const std::size_t end = last ? lines.size() : starts[b + 1];
        reader.read(starts[b], headers[b], end, last);
    }
    result.texts.shrinkToFit();
    result.warnings = warnings.take();
    return result;
}

} // namespace hpa::core
