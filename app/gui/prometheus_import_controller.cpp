#include "app/gui/prometheus_import_controller.h"

#include "app/gui/prometheus_import_dialog.h"

#include <QAction>
#include <QWidget>

namespace hpa::app {

PrometheusImportController::PrometheusImportController(QWidget *dialogParent)
    : QObject(dialogParent), m_parent(dialogParent),
      m_action(new QAction(tr("Import from &Prometheus…"), this))
{
    m_action->setStatusTip(tr("Read an HPA run from a Prometheus server into a new folder"));
    connect(m_action, &QAction::triggered, this, &PrometheusImportController::openDialog);
}

void PrometheusImportController::openDialog()
{
    if (m_dialog) {
        m_dialog->raise();
        m_dialog->activateWindow();
        return;
    }
    m_dialog = new PrometheusImportDialog(m_parent);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_dialog, &PrometheusImportDialog::imported, this,
            &PrometheusImportController::imported);
    m_dialog->show();
}

} // namespace hpa::app
