#pragma once

#include "core/model/scaling_event.h"

#include <QSortFilterProxyModel>

#include <optional>

namespace hpa::ui {

/// Filters an EventTableModel by kind and by free text, and sorts on its numeric SortRole.
class EventFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit EventFilterProxy(QObject *parent = nullptr);

    /// Only events of this kind; nullopt shows all kinds.
    void setKindFilter(std::optional<core::EventKind> kind);
    std::optional<core::EventKind> kindFilter() const { return m_kind; }
    /// Case-insensitive substring of any column's text or of the full event text.
    void setSearchText(const QString &text);
    QString searchText() const { return m_search; }
    /// True when a kind or a text filter is set.
    bool isFiltering() const { return m_kind.has_value() || !m_search.isEmpty(); }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    std::optional<core::EventKind> m_kind;
    QString m_search;
};

} // namespace hpa::ui
