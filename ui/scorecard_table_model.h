#pragma once

#include "core/analysis/scorecard.h"
#include "core/report/scorecard_kpi_list.h"

#include <QAbstractTableModel>

#include <optional>
#include <vector>

namespace hpa::ui {

/// The KPIs of a scorecard, one per row: KPI, value, unit; the tooltip gives the one-line
/// definition and the spec's source. Time KPIs say their resolution. The KPIs, their units
/// and definitions are core::ScorecardKpiList's, the same the report and the text output use.
class ScorecardTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        KpiColumn,
        ValueColumn,
        UnitColumn,
        DefinitionColumn,
        ColumnCount
    };

    explicit ScorecardTableModel(QObject *parent = nullptr);

    void setScorecard(const core::Scorecard &scorecard);
    void clear();
    const core::Scorecard &scorecard() const { return m_scorecard; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    /// The value of row `row` as shown ("N/A" when unknown).
    QString valueText(int row) const;
    /// The value of row `row`, nullopt when unknown.
    std::optional<double> value(int row) const;
    /// The number of digits row `row` is shown with.
    int decimals(int row) const;

private:
    core::Scorecard m_scorecard;
    std::vector<core::ScorecardKpiList::Kpi> m_kpis;
    bool m_has = false;
};

} // namespace hpa::ui
