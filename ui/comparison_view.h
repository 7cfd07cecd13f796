#pragma once

#include "core/analysis/run_comparison.h"

#include <QWidget>

#include <optional>

class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;
class QTableWidget;

namespace hpa::ui {

class ComparisonTableModel;

/// The "Comparison" tab: the statistics of A, B, C, … side by side (each later run with its
/// difference from A), filtered by words of the statistic, and the settings that differ.
class ComparisonView : public QWidget
{
    Q_OBJECT
public:
    explicit ComparisonView(QWidget *parent = nullptr);

    void setComparison(std::optional<core::RunComparison> comparison);
    ComparisonTableModel *model() const { return m_model; }
    /// What the table shows: the model through the statistic filter.
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QLineEdit *filterEdit() const { return m_filter; }
    QTableView *tableView() const { return m_view; }
    QTableWidget *metadataTable() const { return m_metadata; }

private:
    void copyAsText();
    QString titleText(const core::RunComparison &comparison) const;

    QLabel *m_title;
    QTableView *m_view;
    ComparisonTableModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_filter;
    QLabel *m_metadataTitle;
    QTableWidget *m_metadata;
};

} // namespace hpa::ui
