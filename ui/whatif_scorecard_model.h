#pragma once

#include "core/analysis/scorecard.h"

#include <QAbstractTableModel>

#include <optional>

namespace hpa::ui {

class ScorecardTableModel;

/// The scorecard of a what-if beside the recording's, KPI by KPI: the same rows as the
/// Scorecard dock (one list of KPIs: ScorecardTableModel), the what-if column marked
/// "estimate", and the difference. KPIs a replay cannot know (SLO attainment, time to relief:
/// they depend on latencies and load nobody replayed) say "not predicted".
class WhatIfScorecardModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        KpiColumn,
        RecordingColumn,
        WhatIfColumn,
        DeltaColumn,
        UnitColumn,
        ColumnCount
    };

    explicit WhatIfScorecardModel(QObject *parent = nullptr);

    /// `whatIf` nullopt: only the recording's column is filled.
    void setScorecards(const core::Scorecard &recording,
                       const std::optional<core::Scorecard> &whatIf);
    void clear();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    /// The what-if column of `row` cannot be known from a replay.
    bool notPredicted(int row) const;

    ScorecardTableModel *m_recording;
    ScorecardTableModel *m_whatIf;
    bool m_hasWhatIf = false;
};

} // namespace hpa::ui
