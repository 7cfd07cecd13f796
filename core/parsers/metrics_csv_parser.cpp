#include "core/parsers/metrics_csv_parser.h"

#include "core/io/line_reader.h"
#include "core/model/ascii_text.h"
#include "core/model/metric_keys.h"
#include "core/model/warning_list.h"
#include "core/parsers/csv_cells.h"
#include "core/parsers/metrics_csv_slice_parser.h"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstring>
#include <limits>
#include <memory>
#include <thread>
#include <unordered_set>

#include <sys/mman.h>

namespace hpa::core {

namespace {

// Below this size threads cost more than they save.
constexpr std::size_t kMinBytesPerThread = 1 << 20;
constexpr std::size_t kScanBlock = 64 << 10;

using Layout = MetricsCsvLayout;
using TimeSource = MetricsCsvLayout::TimeSource;

/// Offset just past the first `\n` at or after `from`, or `end` when there is none.
std::uint64_t nextLineStart(const ByteSource &source, std::uint64_t from, std::uint64_t end)
{
    if (const char *memory = source.memory()) {
        const void *nl = std::memchr(memory + from, '\n', static_cast<std::size_t>(end - from));
        return nl ? static_cast<std::uint64_t>(static_cast<const char *>(nl) - memory) + 1 : end;
    }
    auto buffer = std::make_unique_for_overwrite<char[]>(kScanBlock);
    while (from < end) {
        const std::ptrdiff_t got =
            source.read(from, buffer.get(),
                        static_cast<std::size_t>(std::min<std::uint64_t>(kScanBlock, end - from)));
        if (got <= 0)
            return end;
        if (const void *nl = std::memchr(buffer.get(), '\n', static_cast<std::size_t>(got)))
            return from + static_cast<std::uint64_t>(static_cast<const char *>(nl) - buffer.get()) +
                   1;
        from += static_cast<std::uint64_t>(got);
    }
    return end;
}

/// Splits [begin, end) into `parts` slices that start at line starts.
std::vector<MetricsCsvSlice> slices(const ByteSource &source, std::uint64_t begin,
                                    std::uint64_t end, unsigned parts)
{
    std::vector<MetricsCsvSlice> out;
    std::uint64_t start = begin;
    for (unsigned i = 1; i < parts && start < end; ++i) {
        const std::uint64_t cut = begin + (end - begin) * i / parts;
        if (cut <= start)
            continue;
        const std::uint64_t next = nextLineStart(source, cut, end);
        if (next >= end)
            break;
        out.emplace_back();
        out.back().begin = start;
        out.back().end = next;
        start = next;
    }
    out.emplace_back();
    out.back().begin = start;
    out.back().end = end;
    return out;
}

/// Runs `job(i)` for every slice, the last one on this thread.
template <typename Job> void forEachSlice(std::size_t count, const Job &job)
{
    std::vector<std::thread> workers;
    for (std::size_t i = 0; i + 1 < count; ++i)
        workers.emplace_back(job, i);
    job(count - 1);
    for (std::thread &w : workers)
        w.join();
}

/// Resizes `v` to `n` elements, its pages populated by one call rather than one fault each.
void sizeColumn(ColumnValues &v, std::size_t n)
{
    v.reserve(n);
#ifdef MADV_POPULATE_WRITE
    constexpr std::uintptr_t kPage = 4096;
    const auto begin = reinterpret_cast<std::uintptr_t>(v.data()) & ~(kPage - 1);
    const auto end = reinterpret_cast<std::uintptr_t>(v.data() + n);
    if (n > 0)
        ::madvise(reinterpret_cast<void *>(begin), end - begin, MADV_POPULATE_WRITE);
#endif
    v.resize(n);
}

/// Moves each slice's rows down behind the previous slice's (only slices with blank or bad
/// lines leave room behind them) and cuts the unused rows off.
void compact(MetricsTable &table, const std::vector<MetricsCsvSlice> &parts)
{
    std::size_t total = 0;
    for (const MetricsCsvSlice &s : parts)
        total += s.rows;
    auto squeeze = [&parts, total](auto &v) {
        std::size_t to = 0;
        for (const MetricsCsvSlice &s : parts) {
            const auto from = v.begin() + static_cast<std::ptrdiff_t>(s.firstRow);
            if (s.firstRow != to)
                std::copy(from, from + static_cast<std::ptrdiff_t>(s.rows),
                          v.begin() + static_cast<std::ptrdiff_t>(to));
            to += s.rows;
        }
        const std::size_t reserved = v.size();
        v.resize(total);
        // Many skipped rows (a file of mostly bad lines) would leave memory held for nothing.
        if (reserved - total > total / 8 + 4096)
            v.shrink_to_fit();
    };
    squeeze(table.time());
    for (MetricColumn &c : table.columns())
        squeeze(c.values);
    SourceLines lines;
    for (const MetricsCsvSlice &s : parts)
        lines.append(s.lines);
    table.setSourceLines(std::move(lines));
}

/// The header: the first non-blank line.
struct Header
{
    std::string text;            ///< empty when the file has no non-blank line
    int line = 0;                ///< 1-based
    std::uint64_t bodyStart = 0; ///< offset of the line after it
};

Header readHeader(const ByteSource &source)
{
    std::uint64_t start = 0;
    char bom[3] = {};
    if (source.read(0, bom, 3) == 3 && std::memcmp(bom, "\xEF\xBB\xBF", 3) == 0)
        start = 3;
    Header header;
    header.bodyStart = source.size();
    LineReader reader(source, start, source.size(), kScanBlock);
    std::string_view line;
    while (reader.next(line)) {
        ++header.line;
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        if (!AsciiText::trim(line).empty()) {
            header.text = std::string(line);
            header.bodyStart = start + reader.consumed();
            break;
        }
    }
    return header;
}

/// Names every field (a twice-seen name gets its position appended), adds a table column for
/// each one that is not a time field and picks the time field: `timestamp`, else `epoch`.
/// False when there is neither: the rows cannot be placed in time.
bool mapHeader(const Header &header, Layout &layout, MetricsCsvParser::Result &result,
               WarningList &rows, WarningList &fileWide)
{
    std::vector<std::string_view> fields;
    std::string scratch;
    CsvCells::split(header.text, fields, scratch);
    layout.fieldCount = fields.size();
    std::size_t timestampField = fields.size();
    std::vector<std::string> &keys = result.headerKeys;
    // A set, not a scan of `keys`: a header of 100,000 columns must not take quadratic time.
    std::unordered_set<std::string> seenKeys;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        std::string name(AsciiText::trim(fields[i]));
        if (name.empty())
            name = fmt::format("column_{}", i + 1);
        std::string key = keys::canonicalKey(name);
        if (seenKeys.count(key) > 0) {
            rows.add(header.line,
                     fmt::format("column '{}' appears twice; the second is kept as '{}_{}'",
                                 CsvCells::shortened(name), CsvCells::shortened(key), i + 1));
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
    if (timestampField < fields.size()) {
        layout.source = TimeSource::Timestamp;
        layout.timeField = timestampField;
    } else if (layout.epochField < fields.size()) {
        layout.source = TimeSource::Epoch;
        layout.timeField = layout.epochField;
    } else {
        fileWide.add(header.line,
                     "no 'timestamp' or 'epoch' column: samples cannot be placed in time");
        return false;
    }

    for (std::size_t i = 0; i < keys.size(); ++i) {
        const bool isTime = i == layout.timeField || i == layout.epochField;
        if (isTime) {
            layout.columnOf.push_back(-1);
        } else {
            layout.columnOf.push_back(static_cast<int>(result.table.columns().size()));
            result.table.addColumn(layout.headers[i], keys[i]);
        }
    }
    return true;
}

/// The body cut into one slice per thread, at line starts.
std::vector<MetricsCsvSlice> planSlices(const ByteSource &source, std::uint64_t bodyStart,
                                        const MetricsCsvParser::Options &options)
{
    const std::uint64_t bodyBytes = source.size() - bodyStart;
    unsigned threads = options.threads ? options.threads : std::thread::hardware_concurrency();
    threads = std::clamp<unsigned>(threads, 1, 64);
    threads = static_cast<unsigned>(std::min<std::uint64_t>(
        threads, std::max<std::uint64_t>(bodyBytes / kMinBytesPerThread, 1)));
    return slices(source, bodyStart, source.size(), threads);
}

/// The first pass: counts each slice's lines and bounds its rows, which places it in the file
/// (line numbers) and in the final columns. Returns the rows all slices can hold.
std::size_t countRows(const ByteSource &source, const Layout &layout, const Header &header,
                      const std::string &fileName, const MetricsCsvParser::Options &options,
                      std::vector<MetricsCsvSlice> &parts)
{
    forEachSlice(parts.size(), [&](std::size_t i) {
        MetricsCsvSliceParser::count(source, layout.fieldCount, parts[i]);
    });
    std::size_t capacity = 0;
    int lineOffset = header.line;
    for (MetricsCsvSlice &s : parts) {
        s.lineOffset = lineOffset;
        s.firstRow = capacity;
        s.warnings = WarningList(fileName, options.maxWarnings);
        lineOffset += s.lineCount;
        capacity += s.maxRows;
    }
    return capacity;
}

/// Sizes the time column and every value column to `capacity` rows on `threads` threads, a
/// column each in turn: the page faults and zeroing of ~90 MB at a million rows are a good
/// part of the parse, and would be serial on one thread.
void allocateColumns(MetricsTable &table, std::size_t capacity, std::size_t threads)
{
    std::vector<ColumnValues *> sized{&table.time()};
    for (MetricColumn &col : table.columns())
        sized.push_back(&col.values);
    std::atomic<std::size_t> nextColumn{0};
    forEachSlice(threads, [&](std::size_t) {
        for (std::size_t c; (c = nextColumn.fetch_add(1)) < sized.size();)
            sizeColumn(*sized[c], capacity);
    });
}

/// The second pass: each slice's rows are written in place into the final columns.
void parseSlices(const ByteSource &source, const Layout &layout,
                 const MetricsCsvParser::Options &options, MetricsTable &table,
                 std::vector<MetricsCsvSlice> &parts)
{
    MetricsCsvSliceParser::Target target{table.time().data(), {}};
    for (MetricColumn &col : table.columns())
        target.columns.push_back(col.values.data());
    forEachSlice(parts.size(), [&](std::size_t i) {
        MetricsCsvSliceParser parser(layout, options, target);
        // Only the first slice reports progress: slices are of equal size.
        parser.parse(source, parts[i], i == 0);
    });
}

/// Gathers the slices' warnings (in file order, under one limit), read errors, cancellation
/// and time tallies into `state`; returns true when a slice was cancelled.
bool gatherSlices(std::vector<MetricsCsvSlice> &parts, MetricsCsvParser::Continuation &state)
{
    bool cancelled = false;
    for (MetricsCsvSlice &c : parts) {
        state.rows.merge(std::move(c.warnings));
        if (c.naiveRows && !state.naiveRows)
            state.firstNaiveLine = c.firstNaiveLine;
        if (c.zonedRows && !state.zonedRows)
            state.firstZonedLine = c.firstZonedLine;
        state.naiveRows += c.naiveRows;
        state.zonedRows += c.zonedRows;
        state.lastLine += c.lineCount;
        cancelled = cancelled || c.cancelled;
        if (c.readError) {
            state.fileProblems.emplace_back(
                c.lineOffset,
                fmt::format("read error after line {}: {}; the rows after it are missing",
                            c.lineOffset, std::strerror(c.readError)));
        }
    }
    return cancelled;
}

/// Zone-less and zoned times in one file cannot both be right, so the majority wins and the
/// user is told.
void checkZones(const MetricsCsvParser::Continuation &state, MetricsTable &table,
                WarningList &fileWide)
{
    table.setNaiveTime(state.naiveRows > state.zonedRows);
    if (state.naiveRows > 0 && state.zonedRows > 0) {
        fileWide.add(
            state.naiveRows > state.zonedRows ? state.firstZonedLine : state.firstNaiveLine,
            fmt::format("mixed timestamp formats: {} rows without a time zone, {} with one; "
                        "all are placed as written",
                        state.naiveRows, state.zonedRows));
    }
}

/// Disorder and duplicates: the rows stay, sorted, and the user is told where.
void checkOrder(MetricsTable &table, WarningList &fileWide)
{
    const auto &time = table.time();
    std::size_t disorder = 0;
    int firstDisorder = 0;
    for (std::size_t i = 1; i < time.size(); ++i) {
        if (time[i] < time[i - 1] && disorder++ == 0)
            firstDisorder = table.sourceLine(i);
    }
    if (disorder > 0) {
        table.sortByTime();
        fileWide.add(firstDisorder,
                     fmt::format("timestamps go backwards {} time(s); samples were sorted by time",
                                 disorder));
    }
    std::size_t duplicates = 0;
    int firstDuplicate = 0;
    for (std::size_t i = 1; i < time.size(); ++i) {
        if (time[i] == time[i - 1] && duplicates++ == 0)
            firstDuplicate = table.sourceLine(i);
    }
    if (duplicates > 0) {
        fileWide.add(
            firstDuplicate,
            fmt::format("{} sample(s) repeat the timestamp of the previous one", duplicates));
    }
}

} // namespace

MetricsCsvParser::Result MetricsCsvParser::parse(std::string_view content,
                                                 const std::string &fileName,
                                                 const Options &options)
{
    return parse(ByteSource::fromMemory(content), fileName, options);
}

MetricsCsvParser::Result MetricsCsvParser::parse(const ByteSource &source,
                                                 const std::string &fileName,
                                                 const Options &options)
{
    Result result;
    // Problems of single lines, listed up to the limit, then those of the file as a whole
    // (a handful at most), which are always listed.
    WarningList rows(fileName, options.maxWarnings);
    WarningList fileWide(fileName);
    const auto early = [&result, &rows, &fileWide] {
        result.warnings = rows.take();
        for (LoadWarning &w : fileWide.take())
            result.warnings.push_back(std::move(w));
        return std::move(result);
    };

    const Header header = readHeader(source);
    if (header.text.empty()) {
        fileWide.add(0, "the file is empty: no header and no samples");
        return early();
    }
    Layout layout;
    if (!mapHeader(header, layout, result, rows, fileWide))
        return early();
    result.hasTimeColumn = true;

    // Two passes: counting lines first sizes the final columns once, so the threads write
    // their rows in place and no per-thread copy of the table is ever made.
    std::vector<MetricsCsvSlice> parts = planSlices(source, header.bodyStart, options);
    const std::size_t capacity = countRows(source, layout, header, fileName, options, parts);
    if (options.beforeColumns)
        options.beforeColumns();
    allocateColumns(result.table, capacity, parts.size());
    parseSlices(source, layout, options, result.table, parts);
    compact(result.table, parts);

    Continuation &state = result.continuation;
    state.headerText = header.text;
    state.headerLine = header.line;
    state.lastLine = header.line;
    state.rows = std::move(rows);
    result.cancelled = gatherSlices(parts, state);
    result.warnings = finish(state, fileName, result.table, result.cancelled);
    return result;
}

MetricsCsvParser::Result MetricsCsvParser::parseAppended(const ByteSource &appended,
                                                         Continuation &state,
                                                         const std::string &fileName,
                                                         const Options &options)
{
    Result result;
    Header header;
    header.text = state.headerText;
    header.line = state.headerLine;
    // The header's own warnings were listed by the first parse.
    WarningList ignored(fileName);
    Layout layout;
    result.hasTimeColumn = mapHeader(header, layout, result, ignored, ignored);
    if (!result.hasTimeColumn)
        return result;
    std::vector<MetricsCsvSlice> parts(1);
    parts.front().begin = 0;
    parts.front().end = appended.size();
    MetricsCsvSliceParser::count(appended, layout.fieldCount, parts.front());
    parts.front().lineOffset = state.lastLine;
    parts.front().warnings = WarningList(fileName, options.maxWarnings);
    allocateColumns(result.table, parts.front().maxRows, 1);
    parseSlices(appended, layout, options, result.table, parts);
    compact(result.table, parts);
    result.cancelled = gatherSlices(parts, state);
    return result;
}

std::vector<LoadWarning> MetricsCsvParser::finish(const Continuation &state,
                                                  const std::string &fileName, MetricsTable &table,
                                                  bool cancelled)
{
    WarningList rows = state.rows;
    WarningList fileWide(fileName);
    for (const auto &[line, message] : state.fileProblems)
        fileWide.add(line, message);
    checkZones(state, table, fileWide);
    if (table.rowCount() == 0 && !cancelled)
        fileWide.add(state.headerLine, "the header has no samples under it");
    checkOrder(table, fileWide);
    std::vector<LoadWarning> warnings = rows.take();
    for (LoadWarning &w : fileWide.take())
        warnings.push_back(std::move(w));
    return warnings;
}

} // namespace hpa::core
