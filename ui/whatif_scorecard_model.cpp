#include "ui/whatif_scorecard_model.h"

#include "core/model/number_format.h"
#include "ui/scorecard_table_model.h"

namespace hpa::ui {

WhatIfScorecardModel::WhatIfScorecardModel(QObject *parent)
    : QAbstractTableModel(parent), m_recording(new ScorecardTableModel(this)),
      m_whatIf(new ScorecardTableModel(this))
{}

void WhatIfScorecardModel::setScorecards(const core::Scorecard &recording,
                                         const std::optional<core::Scorecard> &whatIf)
{
    beginResetModel();
    m_recording->setScorecard(recording);
    m_hasWhatIf = whatIf.has_value();
    if (whatIf)
        m_whatIf->setScorecard(*whatIf);
    else
        m_whatIf->clear();
    endResetModel();
}

void WhatIfScorecardModel::clear()
{
    beginResetModel();
    m_recording->clear();
    m_whatIf->clear();
    m_hasWhatIf = false;
    endResetModel();
}

int WhatIfScorecardModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_recording->rowCount();
}

int WhatIfScorecardModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool WhatIfScorecardModel::notPredicted(int row) const
{
    // The rows the scorecard of a what-if leaves unknown on purpose (ScorecardCalculator's
    // Supply overload): the recording has a value there, the what-if cannot.
    const QString label =
        m_recording->data(m_recording->index(row, ScorecardTableModel::KpiColumn), Qt::DisplayRole)
            .toString();
    return label.contains(QStringLiteral("SLO")) || label.contains(QStringLiteral("relief"));
}

QVariant WhatIfScorecardModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= ColumnCount)
        return {};
    const int row = index.row();
    const auto source = [&](ScorecardTableModel *m, int column) {
        return m->data(m->index(row, column), role);
    };
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case KpiColumn:
            return source(m_recording, ScorecardTableModel::KpiColumn);
        case RecordingColumn:
            return m_recording->valueText(row);
        case WhatIfColumn:
            if (!m_hasWhatIf)
                return QString();
            return notPredicted(row) ? tr("not predicted") : m_whatIf->valueText(row);
        case DeltaColumn: {
            const auto a = m_recording->value(row);
            const auto b = m_whatIf->value(row);
            if (!m_hasWhatIf || !a || !b || notPredicted(row))
                return QString();
            const double d = *b - *a;
            return (d > 0 ? QStringLiteral("+") : QString()) +
                   QString::fromStdString(core::NumberFormat::fixed(d, m_recording->decimals(row)));
        }
        case UnitColumn:
            return source(m_recording, ScorecardTableModel::UnitColumn);
        }
    }
    if (role == Qt::ToolTipRole) {
        if (index.column() == WhatIfColumn || index.column() == DeltaColumn)
            return tr("Estimate: the closed-loop replay's replica curve scored against the "
                      "recording's demand. Latency and the load other replicas would have "
                      "caused are not predicted.");
        return source(m_recording, ScorecardTableModel::KpiColumn);
    }
    if (role == Qt::TextAlignmentRole && index.column() >= RecordingColumn &&
        index.column() <= DeltaColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant WhatIfScorecardModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case KpiColumn:
        return tr("KPI");
    case RecordingColumn:
        return tr("Recording");
    case WhatIfColumn:
        return tr("What-if (estimate)");
    case DeltaColumn:
        return tr("Δ (estimate)");
    case UnitColumn:
        return tr("Unit");
    }
    return {};
}

} // namespace hpa::ui
