#include "core/parsers/kubectl_log_parser.h"

#include "core/model/ascii_text.h"
#include "core/model/timestamp.h"
#include "core/model/warning_list.h"
#include "core/parsers/log_lines.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace hpa::core {

namespace {

using Lines = std::vector<LogLines::Line>;

struct Column
{
    std::string name;
    std::size_t start = 0;
};

bool isSectionHeader(std::string_view text)
{
    text = AsciiText::trim(text);
    return text.size() >= 6 && text.substr(0, 3) == "===" &&
           text.substr(text.size() - 3) == "===" &&
           text.find_first_not_of('=') != std::string_view::npos;
}

/// Columns of a `kubectl get` header row: upper-case names separated by two or more spaces.
std::vector<Column> readHeader(std::string_view text)
{
    std::vector<Column> columns;
    bool hasLetter = false;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && text[i] == ' ')
            ++i;
        if (i == text.size())
            break;
        const std::size_t start = i;
        while (i < text.size() && !(text[i] == ' ' && (i + 1 == text.size() || text[i + 1] == ' ')))
            ++i;
        const std::string_view name = text.substr(start, i - start);
        for (const char c : name) {
            const auto u = static_cast<unsigned char>(c);
            if (std::islower(u) || !(std::isalnum(u) || std::string_view(" _-()/.%").find(c) !=
                                                            std::string_view::npos))
                return {};
            hasLetter = hasLetter || std::isupper(u);
        }
        columns.push_back({std::string(name), start});
    }
    if (!hasLetter)
        return {};
    return columns;
}

bool isWordChar(char c)
{
    return c != ' ' && c != '\t';
}

/// Cells cut at the header's column starts, or nothing when the row does not line up: a cut
/// through a word, or an empty cell although the row has enough words to fill every column.
std::optional<std::vector<std::string>>
splitByOffsets(std::string_view row, const std::vector<Column> &columns, std::size_t wordCount)
{
    std::vector<std::string> cells;
    for (std::size_t c = 0; c < columns.size(); ++c) {
        const std::size_t start = columns[c].start;
        if (c > 0 && start < row.size() && isWordChar(row[start]) && isWordChar(row[start - 1]))
            return std::nullopt;
        const std::size_t end =
            c + 1 < columns.size() ? std::min(columns[c + 1].start, row.size()) : row.size();
        const std::string_view cell =
            start < row.size() ? AsciiText::trim(row.substr(start, end - start)) : "";
        if (cell.empty() && wordCount >= columns.size())
            return std::nullopt;
        cells.emplace_back(cell);
    }
    if (columns.front().start > 0 && !AsciiText::isBlank(row.substr(0, columns.front().start)))
        return std::nullopt;
    return cells;
}

/// One cell per word; the last column takes the rest of the line (a MESSAGE with spaces).
std::vector<std::string> splitByWords(std::string_view row, std::size_t columnCount)
{
    std::vector<std::string> cells;
    const auto words = LogLines::words(row);
    for (std::size_t w = 0; w < words.size(); ++w) {
        if (cells.size() + 1 == columnCount) {
            const std::size_t from = static_cast<std::size_t>(words[w].data() - row.data());
            cells.emplace_back(AsciiText::trim(row.substr(from)));
            break;
        }
        cells.emplace_back(words[w]);
    }
    cells.resize(columnCount);
    return cells;
}

class SectionReader
{
public:
    SectionReader(KubectlLogParser::Result &result, WarningList &warnings)
        : m_result(result), m_warnings(warnings)
    {}

    void read(const Lines &lines, std::size_t header, std::size_t end)
    {
        KubectlSnapshot snapshot;
        snapshot.line = lines[header].number;
        readTitle(AsciiText::trim(lines[header].text), snapshot);

        std::size_t i = header + 1;
        while (i < end && AsciiText::isBlank(lines[i].text))
            ++i;
        std::vector<Column> columns;
        if (i < end)
            columns = readHeader(lines[i].text);
        if (columns.empty()) {
            readMessage(lines, i, end, snapshot);
        } else {
            for (const auto &column : columns)
                snapshot.header.push_back(column.name);
            for (++i; i < end; ++i) {
                if (!AsciiText::isBlank(lines[i].text))
                    snapshot.rows.push_back(readRow(lines[i], columns));
            }
        }
        m_result.snapshots.push_back(std::move(snapshot));
    }

private:
    void warn(int line, std::string message) { m_warnings.add(line, std::move(message)); }

    void readTitle(std::string_view text, KubectlSnapshot &snapshot)
    {
        const std::string_view inner = AsciiText::trim(text.substr(3, text.size() - 6));
        const auto at = inner.rfind(" at ");
        if (at == std::string_view::npos) {
            snapshot.title = std::string(inner);
            warn(snapshot.line, fmt::format("section \"{}\" has no time", inner));
            return;
        }
        snapshot.title = std::string(AsciiText::trim(inner.substr(0, at)));
        const std::string_view stamp = AsciiText::trim(inner.substr(at + 4));
        if (const auto time = Timestamp::parse(stamp)) {
            snapshot.time = time->seconds;
            snapshot.naiveTime = time->naive;
        } else {
            warn(snapshot.line, fmt::format("section \"{}\" has an unreadable time \"{}\"",
                                            snapshot.title, stamp));
        }
    }

    static void readMessage(const Lines &lines, std::size_t begin, std::size_t end,
                            KubectlSnapshot &snapshot)
    {
        while (end > begin && AsciiText::isBlank(lines[end - 1].text))
            --end;
        for (std::size_t i = begin; i < end; ++i) {
            if (i > begin)
                snapshot.message += '\n';
            snapshot.message += AsciiText::trim(lines[i].text);
        }
    }

    std::vector<std::string> readRow(const LogLines::Line &line, const std::vector<Column> &columns)
    {
        const std::string_view row = line.text;
        const std::size_t wordCount = LogLines::words(row).size();
        auto cells = splitByOffsets(row, columns, wordCount);
        if (!cells)
            cells = splitByWords(row, columns.size());
        // Only the last column (a MESSAGE, say) may legitimately be empty; anything else is a
        // row cut short, most likely by a killed monitor.
        if (std::any_of(cells->begin(), cells->end() - 1, [](const auto &c) { return c.empty(); }))
            warn(line.number,
                 fmt::format("row has {} cells for {} columns", wordCount, columns.size()));
        return std::move(*cells);
    }

    KubectlLogParser::Result &m_result;
    WarningList &m_warnings;
};

} // namespace

KubectlLogParser::Result KubectlLogParser::parse(std::string_view content,
                                                 const std::string &fileName)
{
    Result result;
    WarningList warnings(fileName);
    const Lines lines = LogLines::split(content);

    std::vector<std::size_t> headers;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (isSectionHeader(lines[i].text))
            headers.push_back(i);
    }

    const std::size_t preambleEnd = headers.empty() ? lines.size() : headers.front();
    for (std::size_t i = 0; i < preambleEnd; ++i) {
        if (!AsciiText::isBlank(lines[i].text)) {
            warnings.add(lines[i].number, "text before the first \"=== ... ===\" section; ignored");
            break;
        }
    }

    SectionReader reader(result, warnings);
    for (std::size_t h = 0; h < headers.size(); ++h)
        reader.read(lines, headers[h], h + 1 < headers.size() ? headers[h + 1] : lines.size());
    result.warnings = warnings.take();
    return result;
}

} // namespace hpa::core
