#include "core/analysis/run_comparison.h"

#include <algorithm>
#include <stdexcept>

namespace hpa::core {

RunComparison::RunComparison(std::vector<ExperimentSummary> summaries)
    : m_summaries(std::move(summaries))
{
    if (m_summaries.size() < kMinRuns || m_summaries.size() > kMaxRuns)
        throw std::invalid_argument("a comparison takes 2 to 8 runs, not " +
                                    std::to_string(m_summaries.size()));
    m_pairs.reserve(m_summaries.size() - 1);
    for (std::size_t i = 1; i < m_summaries.size(); ++i)
        m_pairs.emplace_back(m_summaries.front(), m_summaries[i], letter(i));
    buildRows();
    buildSettings();
}

std::string RunComparison::letter(std::size_t run)
{
    return std::string(1, static_cast<char>('A' + static_cast<int>(run % 26)));
}

void RunComparison::buildRows()
{
    const std::size_t n = m_summaries.size();
    for (std::size_t p = 0; p < m_pairs.size(); ++p) {
        for (const ComparisonRow &r : m_pairs[p].rows()) {
            auto it = std::find_if(m_rows.begin(), m_rows.end(),
                                   [&r](const RunComparisonRow &row) { return row.key == r.key; });
            if (it == m_rows.end()) {
                RunComparisonRow row;
                row.group = r.group;
                row.key = r.key;
                row.label = r.label;
                row.better = r.better;
                row.cells.resize(n);
                row.cells[0].value = r.a;
                m_rows.push_back(std::move(row));
                it = std::prev(m_rows.end());
            }
            RunComparisonCell &cell = it->cells[p + 1];
            cell.value = r.b;
            cell.delta = r.delta;
            cell.percent = r.percent;
            cell.verdict = r.verdict;
            cell.note = r.note;
            if (!it->cells[0].value)
                it->cells[0].value = r.a;
            if (r.resolution)
                it->resolution = std::max(it->resolution.value_or(0.0), *r.resolution);
        }
    }
    // A series some run did not collect: the pairs' notes speak of "A" and "B"; across N runs
    // the row names the runs by their own letters.
    for (RunComparisonRow &row : m_rows) {
        if (row.key.rfind("series.", 0) != 0 || row.key.find('.', 7) != std::string::npos)
            continue;
        const std::string series = row.key.substr(7);
        std::string missing;
        for (std::size_t i = 0; i < n; ++i) {
            const auto it = m_summaries[i].series.find(series);
            if (it != m_summaries[i].series.end() && !it->second.collected)
                missing += (missing.empty() ? "" : ", ") + letter(i);
        }
        if (missing.empty())
            continue;
        row.notCollected = "not collected in " + missing;
        if (n > 2)
            row.label = row.notCollected;
    }
    // With two runs the label is the pair's own ("not collected in A and B").
    if (n == 2) {
        for (RunComparisonRow &row : m_rows) {
            if (const ComparisonRow *r = m_pairs.front().row(row.key);
                r && !r->notCollected.empty())
                row.notCollected = r->notCollected;
        }
    }
}

void RunComparison::buildSettings()
{
    const std::size_t n = m_summaries.size();
    for (std::size_t p = 0; p < m_pairs.size(); ++p) {
        for (const MetadataDifference &d : m_pairs[p].metadataDifferences()) {
            auto it = std::find_if(m_settings.begin(), m_settings.end(),
                                   [&d](const RunSettingDifference &s) { return s.key == d.key; });
            if (it == m_settings.end()) {
                m_settings.push_back({d.key, std::vector<std::optional<std::string>>(n)});
                it = std::prev(m_settings.end());
                it->values[0] = d.a;
            }
            it->values[p + 1] = d.b;
        }
    }
    // A pair that does not list a setting has the baseline's value there.
    for (RunSettingDifference &s : m_settings) {
        for (std::size_t p = 0; p < m_pairs.size(); ++p) {
            const auto &diffs = m_pairs[p].metadataDifferences();
            const bool listed = std::any_of(diffs.begin(), diffs.end(),
                                            [&s](const auto &d) { return d.key == s.key; });
            if (!listed)
                s.values[p + 1] = s.values[0];
        }
    }
}

const RunComparisonRow *RunComparison::row(std::string_view key) const
{
    for (const RunComparisonRow &r : m_rows) {
        if (r.key == key)
            return &r;
    }
    return nullptr;
}

} // namespace hpa::core
