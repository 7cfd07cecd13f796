#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hpa::core {

/// Line splitting and number and word reading shared by the log parsers (whitespace is
/// AsciiText's rule). Views point into the
/// content handed to split(), which must outlive them.
class LogLines
{
public:
    struct Line
    {
        std::string_view text; ///< without the line break (`\n`, `\r\n` or a lone `\r`)
        int number = 0;        ///< 1-based
    };

    /// Splits `content` into lines, dropping a leading UTF-8 BOM. A missing final newline is
    /// fine; a trailing newline does not produce an extra empty line.
    static std::vector<Line> split(std::string_view content);

    /// A whole (trimmed) integer, or nullopt when anything else is in the text.
    static std::optional<int> toInt(std::string_view text);
    /// A whole (trimmed) decimal number, or nullopt when anything else is in the text.
    static std::optional<double> toDouble(std::string_view text);

    /// Splits on runs of whitespace.
    static std::vector<std::string_view> words(std::string_view text);
};

} // namespace hpa::core
