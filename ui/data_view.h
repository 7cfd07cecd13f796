#pragma once

#include "core/model/experiment.h"

#include <QWidget>

#include <cstddef>
#include <memory>

class QLabel;
class QSortFilterProxyModel;
class QTableView;

namespace hpa::ui {

class MetricsTableModel;

/// The Data tab: every sample of metrics.csv in a sortable table, with a row count.
class DataView : public QWidget
{
    Q_OBJECT
public:
    explicit DataView(QWidget *parent = nullptr);

    void setExperiment(std::shared_ptr<const core::Experiment> experiment, double origin);
    /// A followed run that grew (MetricsTableModel::appendRows): the new rows are added, the
    /// user's sort, scroll and column widths kept; false when it had to be shown anew.
    bool appendRows(std::shared_ptr<const core::Experiment> experiment, std::size_t unchangedRows);
    void clear();
    /// Selects and scrolls to the sample nearest to experiment time `time`.
    void showTime(double time);

    MetricsTableModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    QLabel *countLabel() const { return m_count; }

private:
    void updateCount();

    MetricsTableModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_view;
    QLabel *m_count;
};

} // namespace hpa::ui
