#pragma once

#include "core/analysis/experiment_summary.h"

#include <QWidget>

#include <optional>
#include <utility>

class QLabel;
class QPlainTextEdit;
class QSortFilterProxyModel;
class QTableView;

namespace hpa::ui {

class JobTableModel;

/// The Jobs dock: the bench jobs, sortable, and below them the selected job's placement and
/// result block as the log printed it. Selecting a placed job emits its span.
class JobsView : public QWidget
{
    Q_OBJECT
public:
    explicit JobsView(QWidget *parent = nullptr);

    /// The jobs of `summary` (none: a note says the folder has no job-logs/).
    void setSummary(const core::ExperimentSummary &summary);
    void clear();

    JobTableModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    /// The text shown for the selected job.
    QString detailText() const;

signals:
    /// The selected job's span on the experiment clock, or nullopt (none, or not placed).
    void jobSpanSelected(std::optional<std::pair<double, double>> span);

private:
    void showSelected();

    JobTableModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
    QLabel *m_note;
    QPlainTextEdit *m_detail;
};

} // namespace hpa::ui
