#include "core/metrics_csv_parser.h"

#include "core/metric_keys.h"
#include "core/timestamp.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>
#include <thread>
#include <unordered_set>

namespace hpa::core {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// Below this size threads cost more than they save.
constexpr std::size_t kMinBytesPerThread = 1 << 20;
constexpr std::size_t kCancelCheckRows = 1 << 14;

enum class TimeSource
{
    None,
    Timestamp,
    Epoch
};

struct Layout
{
    std::size_t fieldCount = 0;
    std::size_t timeField = 0;
    std::size_t epochField = std::numeric_limits<std::size_t>::max();
    TimeSource source = TimeSource::None;
    /// For each field, the output column index or -1 for the time fields.
    std::vector<int> columnOf;
    std::vector<std::string> headers;
};

/// What one thread produced from its slice of lines; line numbers are relative to the slice.
struct Chunk
{
    std::vector<double> time;
    std::vector<int> lines;
    std::vector<std::vector<double>> columns;
    std::vector<LoadWarning> warnings;
    std::size_t suppressed = 0;
    int lineCount = 0;
    int naiveRows = 0;
    int zonedRows = 0;
    int firstNaiveLine = 0;
    int firstZonedLine = 0;
    bool cancelled = false;
};

std::string_view trimCell(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

/// Splits on commas; quotes are honoured only when the line has any (the monitors never quote).
void splitFields(std::string_view line, std::vector<std::string_view> &fields, std::string &scratch)
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

enum class CellStatus
{
    Ok,
    Empty,
    Invalid,
    NonFinite
};

CellStatus parseNumber(std::string_view cell, double &out)
{
    cell = trimCell(cell);
    if (cell.empty())
        return CellStatus::Empty;
    // Our own CSV export writes the exceeded flags as true/false.
    if (cell == "true" || cell == "True" || cell == "TRUE") {
        out = 1;
        return CellStatus::Ok;
    }
    if (cell == "false" || cell == "False" || cell == "FALSE") {
        out = 0;
        return CellStatus::Ok;
    }
    const char *first = cell.data();
    const char *last = first + cell.size();
    if (*first == '+')
        ++first;
    const auto [end, ec] = std::from_chars(first, last, out);
    if (ec == std::errc::result_out_of_range)
        return CellStatus::NonFinite;
    if (ec != std::errc() || end != last)
        return CellStatus::Invalid;
    if (!std::isfinite(out))
        return CellStatus::NonFinite;
    return CellStatus::Ok;
}

std::string shortened(std::string_view s)
{
    if (s.size() <= 40)
        return std::string(s);
    return std::string(s.substr(0, 37)) + "...";
}

class ChunkParser
{
public:
    ChunkParser(const Layout &layout, const std::string &fileName,
                const MetricsCsvParser::Options &o, std::size_t warningBudget)
        : m_layout(layout), m_fileName(fileName), m_options(o), m_budget(warningBudget)
    {}

    Chunk parse(std::string_view text, double progressBase, double progressSpan)
    {
        Chunk chunk;
        chunk.columns.resize(m_layout.headers.size() - countTimeFields());
        // Size the columns up front from the average line length seen in the first lines. A row
        // holds at least one byte per field, which bounds the estimate when blank lines would
        // otherwise make it columns x lines (gigabytes for a wide header over empty lines).
        const std::size_t estimate =
            std::min(text.size() / std::max<std::size_t>(avgLine(text), 1),
                     text.size() / std::max<std::size_t>(m_layout.fieldCount, 1)) +
            16;
        chunk.time.reserve(estimate);
        chunk.lines.reserve(estimate);
        for (auto &c : chunk.columns)
            c.reserve(estimate);

        std::vector<std::string_view> fields;
        std::string scratch;
        std::size_t pos = 0;
        int line = 0;
        std::size_t rowsSinceCheck = 0;
        while (pos < text.size()) {
            const char *nl =
                static_cast<const char *>(std::memchr(text.data() + pos, '\n', text.size() - pos));
            const std::size_t end = nl ? static_cast<std::size_t>(nl - text.data()) : text.size();
            std::string_view raw = text.substr(pos, end - pos);
            pos = end + 1;
            ++line;
            if (!raw.empty() && raw.back() == '\r')
                raw.remove_suffix(1);
            if (++rowsSinceCheck >= kCancelCheckRows) {
                rowsSinceCheck = 0;
                if (m_options.cancel && m_options.cancel->load(std::memory_order_relaxed)) {
                    chunk.cancelled = true;
                    break;
                }
                if (m_options.progress && !text.empty())
                    m_options.progress(progressBase + progressSpan * double(pos) / text.size());
            }
            if (trimCell(raw).empty())
                continue;
            parseLine(raw, line, chunk, fields, scratch);
        }
        chunk.lineCount = line;
        return chunk;
    }

private:
    std::size_t countTimeFields() const
    {
        return static_cast<std::size_t>(
            std::count(m_layout.columnOf.begin(), m_layout.columnOf.end(), -1));
    }

    static std::size_t avgLine(std::string_view text)
    {
        const std::string_view head = text.substr(0, std::min<std::size_t>(text.size(), 8192));
        const auto lines = std::count(head.begin(), head.end(), '\n');
        return lines > 0 ? head.size() / static_cast<std::size_t>(lines) : head.size();
    }

    void warn(Chunk &chunk, int line, std::string message)
    {
        if (chunk.warnings.size() < m_budget)
            chunk.warnings.push_back({m_fileName, line, std::move(message)});
        else
            ++chunk.suppressed;
    }

    void parseLine(std::string_view raw, int line, Chunk &chunk,
                   std::vector<std::string_view> &fields, std::string &scratch)
    {
        splitFields(raw, fields, scratch);
        if (fields.size() != m_layout.fieldCount) {
            warn(chunk, line,
                 fmt::format("row has {} fields but the header has {}; row skipped{}",
                             fields.size(), m_layout.fieldCount,
                             fields.size() < m_layout.fieldCount ? " (line cut short?)" : ""));
            return;
        }
        double t = kNaN;
        bool naive = false;
        if (m_layout.source == TimeSource::Timestamp) {
            if (auto parsed = Timestamp::parse(fields[m_layout.timeField])) {
                t = parsed->seconds;
                naive = parsed->naive;
            } else if (m_layout.epochField < fields.size()) {
                double e = 0;
                if (parseNumber(fields[m_layout.epochField], e) == CellStatus::Ok)
                    t = e;
            }
        } else {
            double e = 0;
            if (parseNumber(fields[m_layout.timeField], e) == CellStatus::Ok)
                t = e;
        }
        if (!std::isfinite(t)) {
            warn(chunk, line,
                 fmt::format("cannot read the time '{}'; row skipped",
                             shortened(fields[m_layout.timeField])));
            return;
        }
        if (m_layout.source == TimeSource::Timestamp) {
            if (naive) {
                if (chunk.naiveRows++ == 0)
                    chunk.firstNaiveLine = line;
            } else if (chunk.zonedRows++ == 0) {
                chunk.firstZonedLine = line;
            }
        }
        chunk.time.push_back(t);
        chunk.lines.push_back(line);
        for (std::size_t f = 0; f < fields.size(); ++f) {
            const int col = m_layout.columnOf[f];
            if (col < 0)
                continue;
            double v = kNaN;
            switch (parseNumber(fields[f], v)) {
            case CellStatus::Ok:
                break;
            case CellStatus::Empty:
                v = kNaN;
                warn(chunk, line,
                     fmt::format("empty value in column '{}'; kept as missing",
                                 shortened(m_layout.headers[f])));
                break;
            case CellStatus::Invalid:
                v = kNaN;
                warn(chunk, line,
                     fmt::format("'{}' in column '{}' is not a number; kept as missing",
                                 shortened(trimCell(fields[f])), shortened(m_layout.headers[f])));
                break;
            case CellStatus::NonFinite:
                v = kNaN;
                warn(chunk, line,
                     fmt::format("'{}' in column '{}' is not a finite number; kept as missing",
                                 shortened(trimCell(fields[f])), shortened(m_layout.headers[f])));
                break;
            }
            chunk.columns[static_cast<std::size_t>(col)].push_back(v);
        }
    }

    const Layout &m_layout;
    const std::string &m_fileName;
    const MetricsCsvParser::Options &m_options;
    std::size_t m_budget;
};

/// Splits the body into `parts` slices that start at line starts.
std::vector<std::string_view> slices(std::string_view body, unsigned parts)
{
    std::vector<std::string_view> out;
    std::size_t start = 0;
    for (unsigned i = 1; i < parts && start < body.size(); ++i) {
        std::size_t cut = body.size() * i / parts;
        if (cut <= start)
            continue;
        const std::size_t nl = body.find('\n', cut);
        if (nl == std::string_view::npos)
            break;
        out.push_back(body.substr(start, nl + 1 - start));
        start = nl + 1;
    }
    out.push_back(body.substr(start));
    return out;
}

} // namespace

MetricsCsvParser::Result MetricsCsvParser::parse(std::string_view content,
                                                 const std::string &fileName,
                                                 const Options &options)
{
    Result result;
    if (content.size() >= 3 && std::memcmp(content.data(), "\xEF\xBB\xBF", 3) == 0)
        content.remove_prefix(3);

    // Header: the first non-blank line.
    std::size_t pos = 0;
    int headerLine = 0;
    std::string_view header;
    while (pos < content.size()) {
        const std::size_t nl = content.find('\n', pos);
        const std::size_t end = nl == std::string_view::npos ? content.size() : nl;
        std::string_view line = content.substr(pos, end - pos);
        pos = nl == std::string_view::npos ? content.size() : nl + 1;
        ++headerLine;
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        if (!trimCell(line).empty()) {
            header = line;
            break;
        }
    }
    if (header.empty()) {
        result.warnings.push_back({fileName, 0, "the file is empty: no header and no samples"});
        return result;
    }

    Layout layout;
    std::vector<std::string_view> fields;
    std::string scratch;
    splitFields(header, fields, scratch);
    layout.fieldCount = fields.size();
    std::size_t timestampField = fields.size();
    std::vector<std::string> keys;
    // A set, not a scan of `keys`: a header of 100,000 columns must not take quadratic time.
    std::unordered_set<std::string> seenKeys;
    std::size_t headerSuppressed = 0;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        std::string name(trimCell(fields[i]));
        if (name.empty())
            name = fmt::format("column_{}", i + 1);
        std::string key = keys::canonicalKey(name);
        if (seenKeys.count(key) > 0) {
            if (result.warnings.size() < options.maxWarnings) {
                result.warnings.push_back(
                    {fileName, headerLine,
                     fmt::format("column '{}' appears twice; the second is kept as '{}_{}'",
                                 shortened(name), shortened(key), i + 1)});
            } else {
                ++headerSuppressed;
            }
            key = fmt::format("{}_{}", key, i + 1);
        }
        seenKeys.insert(key);
        if (key == keys::Timestamp && timestampField == fields.size())
            timestampField = i;
        if (key == keys::Epoch && layout.epochField == std::numeric_limits<std::size_t>::max())
            layout.epochField = i;
        keys.push_back(key);
        layout.headers.push_back(name);
    }
    result.headerKeys = keys;
    if (timestampField < fields.size()) {
        layout.source = TimeSource::Timestamp;
        layout.timeField = timestampField;
    } else if (layout.epochField < fields.size()) {
        layout.source = TimeSource::Epoch;
        layout.timeField = layout.epochField;
    } else {
        result.warnings.push_back(
            {fileName, headerLine,
             "no 'timestamp' or 'epoch' column: samples cannot be placed in time"});
        return result;
    }
    result.hasTimeColumn = true;

    for (std::size_t i = 0; i < keys.size(); ++i) {
        const bool isTime = i == layout.timeField || i == layout.epochField;
        if (isTime) {
            layout.columnOf.push_back(-1);
        } else {
            layout.columnOf.push_back(static_cast<int>(result.table.columns().size()));
            result.table.addColumn(layout.headers[i], keys[i]);
        }
    }

    const std::string_view body = content.substr(pos);
    unsigned threads = options.threads ? options.threads : std::thread::hardware_concurrency();
    threads = std::clamp<unsigned>(threads, 1, 64);
    threads = std::min<unsigned>(
        threads, static_cast<unsigned>(std::max<std::size_t>(body.size() / kMinBytesPerThread, 1)));
    const std::vector<std::string_view> parts = slices(body, threads);

    std::vector<Chunk> chunks(parts.size());
    {
        std::vector<std::thread> workers;
        for (std::size_t i = 0; i < parts.size(); ++i) {
            auto job = [&, i] {
                // Only the first worker reports progress: slices are of equal size.
                MetricsCsvParser::Options local = options;
                if (i != 0)
                    local.progress = nullptr;
                ChunkParser reporter(layout, fileName, local, options.maxWarnings);
                chunks[i] = reporter.parse(parts[i], 0.0, 1.0);
            };
            if (i + 1 == parts.size())
                job();
            else
                workers.emplace_back(job);
        }
        for (std::thread &w : workers)
            w.join();
    }

    // Merge in file order; line numbers become absolute.
    std::size_t total = 0;
    for (const Chunk &c : chunks)
        total += c.time.size();
    MetricsTable &table = result.table;
    std::vector<double> &time = table.time();
    std::vector<int> &lines = table.sourceLines();
    time.reserve(total);
    lines.reserve(total);
    for (MetricColumn &col : table.columns())
        col.values.clear();
    for (MetricColumn &col : table.columns())
        col.values.reserve(total);
    int lineOffset = headerLine;
    std::size_t suppressed = headerSuppressed;
    int naiveRows = 0, zonedRows = 0, firstNaive = 0, firstZoned = 0;
    for (Chunk &c : chunks) {
        time.insert(time.end(), c.time.begin(), c.time.end());
        for (int l : c.lines)
            lines.push_back(l + lineOffset);
        for (std::size_t k = 0; k < c.columns.size(); ++k) {
            auto &dst = table.columns()[k].values;
            dst.insert(dst.end(), c.columns[k].begin(), c.columns[k].end());
        }
        for (LoadWarning &w : c.warnings) {
            if (result.warnings.size() < options.maxWarnings) {
                w.line += lineOffset;
                result.warnings.push_back(std::move(w));
            } else {
                ++suppressed;
            }
        }
        suppressed += c.suppressed;
        if (c.naiveRows && !naiveRows)
            firstNaive = c.firstNaiveLine + lineOffset;
        if (c.zonedRows && !zonedRows)
            firstZoned = c.firstZonedLine + lineOffset;
        naiveRows += c.naiveRows;
        zonedRows += c.zonedRows;
        result.cancelled = result.cancelled || c.cancelled;
        lineOffset += c.lineCount;
    }
    if (suppressed > 0) {
        result.warnings.push_back(
            {fileName, 0,
             fmt::format("{} more problems of the kinds above not listed", suppressed)});
    }

    // Zone-less and zoned times in one file cannot both be right; show which won.
    table.setNaiveTime(naiveRows > zonedRows);
    if (naiveRows > 0 && zonedRows > 0) {
        result.warnings.push_back(
            {fileName, naiveRows > zonedRows ? firstZoned : firstNaive,
             fmt::format("mixed timestamp formats: {} rows without a time zone, {} with one; "
                         "all are placed as written",
                         naiveRows, zonedRows)});
    }

    if (table.rowCount() == 0 && !result.cancelled)
        result.warnings.push_back({fileName, headerLine, "the header has no samples under it"});

    // Disorder and duplicates: the rows stay, sorted, and the user is told where.
    std::size_t disorder = 0;
    int firstDisorder = 0;
    for (std::size_t i = 1; i < time.size(); ++i) {
        if (time[i] < time[i - 1] && disorder++ == 0)
            firstDisorder = lines[i];
    }
    if (disorder > 0) {
        table.sortByTime();
        result.warnings.push_back(
            {fileName, firstDisorder,
             fmt::format("timestamps go backwards {} time(s); samples were sorted by time",
                         disorder)});
    }
    std::size_t duplicates = 0;
    int firstDuplicate = 0;
    for (std::size_t i = 1; i < time.size(); ++i) {
        if (time[i] == time[i - 1] && duplicates++ == 0)
            firstDuplicate = lines[i];
    }
    if (duplicates > 0) {
        result.warnings.push_back(
            {fileName, firstDuplicate,
             fmt::format("{} sample(s) repeat the timestamp of the previous one", duplicates)});
    }
    return result;
}

} // namespace hpa::core
