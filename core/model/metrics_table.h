#pragma once

#include "core/model/column_values.h"
#include "core/model/source_lines.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hpa::core {

/// One numeric column of metrics.csv. Missing or unparsable cells are NaN, never 0.
struct MetricColumn
{
    std::string header;  ///< as written in the file
    std::string key;     ///< canonical key (see metric_keys.h) or the lower-cased header
    ColumnValues values; ///< shared with copies of the table (see ColumnValues)
};

/// The samples of metrics.csv in columns, sorted by time. Rows whose time could not be read
/// are not here (the parser warned about them). A copy shares the values with the original
/// (ColumnValues): copying costs a few pointers per column, not the rows.
class MetricsTable
{
public:
    MetricsTable() = default;

    std::size_t rowCount() const { return m_time.size(); }
    bool empty() const { return m_time.empty(); }

    /// Seconds since the epoch (naive times as if UTC), ascending.
    const ColumnValues &time() const { return m_time; }
    /// Source line (1-based) of `row`, for messages and the data table.
    int sourceLine(std::size_t row) const { return m_lines.at(row); }
    /// Source line of every row (a copy: they are kept as runs of consecutive lines).
    std::vector<int> sourceLineList() const { return m_lines.list(); }
    /// True when the timestamps carry no zone and must be shown as written.
    bool naiveTime() const { return m_naiveTime; }

    const std::vector<MetricColumn> &columns() const { return m_columns; }
    /// Column with this canonical key, or nullptr.
    const MetricColumn *column(std::string_view key) const;
    /// Values of the column with this key, or nullptr.
    const ColumnValues *values(std::string_view key) const;
    bool has(std::string_view key) const { return column(key) != nullptr; }

    /// Index of the first row with time >= t (binary search).
    std::size_t lowerBound(double t) const;
    /// Index of the row closest in time to t; rowCount() when empty.
    std::size_t nearestRow(double t) const;

    // Building (parsers and the loader).
    void reserve(std::size_t rows);
    void setNaiveTime(bool naive) { m_naiveTime = naive; }
    /// Adds a column (all values NaN for existing rows) and returns its index.
    std::size_t addColumn(std::string header, std::string key);
    /// Replaces or adds the column with this key.
    void setColumn(std::string header, std::string key, ColumnValues values);
    void appendRow(double time, int line, const std::vector<double> &values);
    /// Adds the rows of `more`, whose columns are these columns in the same order (rows
    /// parsed from lines appended to the same file).
    void appendRows(const MetricsTable &more);
    ColumnValues &time() { return m_time; }
    void setSourceLines(SourceLines lines) { m_lines = std::move(lines); }
    void setSourceLines(const std::vector<int> &lines) { m_lines.assign(lines); }
    std::vector<MetricColumn> &columns() { return m_columns; }
    /// Stable sort of all rows by time; returns false when they were already in order.
    bool sortByTime();

private:
    ColumnValues m_time;
    SourceLines m_lines;
    std::vector<MetricColumn> m_columns;
    bool m_naiveTime = false;
};

} // namespace hpa::core
