#include "core/parsers/csv_cells.h"

#include "core/model/ascii_text.h"

#include <charconv>
#include <cmath>
#include <utility>

namespace hpa::core {

std::string CsvCells::shortened(std::string_view s)
{
    if (s.size() <= 40)
        return std::string(s);
    return std::string(s.substr(0, 37)) + "...";
}

void CsvCells::split(std::string_view line, std::vector<std::string_view> &fields,
                     std::string &scratch)
{
    fields.clear();
    if (line.find('"') == std::string_view::npos) {
        std::size_t start = 0;
        while (true) {
            const std::size_t comma = line.find(',', start);
            if (comma == std::string_view::npos) {
                fields.push_back(line.substr(start));
                return;
            }
            fields.push_back(line.substr(start, comma - start));
            start = comma + 1;
        }
    }
    // Slow path: unquote into scratch, remembering offsets; views are made at the end so
    // scratch does not reallocate under them.
    scratch.clear();
    scratch.reserve(line.size());
    std::vector<std::pair<std::size_t, std::size_t>> spans;
    bool quoted = false;
    std::size_t begin = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (c == '"') {
            if (quoted && i + 1 < line.size() && line[i + 1] == '"') {
                scratch.push_back('"');
                ++i;
            } else {
                quoted = !quoted;
            }
        } else if (c == ',' && !quoted) {
            spans.emplace_back(begin, scratch.size() - begin);
            begin = scratch.size();
        } else {
            scratch.push_back(c);
        }
    }
    spans.emplace_back(begin, scratch.size() - begin);
    for (const auto &[b, n] : spans)
        fields.push_back(std::string_view(scratch).substr(b, n));
}

CsvCells::Status CsvCells::parseNumber(std::string_view cell, double &out)
{
    cell = AsciiText::trim(cell);
    if (cell.empty())
        return Status::Empty;
    // Our own CSV export writes the exceeded flags as true/false.
    if (cell == "true" || cell == "True" || cell == "TRUE") {
        out = 1;
        return Status::Ok;
    }
    if (cell == "false" || cell == "False" || cell == "FALSE") {
        out = 0;
        return Status::Ok;
    }
    const char *first = cell.data();
    const char *last = first + cell.size();
    if (*first == '+')
        ++first;
    const auto [end, ec] = std::from_chars(first, last, out);
    if (ec == std::errc::result_out_of_range)
        return Status::NonFinite;
    if (ec != std::errc() || end != last)
        return Status::Invalid;
    if (!std::isfinite(out))
        return Status::NonFinite;
    return Status::Ok;
}

} // namespace hpa::core
