#include "core/model/metrics_table.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace hpa::core {

const MetricColumn *MetricsTable::column(std::string_view key) const
{
    for (const MetricColumn &c : m_columns) {
        if (c.key == key)
            return &c;
    }
    return nullptr;
}

const ColumnValues *MetricsTable::values(std::string_view key) const
{
    const MetricColumn *c = column(key);
    return c ? &c->values : nullptr;
}

std::size_t MetricsTable::lowerBound(double t) const
{
    return static_cast<std::size_t>(std::lower_bound(m_time.begin(), m_time.end(), t) -
                                    m_time.begin());
}

std::size_t MetricsTable::nearestRow(double t) const
{
    if (m_time.empty())
        return 0;
    const std::size_t i = lowerBound(t);
    if (i == 0)
        return 0;
    if (i >= m_time.size())
        return m_time.size() - 1;
    return (t - m_time[i - 1] <= m_time[i] - t) ? i - 1 : i;
}

void MetricsTable::reserve(std::size_t rows)
{
    m_time.reserve(rows);
    for (MetricColumn &c : m_columns)
        c.values.reserve(rows);
}

std::size_t MetricsTable::addColumn(std::string header, std::string key)
{
    m_columns.push_back({std::move(header), std::move(key),
                         ColumnValues(m_time.size(), std::numeric_limits<double>::quiet_NaN())});
    return m_columns.size() - 1;
}

void MetricsTable::setColumn(std::string header, std::string key, ColumnValues values)
{
    values.resize(m_time.size(), std::numeric_limits<double>::quiet_NaN());
    for (MetricColumn &c : m_columns) {
        if (c.key == key) {
            c.header = std::move(header);
            c.values = std::move(values);
            return;
        }
    }
    m_columns.push_back({std::move(header), std::move(key), std::move(values)});
}

void MetricsTable::appendRow(double time, int line, const std::vector<double> &values)
{
    m_time.push_back(time);
    m_lines.append(line);
    for (std::size_t i = 0; i < m_columns.size(); ++i) {
        m_columns[i].values.push_back(i < values.size() ? values[i]
                                                        : std::numeric_limits<double>::quiet_NaN());
    }
}

void MetricsTable::appendRows(const MetricsTable &more)
{
    m_time.append(more.m_time);
    m_lines.append(more.m_lines);
    for (std::size_t i = 0; i < m_columns.size() && i < more.m_columns.size(); ++i) {
        m_columns[i].values.append(more.m_columns[i].values);
    }
}

bool MetricsTable::sortByTime()
{
    if (std::is_sorted(m_time.begin(), m_time.end()))
        return false;
    std::vector<std::size_t> order(m_time.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [this](std::size_t a, std::size_t b) { return m_time[a] < m_time[b]; });
    auto permute = [&order](auto &v) {
        const auto copy = v;
        for (std::size_t i = 0; i < order.size(); ++i)
            v[i] = copy[order[i]];
    };
    permute(m_time);
    std::vector<int> lines = m_lines.list();
    permute(lines);
    m_lines.assign(lines);
    for (MetricColumn &c : m_columns)
        permute(c.values);
    return true;
}

} // namespace hpa::core
