#pragma once

#include "core/model/load_warning.h"

#include <QDialog>

#include <vector>

class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QStandardItemModel;
class QTableView;

namespace hpa::ui {

/// The problems met while loading an experiment: file, line, message; sortable, filterable,
/// copyable.
class WarningsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit WarningsDialog(QWidget *parent = nullptr);

    void setWarnings(const std::vector<core::LoadWarning> &warnings, const QString &experimentName);

    /// The shown (filtered, sorted) warnings as `file:line: message` lines.
    QString visibleText() const;

    QTableView *view() const { return m_view; }
    QLineEdit *filterEdit() const { return m_filter; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }

private:
    void updateCount();

    QStandardItemModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_filter;
    QTableView *m_view;
    QLabel *m_count;
};

} // namespace hpa::ui
