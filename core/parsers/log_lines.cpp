#include "core/parsers/log_lines.h"

#include <charconv>
#include <cmath>

namespace hpa::core {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

} // namespace

void LogLines::addWarning(std::vector<LoadWarning> &warnings, const std::string &file, int line,
                          std::string message)
{
    if (warnings.size() > kMaxWarnings)
        return;
    if (warnings.size() == kMaxWarnings) {
        warnings.push_back({file, 0, "more problems of the kinds above are not listed"});
        return;
    }
    if (message.size() > kMaxMessageBytes) {
        std::size_t cut = kMaxMessageBytes - 3;
        // Never cut inside a UTF-8 sequence: back up over continuation bytes (10xxxxxx).
        while (cut > 0 && (static_cast<unsigned char>(message[cut]) & 0xC0) == 0x80)
            --cut;
        message.resize(cut);
        message += "...";
    }
    warnings.push_back({file, line, std::move(message)});
}

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

std::string_view LogLines::trim(std::string_view text)
{
    while (!text.empty() && isSpace(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && isSpace(text.back()))
        text.remove_suffix(1);
    return text;
}

bool LogLines::isBlank(std::string_view text)
{
    return trim(text).empty();
}

std::optional<int> LogLines::toInt(std::string_view text)
{
    text = trim(text);
    int value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc() || end != text.data() + text.size())
        return std::nullopt;
    return value;
}

std::optional<double> LogLines::toDouble(std::string_view text)
{
    text = trim(text);
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
        while (i < text.size() && isSpace(text[i]))
            ++i;
        const std::size_t start = i;
        while (i < text.size() && !isSpace(text[i]))
            ++i;
        if (i > start)
            result.push_back(text.substr(start, i - start));
    }
    return result;
}

} // namespace hpa::core
