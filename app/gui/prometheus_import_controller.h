#pragma once

#include "app/gui/prometheus_import_dialog.h"

#include <QObject>
#include <QPointer>

class QAction;
class QWidget;

namespace hpa::app {

/// File > Import from Prometheus…: opens the import dialog; a finished import is opened.
class PrometheusImportController : public QObject
{
    Q_OBJECT
public:
    explicit PrometheusImportController(QWidget *dialogParent);

    QAction *importAction() const { return m_action; }
    /// The dialog while it is open (tests drive it), else nullptr.
    PrometheusImportDialog *dialog() const { return m_dialog; }

public slots:
    void openDialog();

signals:
    /// A folder was imported: the window opens it.
    void imported(const QString &dir);

private:
    QPointer<QWidget> m_parent;
    QAction *m_action;
    QPointer<PrometheusImportDialog> m_dialog;
};

} // namespace hpa::app
