#include "ui/library_table_model.h"

#include <QBrush>
#include <QColor>
#include <QFont>

namespace hpa::ui {

using core::RunColumns;
using core::RunRow;

LibraryTableModel::LibraryTableModel(QObject *parent) : QAbstractTableModel(parent) {}

int LibraryTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int LibraryTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(RunColumns::Count);
}

QVariant LibraryTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount())
        return {};
    const RunRow &r = run(index.row());
    const auto id = static_cast<RunColumns::Id>(index.column());
    const auto &column = RunColumns::column(id);
    const bool number = column.kind != RunColumns::Kind::Text;
    switch (role) {
    case Qt::DisplayRole: {
        const std::string text = RunColumns::text(r, id);
        // Unknown is said, never shown as 0 or left looking like an empty cell by mistake.
        if (text.empty() && number)
            return r.status == RunRow::Status::Failed ? QString() : tr("—");
        return QString::fromStdString(text);
    }
    case Qt::EditRole:
        return QString::fromStdString(RunColumns::text(r, id));
    case Qt::ToolTipRole:
        if (r.status != RunRow::Status::Ok)
            return tr("%1: %2").arg(QString::fromUtf8(RunColumns::statusKey(r.status).data()),
                                    r.error.empty()
                                        ? tr("the folder is gone; last known values shown")
                                        : QString::fromStdString(r.error));
        if (number && !RunColumns::number(r, id))
            return tr("Not known for this run (not collected, or nothing to judge)");
        return id == RunColumns::Name ? QString::fromStdString(r.path) : QVariant();
    case Qt::TextAlignmentRole:
        return number && id != RunColumns::Start ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                                 : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if (r.status == RunRow::Status::Missing)
            return QBrush(QColor(140, 140, 140));
        if (r.status == RunRow::Status::Failed)
            return QBrush(QColor(190, 40, 40));
        if (number && !RunColumns::number(r, id))
            return QBrush(QColor(150, 150, 150));
        return {};
    case SortRole:
        if (number) {
            const auto v = RunColumns::number(r, id);
            return v ? QVariant(*v) : QVariant();
        }
        return QString::fromStdString(RunColumns::text(r, id)).toLower();
    case PathRole:
        return QString::fromStdString(r.path);
    default:
        return {};
    }
}

QVariant LibraryTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return {};
    const auto id = static_cast<RunColumns::Id>(section);
    if (role == Qt::DisplayRole)
        return QString::fromStdString(RunColumns::label(id));
    if (role == Qt::ToolTipRole)
        return QString::fromUtf8(RunColumns::column(id).key.data(),
                                 static_cast<qsizetype>(RunColumns::column(id).key.size()));
    return {};
}

Qt::ItemFlags LibraryTableModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() &&
        (index.column() == RunColumns::Tags || index.column() == RunColumns::Notes))
        f |= Qt::ItemIsEditable;
    return f;
}

bool LibraryTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !index.isValid() || index.row() >= rowCount() ||
        !(flags(index) & Qt::ItemIsEditable))
        return false;
    RunRow &r = m_rows[static_cast<std::size_t>(index.row())];
    const std::string text = value.toString().trimmed().toStdString();
    (index.column() == RunColumns::Tags ? r.tags : r.notes) = text;
    emit dataChanged(index, index);
    emit userTextEdited(QString::fromStdString(r.path), QString::fromStdString(r.tags),
                        QString::fromStdString(r.notes));
    return true;
}

void LibraryTableModel::addRows(const std::vector<RunRow> &rows)
{
    std::vector<const RunRow *> added;
    for (const RunRow &r : rows) {
        const QString path = QString::fromStdString(r.path);
        const int at = m_index.value(path, -1);
        if (at >= 0) {
            m_rows[static_cast<std::size_t>(at)] = r;
            emit dataChanged(index(at, 0), index(at, columnCount() - 1));
        } else {
            added.push_back(&r);
        }
    }
    if (added.empty())
        return;
    const int first = rowCount();
    beginInsertRows({}, first, first + static_cast<int>(added.size()) - 1);
    for (const RunRow *r : added) {
        m_index.insert(QString::fromStdString(r->path), rowCount());
        m_rows.push_back(*r);
    }
    endInsertRows();
}

void LibraryTableModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_index.clear();
    endResetModel();
}

} // namespace hpa::ui
