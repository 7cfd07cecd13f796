#pragma once

#include "core/io/byte_source.h"
#include "core/model/source_lines.h"
#include "core/model/warning_list.h"
#include "core/parsers/metrics_csv_parser.h"
#include "core/parsers/timestamp_reader.h"

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace hpa::core {

/// How metrics.csv's header maps fields to the table.
struct MetricsCsvLayout
{
    enum class TimeSource
    {
        None,
        Timestamp,
        Epoch
    };

    std::size_t fieldCount = 0;
    std::size_t timeField = 0;
    std::size_t epochField = std::numeric_limits<std::size_t>::max();
    TimeSource source = TimeSource::None;
    /// For each field, the output column index or -1 for the time fields.
    std::vector<int> columnOf;
    std::vector<std::string> headers;
};

/// One thread's share of the body: a byte range starting at a line start, the rows of the
/// final columns reserved for it, and what parsing it gave.
struct MetricsCsvSlice
{
    std::uint64_t begin = 0;
    std::uint64_t end = 0;
    int lineOffset = 0;      ///< absolute line number of the line before `begin`
    int lineCount = 0;       ///< lines in the range (from count())
    std::size_t maxRows = 0; ///< rows the range can hold at most (from count())
    /// Where its rows go in the final columns: maxRows rows from here are its own.
    std::size_t firstRow = 0;
    std::size_t rows = 0; ///< rows written
    SourceLines lines;    ///< the line of each of them
    /// Its problems, under the file's limit (set by the counting pass).
    WarningList warnings{std::string()};
    int naiveRows = 0;
    int zonedRows = 0;
    int firstNaiveLine = 0;
    int firstZonedLine = 0;
    int readError = 0; ///< errno of a failed read
    bool cancelled = false;
};

/// Parses the rows of one slice straight into pre-sized final columns.
class MetricsCsvSliceParser
{
public:
    /// The final columns: row i of the table is time[i] and columns[k][i].
    struct Target
    {
        double *time = nullptr;
        std::vector<double *> columns;
    };

    MetricsCsvSliceParser(const MetricsCsvLayout &layout, const MetricsCsvParser::Options &options,
                          const Target &target);

    /// Counts the lines of the slice and bounds its rows: a row of n fields has n - 1 commas,
    /// so blank lines do not reserve memory.
    static void count(const ByteSource &source, std::size_t fieldCount, MetricsCsvSlice &slice);

    /// Writes the slice's rows from row slice.firstRow on; reports progress when asked.
    void parse(const ByteSource &source, MetricsCsvSlice &slice, bool reportProgress);

private:
    void warn(MetricsCsvSlice &slice, int line, std::string message);
    bool parseFast(std::string_view raw, int line, MetricsCsvSlice &slice);
    void parseGeneral(std::string_view raw, int line, MetricsCsvSlice &slice);
    void countTime(bool naive, int line, MetricsCsvSlice &slice);
    /// Where the slice's next row goes: its place in the final columns, or a spare row of
    /// this parser's own once the slice is full (only when the file changed under us).
    const Target &rowOf(const MetricsCsvSlice &slice, std::size_t &row) const;

    const MetricsCsvLayout &m_layout;
    const MetricsCsvParser::Options &m_options;
    Target m_target;
    std::vector<double> m_spareValues;
    Target m_spare;
    std::vector<std::string_view> m_fields;
    std::string m_scratch;
    TimestampReader m_timestamps;
};

} // namespace hpa::core
