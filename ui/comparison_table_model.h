#pragma once

#include "core/analysis/comparison.h"

#include <QAbstractTableModel>

#include <optional>

namespace hpa::ui {

/// Every statistic of runs A and B with B − A and the change in percent, coloured by whether
/// B did better or worse.
class ComparisonTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
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
        VerdictRole = Qt::UserRole + 1, ///< int of core::Verdict
        KeyRole                         ///< the row's statistic key, e.g. "series.ttft_ms.p90"
    };

    explicit ComparisonTableModel(QObject *parent = nullptr);

    void setComparison(std::optional<core::ExperimentComparison> comparison);
    const std::optional<core::ExperimentComparison> &comparison() const { return m_comparison; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    /// Tint for a verdict: green for better, red for worse, none otherwise.
    static QColor verdictColor(core::Verdict verdict);

private:
    std::optional<core::ExperimentComparison> m_comparison;
};

} // namespace hpa::ui
