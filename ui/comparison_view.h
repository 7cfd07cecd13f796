#pragma once

#include "core/analysis/comparison.h"

#include <QWidget>

#include <optional>

class QLabel;
class QTableView;
class QTableWidget;

namespace hpa::ui {

class ComparisonTableModel;

/// The "Comparison" tab: the statistics of A and B side by side and the settings that differ.
class ComparisonView : public QWidget
{
    Q_OBJECT
public:
    explicit ComparisonView(QWidget *parent = nullptr);

    void setComparison(std::optional<core::ExperimentComparison> comparison);
    ComparisonTableModel *model() const { return m_model; }
    QTableWidget *metadataTable() const { return m_metadata; }

private:
    void copyAsText();

    QLabel *m_title;
    QTableView *m_view;
    ComparisonTableModel *m_model;
    QLabel *m_metadataTitle;
    QTableWidget *m_metadata;
};

} // namespace hpa::ui
