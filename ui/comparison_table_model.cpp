#include "ui/comparison_table_model.h"

#include "core/report/summary_text.h"

#include <QColor>

namespace hpa::ui {

namespace {

QString number(const std::optional<double> &v, bool signedValue = false, int decimals = 3)
{
    if (!v)
        return QStringLiteral("—");
    QString text = QString::fromStdString(core::SummaryText::number(*v, decimals));
    if (signedValue && *v > 0)
        text.prepend(QLatin1Char('+'));
    return text;
}

} // namespace

ComparisonTableModel::ComparisonTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void ComparisonTableModel::setComparison(std::optional<core::ExperimentComparison> comparison)
{
    beginResetModel();
    m_comparison = std::move(comparison);
    endResetModel();
}

int ComparisonTableModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() || !m_comparison)
        return 0;
    return static_cast<int>(m_comparison->rows().size());
}

int ComparisonTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QColor ComparisonTableModel::verdictColor(core::Verdict verdict)
{
    switch (verdict) {
    case core::Verdict::Better:
        return QColor(0x2c, 0xa0, 0x2c, 70);
    case core::Verdict::Worse:
        return QColor(0xd6, 0x27, 0x28, 70);
    default:
        return {};
    }
}

QVariant ComparisonTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !m_comparison || index.row() >= rowCount())
        return {};
    const core::ComparisonRow &row = m_comparison->rows()[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Statistic:
            return QStringLiteral("%1 · %2").arg(QString::fromStdString(row.group),
                                                 QString::fromStdString(row.label)) +
                   (row.resolution ? tr(" (±%1 s)").arg(number(row.resolution, false, 1))
                                   : QString());
        case ValueA:
            return number(row.a);
        case ValueB:
            return number(row.b);
        case Delta:
            return number(row.delta, true);
        case Percent:
            return row.percent ? number(row.percent, true, 1) + QLatin1Char('%')
                               : QStringLiteral("—");
        }
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == Statistic ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                           : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::BackgroundRole:
        if (index.column() == Delta || index.column() == Percent) {
            const QColor c = verdictColor(row.verdict);
            if (c.isValid())
                return c;
        }
        return {};
    case Qt::ToolTipRole:
        if (!row.note.empty())
            return QString::fromStdString(row.note);
        switch (row.verdict) {
        case core::Verdict::Better:
            return tr("B is better here");
        case core::Verdict::Worse:
            return tr("B is worse here");
        case core::Verdict::Same:
            return tr("No change");
        case core::Verdict::Unknown:
            if (!row.notCollected.empty())
                return tr("Nothing to compare: this series was %1")
                    .arg(QString::fromStdString(row.notCollected));
            return row.better == core::Direction::Neutral
                       ? tr("Describes the run; neither better nor worse")
                       : tr("A value is missing");
        }
        return {};
    case VerdictRole:
        return static_cast<int>(row.verdict);
    case KeyRole:
        return QString::fromStdString(row.key);
    default:
        return {};
    }
}

QVariant ComparisonTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Statistic:
        return tr("Statistic");
    case ValueA:
        return tr("A");
    case ValueB:
        return tr("B");
    case Delta:
        return tr("B − A");
    case Percent:
        return tr("Change");
    }
    return {};
}

} // namespace hpa::ui
