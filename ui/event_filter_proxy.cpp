#include "ui/event_filter_proxy.h"

#include "ui/event_table_model.h"

namespace hpa::ui {

EventFilterProxy::EventFilterProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(EventTableModel::SortRole);
}

void EventFilterProxy::setKindFilter(std::optional<core::EventKind> kind)
{
    if (kind == m_kind)
        return;
    m_kind = kind;
    invalidateFilter();
}

void EventFilterProxy::setSearchText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_search)
        return;
    m_search = trimmed;
    invalidateFilter();
}

bool EventFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *model = sourceModel();
    if (!model)
        return false;
    const QModelIndex first = model->index(sourceRow, 0, sourceParent);
    if (m_kind && first.data(EventTableModel::KindRole).toInt() != static_cast<int>(*m_kind))
        return false;
    if (m_search.isEmpty())
        return true;
    if (first.data(EventTableModel::TextRole).toString().contains(m_search, Qt::CaseInsensitive))
        return true;
    for (int c = 0; c < model->columnCount(sourceParent); ++c) {
        const QString text = model->index(sourceRow, c, sourceParent).data().toString();
        if (text.contains(m_search, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace hpa::ui
