#include "core/parsers/log_lines.h"

#include "core/model/ascii_text.h"

#include <charconv>
#include <cmath>

namespace hpa::core {

std::vector<LogLines::Line> LogLines::split(std::string_view content)
{
    constexpr std::string_view bom = "\xEF\xBB\xBF";
    if (content.substr(0, bom.size()) == bom)
        content.remove_prefix(bom.size());

    std::vector<Line> lines;
    int number = 1;
    std::size_t start = 0;
    while (start < content.size()) {
        std::size_t end = start;
        while (end < content.size() && content[end] != '\n' && content[end] != '\r')
            ++end;
        lines.push_back({content.substr(start, end - start), number++});
        if (end < content.size() && content[end] == '\r') {
            ++end;
            if (end < content.size() && content[end] == '\n')
                ++end;
        } else if (end < content.size()) {
            ++end;
        }
        start = end;
    }
    return lines;
}

std::optional<int> LogLines::toInt(std::string_view text)
{
    text = AsciiText::trim(text);
    int value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc() || end != text.data() + text.size())
        return std::nullopt;
    return value;
}

std::optional<double> LogLines::toDouble(std::string_view text)
{
    text = AsciiText::trim(text);
    if (!text.empty() && text.front() == '+')
        text.remove_prefix(1);
    double value = 0.0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc() || end != text.data() + text.size() ||
        !std::isfinite(value))
        return std::nullopt;
    return value;
}

std::vector<std::string_view> LogLines::words(std::string_view text)
{
    std::vector<std::string_view> result;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && AsciiText::isSpace(text[i]))
            ++i;
        const std::size_t start = i;
        while (i < text.size() && !AsciiText::isSpace(text[i]))
            ++i;
        if (i > start)
            result.push_back(text.substr(start, i - start));
    }
    return result;
}

} // namespace hpa::core
