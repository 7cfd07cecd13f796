#include "app/gui/prometheus_preview_model.h"

#include "core/model/number_format.h"

#include <QBrush>
#include <QPalette>

#include <cmath>

namespace hpa::app {

PrometheusPreviewModel::PrometheusPreviewModel(QObject *parent) : QAbstractTableModel(parent) {}

void PrometheusPreviewModel::setRun(const core::ImportedRun &run)
{
    beginResetModel();
    m_rows.clear();
    for (const core::ImportedRun::Column &c : run.columns) {
        Row row;
        row.name = QString::fromStdString(c.name);
        row.query = QString::fromStdString(c.query);
        row.found = c.found;
        row.total = static_cast<int>(c.values.size());
        for (const double v : c.values)
            if (std::isfinite(v)) {
                ++row.points;
                row.last = v;
            }
        m_rows.push_back(row);
    }
    for (const auto &[key, value] : run.metadataValues) {
        Row row;
        row.name = QString::fromStdString(key) + tr(" (metadata)");
        const auto asked = run.queriesAsked.find(key);
        if (asked != run.queriesAsked.end() && !asked->second.empty())
            row.query = QString::fromStdString(asked->second.front());
        row.found = true;
        row.points = row.total = 1;
        row.last = value;
        m_rows.push_back(row);
    }
    endResetModel();
}

void PrometheusPreviewModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

int PrometheusPreviewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int PrometheusPreviewModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PrometheusPreviewModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= ColumnCount)
        return {};
    const Row &row = m_rows[static_cast<std::size_t>(index.row())];
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Name:
            return row.name;
        case Query:
            return row.query;
        case Points:
            return row.found ? tr("%1 of %2").arg(row.points).arg(row.total)
                             : tr("no series: empty column");
        case Last:
            return row.points ? QString::fromStdString(core::NumberFormat::shortest(row.last))
                              : tr("not collected");
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole && index.column() == Query)
        return row.query;
    if (role == Qt::ForegroundRole && !row.found)
        return QBrush(QPalette().color(QPalette::Disabled, QPalette::Text));
    return {};
}

QVariant PrometheusPreviewModel::headerData(int section, Qt::Orientation orientation,
                                            int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Column");
    case Query:
        return tr("Query that answered");
    case Points:
        return tr("Steps with a value");
    case Last:
        return tr("Last value");
    default:
        return {};
    }
}

} // namespace hpa::app
