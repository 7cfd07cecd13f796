#include "core/model/source_lines.h"

#include <algorithm>

namespace hpa::core {

int SourceLines::at(std::size_t row) const
{
    if (row >= m_size)
        return 0;
    // The last run starting at or before `row`.
    const auto next = std::upper_bound(m_runs.begin(), m_runs.end(), row,
                                       [](std::size_t r, const Run &run) { return r < run.row; });
    const Run &run = *(next - 1);
    return run.line + static_cast<int>(row - run.row);
}

std::vector<int> SourceLines::list() const
{
    std::vector<int> out;
    out.reserve(m_size);
    for (std::size_t i = 0; i < m_runs.size(); ++i) {
        const std::size_t end = i + 1 < m_runs.size() ? m_runs[i + 1].row : m_size;
        for (std::size_t row = m_runs[i].row; row < end; ++row)
            out.push_back(m_runs[i].line + static_cast<int>(row - m_runs[i].row));
    }
    return out;
}

int SourceLines::last() const
{
    return m_runs.back().line + static_cast<int>(m_size - 1 - m_runs.back().row);
}

void SourceLines::removeLast()
{
    if (--m_size == m_runs.back().row)
        m_runs.pop_back();
    if (m_size > 0)
        m_lastLine = last();
}

void SourceLines::append(const SourceLines &other)
{
    for (std::size_t i = 0; i < other.m_runs.size(); ++i) {
        const Run &run = other.m_runs[i];
        const std::size_t end =
            i + 1 < other.m_runs.size() ? other.m_runs[i + 1].row : other.m_size;
        // Continues the last run when its first line follows on.
        if (m_runs.empty() || run.line != last() + 1)
            m_runs.push_back({m_size, run.line});
        m_size += end - run.row;
        m_lastLine = last();
    }
}

void SourceLines::assign(const std::vector<int> &lines)
{
    clear();
    for (int line : lines)
        append(line);
}

void SourceLines::clear()
{
    m_runs.clear();
    m_size = 0;
}

} // namespace hpa::core
