#include "ui/scorecard_table_model.h"

#include "core/report/scorecard_kpi_list.h"

namespace hpa::ui {

ScorecardTableModel::ScorecardTableModel(QObject *parent)
    : QAbstractTableModel(parent), m_kpis(core::ScorecardKpiList::list(m_scorecard))
{}

void ScorecardTableModel::setScorecard(const core::Scorecard &scorecard)
{
    beginResetModel();
    m_scorecard = scorecard;
    // The texts name the scorecard's settings (reversal window, SLO limits).
    m_kpis = core::ScorecardKpiList::list(m_scorecard);
    m_has = true;
    endResetModel();
}

void ScorecardTableModel::clear()
{
    beginResetModel();
    m_scorecard = {};
    m_kpis = core::ScorecardKpiList::list(m_scorecard);
    m_has = false;
    endResetModel();
}

int ScorecardTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_has ? 0 : int(m_kpis.size());
}

int ScorecardTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ScorecardTableModel::valueText(int row) const
{
    const std::string text =
        core::ScorecardKpiList::valueText(m_kpis.at(std::size_t(row)), m_scorecard);
    return text == "N/A" ? tr("N/A") : QString::fromStdString(text);
}

std::optional<double> ScorecardTableModel::value(int row) const
{
    if (!m_has || row < 0 || row >= rowCount())
        return std::nullopt;
    return m_kpis.at(std::size_t(row)).value(m_scorecard);
}

int ScorecardTableModel::decimals(int row) const
{
    return row < 0 || row >= int(m_kpis.size()) ? 0 : m_kpis.at(std::size_t(row)).decimals;
}

QVariant ScorecardTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const core::ScorecardKpiList::Kpi &k = m_kpis.at(std::size_t(index.row()));
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case KpiColumn:
            return QString::fromStdString(k.label);
        case ValueColumn:
            return valueText(index.row());
        case UnitColumn:
            return QString::fromStdString(k.unit);
        case DefinitionColumn:
            return QString::fromStdString(k.definition);
        }
    }
    if (role == Qt::ToolTipRole)
        return tr("%1\nSource: %2")
            .arg(QString::fromStdString(k.definition), QString::fromStdString(k.source));
    if (role == Qt::TextAlignmentRole && index.column() == ValueColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant ScorecardTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case KpiColumn:
        return tr("KPI");
    case ValueColumn:
        return tr("Value");
    case UnitColumn:
        return tr("Unit");
    case DefinitionColumn:
        return tr("Definition");
    }
    return {};
}

} // namespace hpa::ui
