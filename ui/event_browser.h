#pragma once

#include "ui/charts/chart_source.h"

#include <QVector>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QStackedWidget;
class QTableView;

namespace hpa::ui {

class EventFilterProxy;
class EventTableModel;

/// The scaling events of the shown run(s): filterable table, the selected event's full text
/// and a count. Lives in a side dock and talks to the charts through eventSelected/selectEvent.
class EventBrowser : public QWidget
{
    Q_OBJECT
public:
    explicit EventBrowser(QWidget *parent = nullptr);

    void setSources(const QVector<ChartSource> &sources);
    /// As wide as every column of the table at its contents' width.
    QSize sizeHint() const override;
    /// Selects and scrolls to the event (clearing the filters if they hide it). Does not emit
    /// eventSelected: the caller already knows.
    void selectEvent(int sourceIndex, int eventIndex);

    EventTableModel *model() const { return m_model; }
    EventFilterProxy *proxy() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    QComboBox *kindCombo() const { return m_kindCombo; }
    QLineEdit *searchEdit() const { return m_search; }
    QPlainTextEdit *detailsPane() const { return m_details; }
    QLabel *countLabel() const { return m_count; }

signals:
    /// The user picked an event (mouse or keyboard); `x` is its chart x.
    void eventSelected(int sourceIndex, int eventIndex, double x);

private:
    void onKindChanged(int comboIndex);
    void onCurrentRowChanged(const QModelIndex &current);
    void updateCount();
    void fitColumns();
    void updateDetails(const QModelIndex &proxyIndex);

    EventTableModel *m_model;
    EventFilterProxy *m_proxy;
    QComboBox *m_kindCombo;
    QLineEdit *m_search;
    QStackedWidget *m_stack;
    QTableView *m_view;
    QLabel *m_empty;
    QPlainTextEdit *m_details;
    QLabel *m_count;
    bool m_selectingProgrammatically = false;
    int m_preferredWidth = 0; ///< fitColumns: the widest the columns have needed
};

} // namespace hpa::ui
