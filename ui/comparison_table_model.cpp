#include "ui/comparison_table_model.h"

#include "core/report/summary_text.h"

#include <QColor>

#include <algorithm>

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

QString letter(int run)
{
    return QString::fromStdString(core::RunComparison::letter(std::size_t(run)));
}

} // namespace

ComparisonTableModel::ComparisonTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void ComparisonTableModel::setComparison(std::optional<core::RunComparison> comparison)
{
    beginResetModel();
    m_comparison = std::move(comparison);
    endResetModel();
}

void ComparisonTableModel::setComparison(const core::ExperimentComparison &comparison)
{
    setComparison(core::RunComparison({comparison.summaryA(), comparison.summaryB()}));
}

int ComparisonTableModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() || !m_comparison)
        return 0;
    return static_cast<int>(m_comparison->rows().size());
}

int ComparisonTableModel::columnCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return m_comparison ? valueColumn(static_cast<int>(m_comparison->runCount()))
                        : int(ColumnCount);
}

std::pair<int, ComparisonTableModel::Part> ComparisonTableModel::columnPart(int column)
{
    if (column <= Statistic)
        return {-1, Part::Label};
    if (column == ValueA)
        return {0, Part::Value};
    const int run = 1 + (column - ValueB) / 3;
    const int part = (column - ValueB) % 3;
    return {run, part == 0 ? Part::Value : part == 1 ? Part::Delta : Part::Percent};
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

QVariant ComparisonTableModel::toolTip(const core::RunComparisonRow &row, int run) const
{
    const core::RunComparisonCell &cell = row.cells[std::size_t(run)];
    if (!cell.note.empty())
        return QString::fromStdString(cell.note);
    const bool two = m_comparison->runCount() == 2;
    switch (cell.verdict) {
    case core::Verdict::Better:
        return two ? tr("B is better here") : tr("%1 is better than A here").arg(letter(run));
    case core::Verdict::Worse:
        return two ? tr("B is worse here") : tr("%1 is worse than A here").arg(letter(run));
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
}

QVariant ComparisonTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !m_comparison || index.row() >= rowCount() ||
        index.column() >= columnCount())
        return {};
    const core::RunComparisonRow &row = m_comparison->rows()[static_cast<std::size_t>(index.row())];
    const auto [run, part] = columnPart(index.column());
    // The statistic's column speaks of B (the two-run verdict), a value column of A of B.
    const int verdictRun = std::max(1, run);
    const core::RunComparisonCell &cell = row.cells[std::size_t(std::max(0, run))];
    switch (role) {
    case Qt::DisplayRole:
        switch (part) {
        case Part::Label:
            return QStringLiteral("%1 · %2").arg(QString::fromStdString(row.group),
                                                 QString::fromStdString(row.label)) +
                   (row.resolution ? tr(" (±%1 s)").arg(number(row.resolution, false, 1))
                                   : QString());
        case Part::Value:
            return number(cell.value);
        case Part::Delta:
            return number(cell.delta, true);
        case Part::Percent:
            return cell.percent ? number(cell.percent, true, 1) + QLatin1Char('%')
                                : QStringLiteral("—");
        }
        return {};
    case Qt::TextAlignmentRole:
        return part == Part::Label ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                   : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::BackgroundRole:
        if (part == Part::Delta || part == Part::Percent) {
            const QColor c = verdictColor(cell.verdict);
            if (c.isValid())
                return c;
        }
        return {};
    case Qt::ToolTipRole:
        return toolTip(row, verdictRun);
    case VerdictRole:
        return static_cast<int>(row.cells[std::size_t(verdictRun)].verdict);
    case KeyRole:
        return QString::fromStdString(row.key);
    case RunRole:
        return run;
    default:
        return {};
    }
}

QVariant ComparisonTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return QAbstractTableModel::headerData(section, orientation, role);
    const auto [run, part] = columnPart(section);
    if (role == Qt::ToolTipRole && run >= 0 && m_comparison)
        return QString::fromStdString(m_comparison->summaries()[std::size_t(run)].name);
    if (role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (part) {
    case Part::Label:
        return tr("Statistic");
    case Part::Value:
        return letter(run);
    case Part::Delta:
        return tr("%1 − A").arg(letter(run));
    case Part::Percent:
        return m_comparison && m_comparison->runCount() > 2 ? tr("%1 change").arg(letter(run))
                                                            : tr("Change");
    }
    return {};
}

} // namespace hpa::ui
