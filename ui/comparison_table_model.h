#pragma once

#include "core/analysis/run_comparison.h"

#include <QAbstractTableModel>

#include <optional>

namespace hpa::ui {

/// Every statistic of runs A, B, C, … (2 to 8): A's value, then for each later run its value,
/// its difference from A and the change in percent, coloured by whether it did better or
/// worse than A. With two runs the columns are Statistic, A, B, B − A, Change.
class ComparisonTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    /// The columns of a two-run comparison (and of the empty model).
    enum Column
    {
        Statistic,
        ValueA,
        ValueB,
        Delta,
        Percent,
        ColumnCount
    };
    enum Role
    {
        VerdictRole = Qt::UserRole + 1, ///< int of core::Verdict of the column's run (B on 0)
        KeyRole,                        ///< the row's statistic key, e.g. "series.ttft_ms.p90"
        RunRole                         ///< the column's run, 0 = A; -1 on Statistic
    };

    explicit ComparisonTableModel(QObject *parent = nullptr);

    void setComparison(std::optional<core::RunComparison> comparison);
    /// Two runs: the comparison of A with B.
    void setComparison(const core::ExperimentComparison &comparison);
    const std::optional<core::RunComparison> &comparison() const { return m_comparison; }

    /// Columns of run `run` (0 = A has a value column only).
    static int valueColumn(int run) { return run == 0 ? ValueA : ValueB + 3 * (run - 1); }
    static int deltaColumn(int run) { return valueColumn(run) + 1; }
    static int percentColumn(int run) { return valueColumn(run) + 2; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    /// Tint for a verdict: green for better, red for worse, none otherwise.
    static QColor verdictColor(core::Verdict verdict);

private:
    enum class Part
    {
        Label,
        Value,
        Delta,
        Percent
    };
    /// The run and the part of it a column shows.
    static std::pair<int, Part> columnPart(int column);
    QVariant toolTip(const core::RunComparisonRow &row, int run) const;

    std::optional<core::RunComparison> m_comparison;
};

} // namespace hpa::ui
