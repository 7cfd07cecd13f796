#pragma once

#include "core/model/experiment.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QStringList>

#include <memory>
#include <vector>

namespace hpa::ui {

/// metrics.csv as a table for the Data tab: time, elapsed, every column of the file (plus the
/// derived KV cache percentages) and the threshold flags. Reads the experiment's vectors on
/// demand, so a million rows cost nothing up front.
class MetricsTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Role
    {
        SortRole = Qt::UserRole + 1, ///< double; missing values sort first
        SourceLineRole,              ///< the row's line in metrics.csv
        MissingRole,                 ///< true for a metric cell without a value
        /// true for every cell of a column that is not collected (core::CollectedSeries):
        /// shown empty, not as 0
        NotCollectedRole
    };

    explicit MetricsTableModel(QObject *parent = nullptr);

    /// Shows `experiment`; elapsed seconds count from `origin` (an experiment time).
    void setExperiment(std::shared_ptr<const core::Experiment> experiment, double origin);
    /// Shows `experiment`, a followed run that grew: its first `unchangedRows` rows are the
    /// shown ones, unchanged (LoadedExperiment::unchangedRows). Inserts only the new rows (no
    /// reset: the view keeps its sort, scroll and selection); false, and nothing done, when
    /// the rows shown are not all unchanged or the columns differ.
    bool appendRows(std::shared_ptr<const core::Experiment> experiment, std::size_t unchangedRows);
    void clear();
    const std::shared_ptr<const core::Experiment> &experiment() const { return m_experiment; }

    /// Column of the metric with this canonical key, or -1.
    int columnOfKey(std::string_view key) const;
    int timeColumn() const { return 0; }
    int elapsedColumn() const { return 1; }
    /// First of the three flag columns (waiting, KV cache, any exceeded).
    int firstFlagColumn() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    void readCorrectionsAndWarnings();

    enum class Flag
    {
        Waiting,
        KvCache,
        Any
    };

    bool flag(Flag which, std::size_t row) const;
    bool metricExceeded(std::size_t column, std::size_t row) const;
    QString missingTooltip(std::size_t column, std::size_t row) const;
    QVariant metricData(std::size_t column, std::size_t row, int role) const;
    QVariant flagData(Flag which, std::size_t row, int role) const;

    std::shared_ptr<const core::Experiment> m_experiment;
    double m_origin = 0;
    std::vector<bool> m_waitingExceeded;
    std::vector<bool> m_kvExceeded;
    int m_waitingColumn = -1; ///< metric column index (not model column)
    int m_kvColumn = -1;
    std::vector<bool> m_notCollected; ///< per metric column
    /// Waiting cells read as milli-units, by row.
    QHash<qsizetype, core::WaitingCorrection> m_corrections;
    /// Warnings of metrics.csv by source line.
    QHash<int, QStringList> m_lineWarnings;
};

} // namespace hpa::ui
