#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace hpa::core {

/// The metrics.csv line each table row came from, kept as runs of consecutive lines: a file
/// with no blank, bad or out-of-order lines is a single run however long it is (a million
/// rows took 4 MB as one int per row).
class SourceLines
{
public:
    /// Number of rows.
    std::size_t size() const { return m_size; }
    /// Line of `row`; 0 (unknown) past the end.
    int at(std::size_t row) const;
    /// One line per row.
    std::vector<int> list() const;

    /// Adds the next row, read from `line`. Inline: the parser calls it for every row.
    void append(int line)
    {
        if (m_runs.empty() || line != m_lastLine + 1)
            m_runs.push_back({m_size, line});
        m_lastLine = line;
        ++m_size;
    }
    /// Drops the last row (there is one).
    void removeLast();
    /// Adds the rows of `other` after these.
    void append(const SourceLines &other);
    /// Replaces the rows by `lines`, one per row.
    void assign(const std::vector<int> &lines);
    void clear();

private:
    /// Line of the last row (there is one).
    int last() const;

    struct Run
    {
        std::size_t row = 0; ///< first row of the run
        int line = 0;        ///< its line; row + k is on line + k
    };
    std::vector<Run> m_runs;
    std::size_t m_size = 0;
    int m_lastLine = 0; ///< line of the last row, when there is one
};

} // namespace hpa::core
