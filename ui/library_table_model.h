#pragma once

#include "core/library/run_columns.h"
#include "core/library/run_row.h"

#include <QAbstractTableModel>
#include <QHash>

#include <vector>

namespace hpa::ui {

/// The library's runs, one row each, columns as core::RunColumns. Virtual: a row is a
/// RunRow in a vector and cells are made on demand, so 10,000 runs cost no widgets. Rows
/// arrive in batches while the scan goes on; a run already listed is updated in place.
class LibraryTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    /// The value to sort on: a double (unknown = invalid QVariant) or lower-case text.
    static constexpr int SortRole = Qt::UserRole + 1;
    /// The run's absolute path.
    static constexpr int PathRole = Qt::UserRole + 2;

    explicit LibraryTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    /// Tags and notes are editable; an edit emits userTextEdited.
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    /// Adds `rows` (or replaces those whose path is listed already).
    void addRows(const std::vector<core::RunRow> &rows);
    void clear();
    const core::RunRow &run(int row) const { return m_rows[static_cast<std::size_t>(row)]; }
    const std::vector<core::RunRow> &runs() const { return m_rows; }
    /// The row of `path`, -1 when not listed.
    int rowOf(const QString &path) const { return m_index.value(path, -1); }

signals:
    void userTextEdited(const QString &path, const QString &tags, const QString &notes);

private:
    std::vector<core::RunRow> m_rows;
    QHash<QString, int> m_index;
};

} // namespace hpa::ui
