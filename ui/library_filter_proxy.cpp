#include "ui/library_filter_proxy.h"

#include "core/library/run_columns.h"
#include "ui/library_table_model.h"

namespace hpa::ui {

LibraryFilterProxy::LibraryFilterProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
}

void LibraryFilterProxy::setFilterWords(const QString &text)
{
    m_text = text;
    m_words = text.simplified().toStdString();
    invalidateFilter();
}

void LibraryFilterProxy::setDateRange(std::optional<double> from, std::optional<double> to)
{
    m_from = from;
    m_to = to;
    invalidateFilter();
}

bool LibraryFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    const auto *model = qobject_cast<const LibraryTableModel *>(sourceModel());
    if (!model || sourceRow >= model->rowCount())
        return true;
    const core::RunRow &r = model->run(sourceRow);
    if (!core::RunColumns::matches(r, m_words))
        return false;
    if (m_from || m_to) {
        if (!r.startSeconds)
            return false;
        if (m_from && *r.startSeconds < *m_from)
            return false;
        if (m_to && *r.startSeconds >= *m_to)
            return false;
    }
    return true;
}

bool LibraryFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const auto *model = qobject_cast<const LibraryTableModel *>(sourceModel());
    if (!model)
        return QSortFilterProxyModel::lessThan(left, right);
    const auto id = static_cast<core::RunColumns::Id>(left.column());
    const core::RunRow &a = model->run(left.row());
    const core::RunRow &b = model->run(right.row());
    // Unknown values stay last whichever way the column is sorted.
    if (sortOrder() == Qt::DescendingOrder &&
        core::RunColumns::column(id).kind != core::RunColumns::Kind::Text) {
        const bool ka = core::RunColumns::number(a, id).has_value();
        const bool kb = core::RunColumns::number(b, id).has_value();
        if (ka != kb)
            return !ka;
    }
    return core::RunColumns::less(a, b, id);
}

} // namespace hpa::ui
