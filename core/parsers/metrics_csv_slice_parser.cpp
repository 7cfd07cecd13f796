#include "core/parsers/metrics_csv_slice_parser.h"

#include "core/model/ascii_text.h"
#include "core/io/line_reader.h"
#include "core/model/timestamp.h"
#include "core/parsers/csv_byte_counter.h"
#include "core/parsers/csv_cells.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <memory>

namespace hpa::core {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr std::size_t kCancelCheckRows = 1 << 14;

} // namespace

MetricsCsvSliceParser::MetricsCsvSliceParser(const MetricsCsvLayout &layout,
                                             const MetricsCsvParser::Options &options,
                                             const Target &target)
    : m_layout(layout), m_options(options), m_target(target),
      m_spareValues(target.columns.size() + 1)
{
    m_spare.time = m_spareValues.data();
    for (std::size_t c = 0; c < target.columns.size(); ++c)
        m_spare.columns.push_back(m_spareValues.data() + 1 + c);
}

const MetricsCsvSliceParser::Target &MetricsCsvSliceParser::rowOf(const MetricsCsvSlice &slice,
                                                                  std::size_t &row) const
{
    if (slice.rows < slice.maxRows) {
        row = slice.firstRow + slice.rows;
        return m_target;
    }
    row = 0;
    return m_spare;
}

void MetricsCsvSliceParser::count(const ByteSource &source, std::size_t fieldCount,
                                  MetricsCsvSlice &slice)
{
    CsvByteCounter::Counts counts;
    char last = '\n';
    if (slice.end > slice.begin) {
        if (const char *memory = source.memory()) {
            CsvByteCounter::add(memory + slice.begin,
                                static_cast<std::size_t>(slice.end - slice.begin), counts);
            last = memory[slice.end - 1];
        } else {
            const std::size_t block = static_cast<std::size_t>(
                std::min<std::uint64_t>(LineReader::kBlockSize, slice.end - slice.begin));
            auto buffer = std::make_unique_for_overwrite<char[]>(block);
            for (std::uint64_t at = slice.begin; at < slice.end;) {
                const std::ptrdiff_t got = source.read(
                    at, buffer.get(),
                    static_cast<std::size_t>(std::min<std::uint64_t>(block, slice.end - at)));
                if (got <= 0)
                    break; // the parse pass meets the same end and reports it
                CsvByteCounter::add(buffer.get(), static_cast<std::size_t>(got), counts);
                last = buffer[static_cast<std::size_t>(got) - 1];
                at += static_cast<std::uint64_t>(got);
            }
        }
    }
    std::uint64_t lines = counts.lines;
    const std::uint64_t commas = counts.commas;
    if (last != '\n')
        ++lines;
    const std::uint64_t bound = fieldCount > 1 ? std::min(lines, commas / (fieldCount - 1)) : lines;
    slice.lineCount = static_cast<int>(std::min<std::uint64_t>(lines, INT32_MAX));
    slice.maxRows = static_cast<std::size_t>(bound);
}

void MetricsCsvSliceParser::parse(const ByteSource &source, MetricsCsvSlice &slice,
                                  bool reportProgress)
{
    LineReader reader(source, slice.begin, slice.end);
    const double span = static_cast<double>(std::max<std::uint64_t>(slice.end - slice.begin, 1));
    std::string_view raw;
    int line = slice.lineOffset;
    std::size_t rowsSinceCheck = 0;
    while (reader.next(raw)) {
        ++line;
        if (!raw.empty() && raw.back() == '\r')
            raw.remove_suffix(1);
        if (++rowsSinceCheck >= kCancelCheckRows) {
            rowsSinceCheck = 0;
            if (m_options.cancel && m_options.cancel->load(std::memory_order_relaxed)) {
                slice.cancelled = true;
                break;
            }
            if (reportProgress && m_options.progress)
                m_options.progress(static_cast<double>(reader.consumed()) / span);
        }
        // Only a line that starts with a blank can be blank after trimming.
        if ((raw.empty() || AsciiText::isSpace(raw.front())) && AsciiText::trim(raw).empty())
            continue;
        if (!parseFast(raw, line, slice))
            parseGeneral(raw, line, slice);
        if (slice.rows > slice.maxRows) {
            // Only when the file was rewritten between the counting pass and this one; the
            // row went to the spare row.
            --slice.rows;
            slice.lines.removeLast();
            warn(slice, line, "the file changed while it was read; the rest is not loaded");
            break;
        }
    }
    slice.readError = reader.error();
}

void MetricsCsvSliceParser::warn(MetricsCsvSlice &slice, int line, std::string message)
{
    slice.warnings.add(line, std::move(message));
}

void MetricsCsvSliceParser::countTime(bool naive, int line, MetricsCsvSlice &slice)
{
    if (m_layout.source != MetricsCsvLayout::TimeSource::Timestamp)
        return;
    if (naive) {
        if (slice.naiveRows++ == 0)
            slice.firstNaiveLine = line;
    } else if (slice.zonedRows++ == 0) {
        slice.firstZonedLine = line;
    }
}

/// The common row (no quotes, plain decimals, no blanks or spaces) in one pass with no
/// splitting. False when anything else is in the line; the general path then reads it
/// from scratch, so both give the same table and warnings. Every field reader here refuses a
/// quote, so quoted lines always go the general way.
bool MetricsCsvSliceParser::parseFast(std::string_view raw, int line, MetricsCsvSlice &slice)
{
    const char *p = raw.data();
    const char *const end = p + raw.size();
    std::size_t row = 0;
    const Target &target = rowOf(slice, row);
    double t = kNaN;
    bool naive = false;
    for (std::size_t f = 0; f < m_layout.fieldCount; ++f) {
        if (f > 0) {
            if (p == end || *p != ',')
                return false;
            ++p;
        }
        const int col = m_layout.columnOf[f];
        if (col >= 0) {
            if (!CsvCells::parsePlainDecimal(p, end,
                                             target.columns[static_cast<std::size_t>(col)][row]))
                return false;
            continue;
        }
        // The time field, or the epoch beside a timestamp, which only matters when the
        // timestamp cannot be read.
        const bool time = f == m_layout.timeField;
        if (time && m_layout.source == MetricsCsvLayout::TimeSource::Epoch) {
            if (!CsvCells::parsePlainDecimal(p, end, t))
                return false;
            continue;
        }
        // A monitor's timestamp is 19 characters; anything else is looked for.
        const char *stop =
            end - p >= 19 && (end - p == 19 || p[19] == ',')
                ? p + 19
                : static_cast<const char *>(std::memchr(p, ',', static_cast<std::size_t>(end - p)));
        if (!stop)
            stop = end;
        const auto size = static_cast<std::size_t>(stop - p);
        if (std::memchr(p, '"', size))
            return false;
        if (time) {
            const auto parsed = m_timestamps.read(std::string_view(p, size));
            if (!parsed)
                return false;
            t = parsed->seconds;
            naive = parsed->naive;
        }
        p = stop;
    }
    if (p != end || !std::isfinite(t))
        return false;
    countTime(naive, line, slice);
    target.time[row] = t;
    slice.lines.append(line);
    ++slice.rows;
    return true;
}

void MetricsCsvSliceParser::parseGeneral(std::string_view raw, int line, MetricsCsvSlice &slice)
{
    std::vector<std::string_view> &fields = m_fields;
    CsvCells::split(raw, fields, m_scratch);
    if (fields.size() != m_layout.fieldCount) {
        warn(slice, line,
             fmt::format("row has {} fields but the header has {}; row skipped{}", fields.size(),
                         m_layout.fieldCount,
                         fields.size() < m_layout.fieldCount ? " (line cut short?)" : ""));
        return;
    }
    double t = kNaN;
    bool naive = false;
    if (m_layout.source == MetricsCsvLayout::TimeSource::Timestamp) {
        if (auto parsed = m_timestamps.read(fields[m_layout.timeField])) {
            t = parsed->seconds;
            naive = parsed->naive;
        } else if (m_layout.epochField < fields.size()) {
            double e = 0;
            if (CsvCells::parseNumber(fields[m_layout.epochField], e) == CsvCells::Status::Ok)
                t = e;
        }
    } else {
        double e = 0;
        if (CsvCells::parseNumber(fields[m_layout.timeField], e) == CsvCells::Status::Ok)
            t = e;
    }
    if (!std::isfinite(t)) {
        warn(slice, line,
             fmt::format("cannot read the time '{}'; row skipped",
                         CsvCells::shortened(fields[m_layout.timeField])));
        return;
    }
    countTime(naive, line, slice);
    std::size_t row = 0;
    const Target &target = rowOf(slice, row);
    target.time[row] = t;
    slice.lines.append(line);
    ++slice.rows;
    for (std::size_t f = 0; f < fields.size(); ++f) {
        const int col = m_layout.columnOf[f];
        if (col < 0)
            continue;
        double v = kNaN;
        switch (CsvCells::parseNumber(fields[f], v)) {
        case CsvCells::Status::Ok:
            break;
        case CsvCells::Status::Empty:
            v = kNaN;
            warn(slice, line,
                 fmt::format("empty value in column '{}'; kept as missing",
                             CsvCells::shortened(m_layout.headers[f])));
            break;
        case CsvCells::Status::Invalid:
            v = kNaN;
            warn(slice, line,
                 fmt::format("'{}' in column '{}' is not a number; kept as missing",
                             CsvCells::shortened(AsciiText::trim(fields[f])),
                             CsvCells::shortened(m_layout.headers[f])));
            break;
        case CsvCells::Status::NonFinite:
            v = kNaN;
            warn(slice, line,
                 fmt::format("'{}' in column '{}' is not a finite number; kept as missing",
                             CsvCells::shortened(AsciiText::trim(fields[f])),
                             CsvCells::shortened(m_layout.headers[f])));
            break;
        }
        target.columns[static_cast<std::size_t>(col)][row] = v;
    }
}

} // namespace hpa::core
