#pragma once

#include "core/analysis/comparison.h"

#include <optional>
#include <string>
#include <vector>

namespace hpa::core {

/// One run's value of a statistic and how it moved against the first run (the baseline).
struct RunComparisonCell
{
    std::optional<double> value;
    std::optional<double> delta;   ///< value - baseline; none for the baseline itself
    std::optional<double> percent; ///< 100 * delta / |baseline|
    Verdict verdict = Verdict::Unknown;
    std::string note; ///< why the verdict is not the plain comparison (ComparisonRow::note)
};

/// One statistic across every run.
struct RunComparisonRow
{
    std::string group, key, label;
    Direction better = Direction::Neutral;
    std::optional<double> resolution; ///< the coarsest of the pairs (ComparisonRow::resolution)
    /// "not collected in B, D" on the row standing for a series some runs did not collect.
    std::string notCollected;
    std::vector<RunComparisonCell> cells; ///< one per run, the baseline first
};

/// A setting whose value is not the same in every run; nullopt where a run lacks it.
struct RunSettingDifference
{
    std::string key;
    std::vector<std::optional<std::string>> values; ///< one per run
};

/// Runs 2..N measured against the first: the N-way Comparison tab and `hpa-lens compare A B
/// C …`. Each later run is compared with the first by ExperimentComparison, so every delta,
/// verdict and note is the one the two-run comparison gives; with two runs the rows are
/// exactly ExperimentComparison's.
class RunComparison
{
public:
    static constexpr std::size_t kMinRuns = 2;
    static constexpr std::size_t kMaxRuns = 8;

    /// `summaries` holds kMinRuns..kMaxRuns runs, the baseline first; throws
    /// std::invalid_argument otherwise.
    explicit RunComparison(std::vector<ExperimentSummary> summaries);

    std::size_t runCount() const { return m_summaries.size(); }
    const std::vector<ExperimentSummary> &summaries() const { return m_summaries; }
    /// The comparison of the baseline with run `run` (1 ≤ run < runCount()).
    const ExperimentComparison &pair(std::size_t run) const { return m_pairs.at(run - 1); }
    /// Every statistic of any pair, in the first pair's order, then those only later pairs have.
    const std::vector<RunComparisonRow> &rows() const { return m_rows; }
    const RunComparisonRow *row(std::string_view key) const;
    /// Settings (metadata, layout, targets, units) not equal in every run.
    const std::vector<RunSettingDifference> &settingDifferences() const { return m_settings; }

    /// "A", "B", … "H": the run's letter in legends, tables and the CLI.
    static std::string letter(std::size_t run);

private:
    void buildRows();
    void buildSettings();

    std::vector<ExperimentSummary> m_summaries;
    std::vector<ExperimentComparison> m_pairs;
    std::vector<RunComparisonRow> m_rows;
    std::vector<RunSettingDifference> m_settings;
};

} // namespace hpa::core
