#pragma once

#include "core/analysis/job_summary.h"

#include <QAbstractTableModel>

#include <vector>

namespace hpa::ui {

/// The `vllm bench serve` jobs of an experiment, one row each: placement, configuration and
/// the client-side results. Missing figures are empty cells, never 0.
class JobTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Role
    {
        SortRole = Qt::UserRole + 1, ///< a number for numeric columns, else the text
        JobIndexRole                 ///< index into the jobs given to setJobs
    };

    explicit JobTableModel(QObject *parent = nullptr);

    /// Replaces the rows.
    void setJobs(std::vector<core::JobSummary> jobs);
    const std::vector<core::JobSummary> &jobs() const { return m_jobs; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::vector<core::JobSummary> m_jobs;
};

} // namespace hpa::ui
