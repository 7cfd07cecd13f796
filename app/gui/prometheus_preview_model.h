#pragma once

#include "core/import/imported_run.h"

#include <QAbstractTableModel>

#include <vector>

namespace hpa::app {

/// The import dialog's preview: per column of the preset, the query that answered (or that
/// none did), how many grid points hold a value and the last one.
class PrometheusPreviewModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Name,
        Query,
        Points,
        Last,
        ColumnCount
    };

    explicit PrometheusPreviewModel(QObject *parent = nullptr);

    /// Shows what `run` (a coarse fetch of every query) returned.
    void setRun(const core::ImportedRun &run);
    void clear();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        QString name, query;
        int points = 0, total = 0;
        double last = 0;
        bool found = false;
    };
    std::vector<Row> m_rows;
};

} // namespace hpa::app
