#pragma once

#include "core/import/prometheus_client.h"
#include "core/import/prometheus_importer.h"

#include <QDateTime>
#include <QDialog>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>

class QComboBox;
class QDateTimeEdit;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableView;

namespace hpa::app {

class PrometheusPreviewModel;

/// File > Import from Prometheus…: server and bearer token, namespace / HPA / deployment lists
/// filled from the server's label values, time range (UTC), step, preset, a preview of what
/// each query returns, and the import itself. Every request runs off the GUI thread; Cancel
/// stops it. The token is only held in memory for the requests.
class PrometheusImportDialog : public QDialog
{
    Q_OBJECT
public:
    explicit PrometheusImportDialog(QWidget *parent = nullptr);
    ~PrometheusImportDialog() override;

    void setUrl(const QString &url);
    void setToken(const QString &token);
    void setRange(const QDateTime &from, const QDateTime &to);
    void setStep(double seconds);
    /// The folder the import is written to (must not exist yet).
    void setOutputFolder(const QString &dir);
    QString outputFolder() const;

    QStringList namespaces() const;
    QStringList hpas() const;
    QStringList deployments() const;
    void selectNamespace(const QString &ns);
    void selectHpa(const QString &hpa);

    PrometheusPreviewModel *previewModel() const { return m_preview; }
    bool busy() const { return m_busy; }
    QString status() const;

public slots:
    /// Lists the namespaces that hold an HPA.
    void connectToServer();
    /// Asks every query of the preset on a coarse grid and shows what came back.
    void preview();
    /// Imports, then emits imported() and closes.
    void startImport();
    void cancel();

signals:
    void imported(const QString &dir);
    /// A background request ended (for tests and the busy state).
    void idle();

private:
    void build();
    /// Lists the HPAs and deployments of the namespace chosen.
    void refreshHpas();
    void suggestOutput();
    void setBusy(bool busy, const QString &what);
    void fail(const QString &message);
    core::PrometheusImporter::Request request(QString *problem) const;
    /// What the label look-ups ask of the server: its address and token, the dialog's stop
    /// flag, and the time range chosen (seconds since the epoch).
    struct ServerQuery
    {
        core::PrometheusClient::Options options;
        double from = 0;
        double to = 0;
    };
    ServerQuery serverQuery() const;
    /// Runs `work` on the thread pool; `done` gets its result on the GUI thread unless the
    /// dialog is gone by then.
    template <typename Result>
    void runInBackground(const QString &what, std::function<Result()> work,
                         std::function<void(const Result &)> done);

    QLineEdit *m_url, *m_token, *m_output;
    QComboBox *m_namespace, *m_hpa, *m_deployment, *m_preset;
    QDateTimeEdit *m_from, *m_to;
    QDoubleSpinBox *m_step;
    QTableView *m_table;
    PrometheusPreviewModel *m_preview;
    QProgressBar *m_progress;
    QLabel *m_status;
    QPushButton *m_connectButton, *m_previewButton, *m_importButton, *m_cancelButton;
    QDialogButtonBox *m_buttons;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    bool m_busy = false;
    bool m_outputEdited = false;
};

} // namespace hpa::app
