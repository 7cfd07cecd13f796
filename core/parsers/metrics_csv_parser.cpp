#include "core/parsers/metrics_csv_parser.h"

#include "core/io/line_reader.h"
#include "core/model/metric_keys.h"
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

std::string shortened(std::string_view s)
{
    if (s.size() <= 40)
        return std::string(s);
    return std::string(s.substr(0, 37)) + "...";
}

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
void sizeColumn(std::vector<double> &v, std::size_t n)
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
    std::uint64_t start = 0;
    char bom[3] = {};
    if (source.read(0, bom, 3) == 3 && std::memcmp(bom, "\xEF\xBB\xBF", 3) == 0)
        start = 3;

    // Header: the first non-blank line.
    int headerLine = 0;
    std::string header;
    std::uint64_t bodyStart = source.size();
    {
        LineReader reader(source, start, source.size(), kScanBlock);
        std::string_view line;
        while (reader.next(line)) {
            ++headerLine;
            if (!line.empty() && line.back() == '\r')
                line.remove_suffix(1);
            if (!CsvCells::trim(line).empty()) {
                header = std::string(line);
                bodyStart = start + reader.consumed();
                break;
            }
        }
    }
    if (header.empty()) {
        result.warnings.push_back({fileName, 0, "the file is empty: no header and no samples"});
        return result;
    }

    Layout layout;
    std::vector<std::string_view> fields;
    std::string scratch;
    CsvCells::split(header, fields, scratch);
    layout.fieldCount = fields.size();
    std::size_t timestampField = fields.size();
    std::vector<std::string> keys;
    // A set, not a scan of `keys`: a header of 100,000 columns must not take quadratic time.
    std::unordered_set<std::string> seenKeys;
    std::size_t headerSuppressed = 0;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        std::string name(CsvCells::trim(fields[i]));
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

    const std::uint64_t bodyBytes = source.size() - bodyStart;
    unsigned threads = options.threads ? options.threads : std::thread::hardware_concurrency();
    threads = std::clamp<unsigned>(threads, 1, 64);
    threads = static_cast<unsigned>(std::min<std::uint64_t>(
        threads, std::max<std::uint64_t>(bodyBytes / kMinBytesPerThread, 1)));
    std::vector<MetricsCsvSlice> parts = slices(source, bodyStart, source.size(), threads);

    // Two passes: counting lines first sizes the final columns once, so the threads write
    // their rows in place and no per-thread copy of the table is ever made.
    forEachSlice(parts.size(), [&](std::size_t i) {
        MetricsCsvSliceParser::count(source, layout.fieldCount, parts[i]);
    });
    std::size_t capacity = 0;
    int lineOffset = headerLine;
    for (MetricsCsvSlice &s : parts) {
        s.lineOffset = lineOffset;
        s.firstRow = capacity;
        lineOffset += s.lineCount;
        capacity += s.maxRows;
    }
    if (options.beforeColumns)
        options.beforeColumns();
    MetricsTable &table = result.table;
    std::vector<double> &time = table.time();
    // Sized by the threads, a column each in turn: the page faults and zeroing of ~90 MB at
    // a million rows are a good part of the parse, and would be serial on this thread.
    std::vector<std::vector<double> *> sized{&time};
    for (MetricColumn &col : table.columns())
        sized.push_back(&col.values);
    std::atomic<std::size_t> nextColumn{0};
    forEachSlice(parts.size(), [&](std::size_t) {
        for (std::size_t c; (c = nextColumn.fetch_add(1)) < sized.size();)
            sizeColumn(*sized[c], capacity);
    });
    MetricsCsvSliceParser::Target target{time.data(), {}};
    for (MetricColumn &col : table.columns())
        target.columns.push_back(col.values.data());
    forEachSlice(parts.size(), [&](std::size_t i) {
        MetricsCsvSliceParser parser(layout, fileName, options, target);
        // Only the first slice reports progress: slices are of equal size.
        parser.parse(source, parts[i], i == 0);
    });
    compact(table, parts);

    std::size_t suppressed = headerSuppressed;
    int naiveRows = 0, zonedRows = 0, firstNaive = 0, firstZoned = 0;
    for (MetricsCsvSlice &c : parts) {
        for (LoadWarning &w : c.warnings) {
            if (result.warnings.size() < options.maxWarnings)
                result.warnings.push_back(std::move(w));
            else
                ++suppressed;
        }
        suppressed += c.suppressed;
        if (c.naiveRows && !naiveRows)
            firstNaive = c.firstNaiveLine;
        if (c.zonedRows && !zonedRows)
            firstZoned = c.firstZonedLine;
        naiveRows += c.naiveRows;
        zonedRows += c.zonedRows;
        result.cancelled = result.cancelled || c.cancelled;
        if (c.readError) {
            result.warnings.push_back(
                {fileName, c.lineOffset,
                 fmt::format("read error after line {}: {}; the rows after it are missing",
                             c.lineOffset, std::strerror(c.readError))});
        }
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
            firstDisorder = table.sourceLine(i);
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
            firstDuplicate = table.sourceLine(i);
    }
    if (duplicates > 0) {
        result.warnings.push_back(
            {fileName, firstDuplicate,
             fmt::format("{} sample(s) repeat the timestamp of the previous one", duplicates)});
    }
    return result;
}

} // namespace hpa::core
