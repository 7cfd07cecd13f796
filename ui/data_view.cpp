#include "ui/data_view.h"

#include "ui/metrics_table_model.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace hpa::ui {

DataView::DataView(QWidget *parent)
    : QWidget(parent), m_model(new MetricsTableModel(this)),
      m_proxy(new QSortFilterProxyModel(this)), m_view(new QTableView(this)),
      m_count(new QLabel(this))
{
    // Re-sorting a million rows on every change would stall the UI; sort only on request.
    m_proxy->setDynamicSortFilter(false);
    m_proxy->setSortRole(MetricsTableModel::SortRole);
    m_proxy->setSourceModel(m_model);

    m_view->setModel(m_proxy);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    // Fixed row heights keep scrolling through a million rows cheap.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_view->setSortingEnabled(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_count);
    updateCount();
}

void DataView::setExperiment(std::shared_ptr<const core::Experiment> experiment, double origin)
{
    // File order first; the user sorts by clicking a header.
    m_view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_proxy->sort(-1);
    m_model->setExperiment(std::move(experiment), origin);
    // Sizing from the first rows only: measuring every row of a big file would take seconds.
    m_view->horizontalHeader()->setResizeContentsPrecision(50);
    m_view->resizeColumnsToContents();
    updateCount();
}

bool DataView::appendRows(std::shared_ptr<const core::Experiment> experiment,
                          std::size_t unchangedRows)
{
    if (!m_model->appendRows(std::move(experiment), unchangedRows))
        return false;
    updateCount();
    return true;
}

void DataView::clear()
{
    setExperiment(nullptr, 0);
}

void DataView::showTime(double time)
{
    const auto &experiment = m_model->experiment();
    if (!experiment || experiment->metrics.empty())
        return;
    const int row = int(experiment->metrics.nearestRow(time));
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid())
        return;
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                         QItemSelectionModel::Rows);
    m_view->scrollTo(index, QAbstractItemView::PositionAtCenter);
}

void DataView::updateCount()
{
    const int rows = m_model->rowCount();
    const int columns = m_model->columnCount();
    if (!m_model->experiment()) {
        m_count->setText(tr("No experiment"));
        return;
    }
    m_count->setText(tr("%1 samples × %2 columns").arg(QLocale().toString(rows)).arg(columns));
}

} // namespace hpa::ui
