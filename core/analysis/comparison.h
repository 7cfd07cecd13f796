#pragma once

#include "core/analysis/experiment_summary.h"
#include "core/analysis/load_profile_match.h"
#include "core/analysis/summary_statistics.h"
#include "core/model/experiment.h"

#include <optional>
#include <string>
#include <vector>

namespace hpa::core {

/// How run B did on one statistic relative to run A.
enum class Verdict
{
    Better,
    Worse,
    Same,
    Unknown ///< a side has no value, or the statistic is neutral and changed
};

/// One statistic of both runs.
struct ComparisonRow
{
    std::string group, key, label;
    std::optional<double> a, b;
    std::optional<double> delta;   ///< b - a
    std::optional<double> percent; ///< 100 * (b - a) / |a|; none when a is 0 or missing
    Direction better = Direction::Neutral;
    Verdict verdict = Verdict::Unknown;
    /// How finely the statistic was measured (a time found from samples: the larger median
    /// sample interval of the two runs); differences within it are Same.
    std::optional<double> resolution;
    /// Why the verdict is what it is when it is not the plain comparison of A and B
    /// ("per hour of run: durations differ by 32 %"); empty otherwise.
    std::string note;
    /// Set on the one row that stands for a series not collected in a run (CollectedSeries):
    /// "not collected in A", "not collected in B" or "not collected in A and B".
    std::string notCollected;
};

/// A setting that differs between the runs; nullopt where a run does not have it.
struct MetadataDifference
{
    std::string key;
    std::optional<std::string> a, b;
};

/// Run B measured against run A: what the compare view, `hpa-lens compare` and the comparison
/// CSV show.
class ExperimentComparison
{
public:
    /// `nameB` names run B in texts ("C" when it is the third run of an N-way comparison).
    ExperimentComparison(ExperimentSummary a, ExperimentSummary b, std::string_view nameB = "B");
    /// Summarizes both experiments and compares them.
    static ExperimentComparison compare(const Experiment &a, const Experiment &b,
                                        const ScorecardSettings &scorecard = {});

    const ExperimentSummary &summaryA() const { return m_a; }
    const ExperimentSummary &summaryB() const { return m_b; }
    /// Every statistic of SummaryStatistics, series of either run, in display order.
    const std::vector<ComparisonRow> &rows() const { return m_rows; }
    /// The row with this key, or nullptr.
    const ComparisonRow *row(std::string_view key) const;
    /// metadata.json keys (union, A's order first) whose values differ, then layout, targets
    /// and KV cache unit when they differ.
    const std::vector<MetadataDifference> &metadataDifferences() const { return m_metadata; }

    /// Whether A and B ran the same load profile (job manifests and start delays).
    const LoadProfileMatch &loadProfile() const { return m_loadProfile; }
    /// True when A and B are the same folder: every difference is then zero by construction.
    bool sameRun() const { return !m_a.path.empty() && m_a.path == m_b.path; }

    /// The verdict of a change from `a` to `b` under `better`. Differences within a relative
    /// 1e-9, or within `resolution` when given, count as Same so rounding noise and sampling
    /// granularity are not reported as a change.
    static Verdict verdict(std::optional<double> a, std::optional<double> b, Direction better,
                           std::optional<double> resolution = std::nullopt);
    /// Durations differing by more than this fraction make totals (replica-hours, gaps,
    /// violation samples) be graded as rates (per hour of run, share of samples).
    static constexpr double kDurationTolerance = 0.01;
    static std::string_view verdictKey(Verdict verdict); ///< "better", "worse", "same", ...

private:
    /// The verdict rules beyond "lower is better": rates where durations differ, the
    /// measurement's resolution, the rows for rates.
    void applyVerdictRules();

    ExperimentSummary m_a, m_b;
    std::vector<ComparisonRow> m_rows;
    std::vector<MetadataDifference> m_metadata;
    LoadProfileMatch m_loadProfile;
};

} // namespace hpa::core
