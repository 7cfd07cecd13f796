#include "core/model/event_reading.h"

#include "core/model/ascii_text.h"

#include <charconv>
#include <cmath>

namespace hpa::core {

namespace {

/// `355`, `0.997`, `569%`: the whole of `text` must be the number.
std::optional<double> number(std::string_view text)
{
    text = AsciiText::trim(text);
    if (!text.empty() && text.back() == '%')
        text.remove_suffix(1);
    double value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value))
        return std::nullopt;
    return value;
}

/// `(waiting: 355, cache: 0.997)` after the counts of a one-line event.
void readItems(std::string_view line, EventReading &out)
{
    const auto open = line.find('(');
    const auto close = line.rfind(')');
    if (open == std::string_view::npos || close == std::string_view::npos || close < open)
        return;
    std::string_view inside = line.substr(open + 1, close - open - 1);
    while (!inside.empty()) {
        const auto comma = inside.find(',');
        const std::string_view item = inside.substr(0, comma);
        inside = comma == std::string_view::npos ? std::string_view{} : inside.substr(comma + 1);
        const auto colon = item.find(':');
        if (colon == std::string_view::npos)
            continue;
        const std::string_view name = AsciiText::trim(item.substr(0, colon));
        if (name == "waiting")
            out.waiting = number(item.substr(colon + 1));
        else if (name == "cache")
            out.kvCache = number(item.substr(colon + 1));
    }
}

/// `- Waiting requests: 0 (target: 20)` of a scaling.log block.
void readMetricLine(std::string_view line, EventReading &out)
{
    const auto colon = line.find(':');
    if (colon == std::string_view::npos)
        return;
    const std::string_view name = AsciiText::trim(line.substr(2, colon - 2));
    std::string_view value = line.substr(colon + 1);
    value = value.substr(0, value.find('('));
    if (name == "Waiting requests")
        out.waiting = number(value);
    else if (name == "KV cache usage")
        out.kvCache = number(value);
}

} // namespace

EventReading EventReading::parse(std::string_view text)
{
    EventReading out;
    while (!text.empty()) {
        const auto newline = text.find('\n');
        const std::string_view line = AsciiText::trim(text.substr(0, newline));
        text = newline == std::string_view::npos ? std::string_view{} : text.substr(newline + 1);
        if (line.starts_with("- "))
            readMetricLine(line, out);
        else if (line.starts_with("[") && line.find("->") != std::string_view::npos)
            readItems(line.substr(line.find("->")), out);
        else if (line.starts_with("("))
            readItems(line, out); // the stored tail of a one-line event
    }
    return out;
}

} // namespace hpa::core
