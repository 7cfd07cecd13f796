#pragma once

#include "core/model/load_warning.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hpa::core {

/// Line splitting and small text helpers shared by the log parsers. Views point into the
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

    /// `text` without leading and trailing spaces, tabs and line breaks.
    static std::string_view trim(std::string_view text);
    static bool isBlank(std::string_view text);

    /// A whole (trimmed) integer, or nullopt when anything else is in the text.
    static std::optional<int> toInt(std::string_view text);
    /// A whole (trimmed) decimal number, or nullopt when anything else is in the text.
    static std::optional<double> toDouble(std::string_view text);

    /// Splits on runs of whitespace.
    static std::vector<std::string_view> words(std::string_view text);

    /// Warnings listed per file; one more line then says that the rest are not listed.
    static constexpr std::size_t kMaxWarnings = 200;
    /// Longest warning message; a hostile 100 MB line must not become a 100 MB message.
    static constexpr std::size_t kMaxMessageBytes = 300;

    /// Appends a warning, clipped to kMaxMessageBytes (at a UTF-8 character boundary) and
    /// capped at kMaxWarnings per list.
    static void addWarning(std::vector<LoadWarning> &warnings, const std::string &file, int line,
                           std::string message);
};

} // namespace hpa::core
