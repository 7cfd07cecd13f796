#pragma once

#include <string_view>

namespace hpa::core {

/// The one whitespace rule of the readers: ASCII space, tab, line breaks (`\r`, `\n`),
/// vertical tab and form feed, as std::isspace has them in the C locale. Never the locale:
/// a file must read the same on every machine.
class AsciiText
{
public:
    /// True for the six ASCII whitespace characters.
    static constexpr bool isSpace(char c)
    {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
    }

    /// `text` without leading and trailing whitespace. Inline: called for every CSV cell.
    static constexpr std::string_view trim(std::string_view text)
    {
        while (!text.empty() && isSpace(text.front()))
            text.remove_prefix(1);
        while (!text.empty() && isSpace(text.back()))
            text.remove_suffix(1);
        return text;
    }

    /// True when `text` is empty or whitespace only.
    static constexpr bool isBlank(std::string_view text) { return trim(text).empty(); }
};

} // namespace hpa::core
