#include "app/gui/prometheus_import_dialog.h"

#include "app/cli/preset_locator.h"
#include "app/gui/prometheus_preview_model.h"
#include "core/import/prometheus_client.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>

namespace hpa::app {

namespace {

/// What a label-values request gave: the values, or one line saying why not.
struct Labels
{
    QStringList values;
    QString error;
};

Labels labelValues(const core::PrometheusClient::Options &options,
                   const std::vector<std::pair<std::string, std::string>> &tries, double from,
                   double to)
{
    const core::PrometheusClient client(options);
    Labels labels;
    for (const auto &[label, match] : tries) {
        const auto answer = client.labelValues(label, match, from, to);
        if (!answer.ok) {
            labels.error = QString::fromStdString(answer.error);
            return labels;
        }
        for (const std::string &v : answer.labelValues)
            labels.values << QString::fromStdString(v);
        if (!labels.values.isEmpty())
            break;
    }
    labels.values.sort();
    return labels;
}

void fill(QComboBox *box, const QStringList &values)
{
    const QString current = box->currentText();
    box->clear();
    box->addItems(values);
    if (values.contains(current))
        box->setCurrentText(current);
}

} // namespace

PrometheusImportDialog::PrometheusImportDialog(QWidget *parent)
    : QDialog(parent), m_preview(new PrometheusPreviewModel(this)),
      m_cancel(std::make_shared<std::atomic<bool>>(false))
{
    setWindowTitle(tr("Import from Prometheus"));
    build();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime end = now.addSecs(-(now.time().second()));
    setRange(end.addSecs(-3600), end);
    suggestOutput();
    resize(900, 640);
}

PrometheusImportDialog::~PrometheusImportDialog()
{
    // A running request stops: nothing is waiting for its answer any more.
    m_cancel->store(true);
}

void PrometheusImportDialog::build()
{
    m_url = new QLineEdit(QStringLiteral("http://localhost:9090"));
    m_url->setPlaceholderText(tr("http(s)://host:port of Prometheus, Thanos, Mimir, ..."));
    m_token = new QLineEdit;
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(tr("optional bearer token (kept in memory only)"));
    m_connectButton = new QPushButton(tr("&Connect"));
    auto *server = new QHBoxLayout;
    server->addWidget(m_url, 1);
    server->addWidget(m_connectButton);

    m_namespace = new QComboBox;
    m_hpa = new QComboBox;
    m_deployment = new QComboBox;
    for (QComboBox *box : {m_namespace, m_hpa, m_deployment}) {
        box->setEditable(true);
        box->setMinimumContentsLength(24);
    }
    m_deployment->lineEdit()->setPlaceholderText(tr("the HPA's scale target"));
    m_from = new QDateTimeEdit;
    m_to = new QDateTimeEdit;
    for (QDateTimeEdit *edit : {m_from, m_to}) {
        edit->setTimeSpec(Qt::UTC);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"));
        edit->setCalendarPopup(true);
    }
    auto *range = new QHBoxLayout;
    range->addWidget(m_from);
    range->addWidget(new QLabel(tr("to")));
    range->addWidget(m_to);
    range->addStretch();
    m_step = new QDoubleSpinBox;
    m_step->setRange(0.001, 86400);
    m_step->setDecimals(3);
    m_step->setValue(5);
    m_step->setSuffix(tr(" s"));
    m_preset = new QComboBox;
    m_preset->addItems(QStringList::fromVector([] {
        QVector<QString> names;
        for (const std::string &n : PresetLocator::builtin())
            names << QString::fromStdString(n);
        return names;
    }()));
    m_preset->setCurrentText(QStringLiteral("vllm-ksm"));
    m_output = new QLineEdit;
    auto *browse = new QPushButton(tr("&Browse…"));
    auto *output = new QHBoxLayout;
    output->addWidget(m_output, 1);
    output->addWidget(browse);

    auto *form = new QFormLayout;
    form->addRow(tr("Server:"), server);
    form->addRow(tr("Bearer token:"), m_token);
    form->addRow(tr("Namespace:"), m_namespace);
    form->addRow(tr("HPA:"), m_hpa);
    form->addRow(tr("Deployment:"), m_deployment);
    form->addRow(tr("Time range:"), range);
    form->addRow(tr("Step:"), m_step);
    form->addRow(tr("Queries:"), m_preset);
    form->addRow(tr("New folder:"), output);

    m_table = new QTableView;
    m_table->setModel(m_preview);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(PrometheusPreviewModel::Query,
                                                      QHeaderView::Stretch);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(false);

    m_progress = new QProgressBar;
    m_progress->setRange(0, 1000);
    m_progress->setVisible(false);
    m_status = new QLabel;
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_buttons = new QDialogButtonBox;
    m_previewButton = m_buttons->addButton(tr("&Preview"), QDialogButtonBox::ActionRole);
    m_importButton = m_buttons->addButton(tr("&Import"), QDialogButtonBox::AcceptRole);
    m_cancelButton = m_buttons->addButton(QDialogButtonBox::Cancel);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Preview: what each query returns")));
    layout->addWidget(m_table, 1);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);

    connect(m_connectButton, &QPushButton::clicked, this, &PrometheusImportDialog::connectToServer);
    connect(m_previewButton, &QPushButton::clicked, this, &PrometheusImportDialog::preview);
    connect(m_importButton, &QPushButton::clicked, this, &PrometheusImportDialog::startImport);
    connect(m_cancelButton, &QPushButton::clicked, this, &PrometheusImportDialog::cancel);
    connect(m_namespace, &QComboBox::currentTextChanged, this,
            &PrometheusImportDialog::refreshHpas);
    connect(m_hpa, &QComboBox::currentTextChanged, this, &PrometheusImportDialog::suggestOutput);
    connect(m_from, &QDateTimeEdit::dateTimeChanged, this, &PrometheusImportDialog::suggestOutput);
    connect(m_output, &QLineEdit::textEdited, this, [this] { m_outputEdited = true; });
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(
            this, tr("Folder to create the import in"), QFileInfo(outputFolder()).path());
        if (dir.isEmpty())
            return;
        m_output->setText(QDir(dir).filePath(QFileInfo(outputFolder()).fileName()));
    });
}

void PrometheusImportDialog::setUrl(const QString &url)
{
    m_url->setText(url);
}

void PrometheusImportDialog::setToken(const QString &token)
{
    m_token->setText(token);
}

void PrometheusImportDialog::setRange(const QDateTime &from, const QDateTime &to)
{
    m_from->setDateTime(from.toUTC());
    m_to->setDateTime(to.toUTC());
}

void PrometheusImportDialog::setStep(double seconds)
{
    m_step->setValue(seconds);
}

void PrometheusImportDialog::setOutputFolder(const QString &dir)
{
    m_output->setText(dir);
    m_outputEdited = true;
}

QString PrometheusImportDialog::outputFolder() const
{
    return m_output->text().trimmed();
}

QStringList PrometheusImportDialog::namespaces() const
{
    QStringList out;
    for (int i = 0; i < m_namespace->count(); ++i)
        out << m_namespace->itemText(i);
    return out;
}

QStringList PrometheusImportDialog::hpas() const
{
    QStringList out;
    for (int i = 0; i < m_hpa->count(); ++i)
        out << m_hpa->itemText(i);
    return out;
}

QStringList PrometheusImportDialog::deployments() const
{
    QStringList out;
    for (int i = 0; i < m_deployment->count(); ++i)
        out << m_deployment->itemText(i);
    return out;
}

void PrometheusImportDialog::selectNamespace(const QString &ns)
{
    m_namespace->setCurrentText(ns);
}

void PrometheusImportDialog::selectHpa(const QString &hpa)
{
    m_hpa->setCurrentText(hpa);
}

QString PrometheusImportDialog::status() const
{
    return m_status->text();
}

template <typename Result>
void PrometheusImportDialog::runInBackground(const QString &what, std::function<Result()> work,
                                             std::function<void(const Result &)> done)
{
    m_cancel->store(false);
    setBusy(true, what);
    auto *watcher = new QFutureWatcher<Result>(this);
    connect(watcher, &QFutureWatcher<Result>::finished, this, [this, watcher, done] {
        const Result result = watcher->result();
        watcher->deleteLater();
        setBusy(false, {});
        done(result);
        emit idle();
    });
    watcher->setFuture(QtConcurrent::run(std::move(work)));
}

void PrometheusImportDialog::setBusy(bool busy, const QString &what)
{
    m_busy = busy;
    m_progress->setVisible(busy);
    m_progress->setValue(0);
    for (QWidget *w :
         std::initializer_list<QWidget *>{m_connectButton, m_previewButton, m_importButton})
        w->setEnabled(!busy);
    m_cancelButton->setText(busy ? tr("Stop") : tr("Cancel"));
    if (busy)
        m_status->setText(what);
}

void PrometheusImportDialog::fail(const QString &message)
{
    m_status->setText(
        QStringLiteral("<span style='color:#b00020'>%1</span>").arg(message.toHtmlEscaped()));
}

void PrometheusImportDialog::cancel()
{
    if (m_busy) {
        m_cancel->store(true);
        m_status->setText(tr("Stopping…"));
        return;
    }
    reject();
}

void PrometheusImportDialog::connectToServer()
{
    const ServerQuery query = serverQuery();
    const auto cancelFlag = m_cancel; // kept alive with the job
    runInBackground<Labels>(
        tr("Asking %1 for its namespaces…").arg(m_url->text()),
        [query, cancelFlag] {
            return labelValues(
                query.options,
                {{"namespace", "{__name__=~\"kube_horizontalpodautoscaler_status_current_"
                               "replicas|kube_hpa_status_current_replicas\"}"}},
                query.from, query.to);
        },
        [this](const Labels &labels) {
            if (!labels.error.isEmpty())
                return fail(labels.error);
            fill(m_namespace, labels.values);
            m_status->setText(labels.values.isEmpty()
                                  ? tr("No HPA series (kube-state-metrics) in this time range.")
                                  : tr("%n namespace(s) with an HPA.", nullptr,
                                       static_cast<int>(labels.values.size())));
            refreshHpas();
        });
}

void PrometheusImportDialog::refreshHpas()
{
    const std::string ns = m_namespace->currentText().trimmed().toStdString();
    if (m_busy || !core::ImportPreset::isKubernetesName(ns))
        return;
    const ServerQuery query = serverQuery();
    const auto cancelFlag = m_cancel;
    runInBackground<std::pair<Labels, Labels>>(
        tr("Listing the HPAs and deployments of %1…").arg(QString::fromStdString(ns)),
        [query, ns, cancelFlag] {
            const Labels hpas = labelValues(
                query.options,
                {{"horizontalpodautoscaler",
                  "kube_horizontalpodautoscaler_status_current_replicas{namespace=\"" + ns + "\"}"},
                 {"hpa", "kube_hpa_status_current_replicas{namespace=\"" + ns + "\"}"}},
                query.from, query.to);
            const Labels deployments = labelValues(
                query.options,
                {{"deployment", "kube_deployment_status_replicas_ready{namespace=\"" + ns + "\"}"}},
                query.from, query.to);
            return std::make_pair(hpas, deployments);
        },
        [this](const std::pair<Labels, Labels> &result) {
            if (!result.first.error.isEmpty())
                return fail(result.first.error);
            fill(m_hpa, result.first.values);
            fill(m_deployment, result.second.values);
            m_status->setText(tr("%1 HPA(s), %2 deployment(s).")
                                  .arg(result.first.values.size())
                                  .arg(result.second.values.size()));
            suggestOutput();
        });
}

void PrometheusImportDialog::suggestOutput()
{
    if (m_outputEdited)
        return;
    const QString hpa = m_hpa->currentText().trimmed();
    const QString name = QStringLiteral("%1-prometheus-%2")
                             .arg(hpa.isEmpty() ? QStringLiteral("hpa") : hpa,
                                  m_from->dateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")));
    m_output->setText(QDir(QDir::homePath()).filePath(QStringLiteral("hpa-imports/") + name));
}

PrometheusImportDialog::ServerQuery PrometheusImportDialog::serverQuery() const
{
    ServerQuery query;
    query.options.baseUrl = m_url->text().trimmed().toStdString();
    query.options.bearerToken = m_token->text().toStdString();
    query.options.cancel = m_cancel.get();
    query.from = static_cast<double>(m_from->dateTime().toSecsSinceEpoch());
    query.to = static_cast<double>(m_to->dateTime().toSecsSinceEpoch());
    return query;
}

core::PrometheusImporter::Request PrometheusImportDialog::request(QString *problem) const
{
    core::PrometheusImporter::Request r;
    const ServerQuery query = serverQuery();
    r.url = query.options.baseUrl;
    r.token = query.options.bearerToken;
    r.ns = m_namespace->currentText().trimmed().toStdString();
    r.hpa = m_hpa->currentText().trimmed().toStdString();
    r.deployment = m_deployment->currentText().trimmed().toStdString();
    r.from = query.from;
    r.to = query.to;
    r.step = m_step->value();
    auto loaded =
        core::ImportPreset::load(PresetLocator::path(m_preset->currentText().toStdString()));
    r.preset = std::move(loaded.preset);
    std::string why = loaded.error;
    if (why.empty())
        why = core::PrometheusImporter::check(r);
    *problem = QString::fromStdString(why);
    return r;
}

void PrometheusImportDialog::preview()
{
    QString problem;
    core::PrometheusImporter::Request r = request(&problem);
    if (!problem.isEmpty())
        return fail(problem);
    // A coarse grid: about 120 points show whether each query answers, quickly.
    r.step = std::max(r.step, std::ceil((r.to - r.from) / 120));
    core::PrometheusImporter::Options options;
    options.cancel = m_cancel.get();
    const auto cancelFlag = m_cancel;
    runInBackground<core::PrometheusImporter::Result>(
        tr("Asking every query on a %1 s grid…").arg(r.step),
        [r, options, cancelFlag] { return core::PrometheusImporter::fetch(r, options); },
        [this](const core::PrometheusImporter::Result &result) {
            if (!result.ok)
                return fail(result.cancelled ? tr("Stopped.")
                                             : QString::fromStdString(result.error));
            m_preview->setRun(result.run);
            m_status->setText(
                result.run.warnings.empty()
                    ? tr("Every query answered.")
                    : QString::fromStdString(result.run.warnings.front()) +
                          (result.run.warnings.size() > 1
                               ? tr(" (and %1 more)").arg(result.run.warnings.size() - 1)
                               : QString()));
        });
}

void PrometheusImportDialog::startImport()
{
    QString problem;
    const core::PrometheusImporter::Request r = request(&problem);
    if (!problem.isEmpty())
        return fail(problem);
    const QString out = outputFolder();
    if (out.isEmpty() || QFileInfo::exists(out))
        return fail(tr("%1 already exists: give a new folder").arg(out));
    QDir().mkpath(QFileInfo(out).absolutePath());
    core::PrometheusImporter::Options options;
    options.cancel = m_cancel.get();
    QPointer<QProgressBar> bar = m_progress;
    options.progress = [bar](double fraction, const std::string &) {
        QMetaObject::invokeMethod(
            bar,
            [bar, fraction] {
                if (bar)
                    bar->setValue(static_cast<int>(fraction * 1000));
            },
            Qt::QueuedConnection);
    };
    const auto cancelFlag = m_cancel;
    const std::string target = out.toStdString();
    runInBackground<core::PrometheusImporter::Result>(
        tr("Importing into %1…").arg(out),
        [r, options, target, cancelFlag] {
            return core::PrometheusImporter::import(r, target, options);
        },
        [this, out](const core::PrometheusImporter::Result &result) {
            if (!result.ok)
                return fail(result.cancelled ? tr("Stopped: nothing was written.")
                                             : QString::fromStdString(result.error));
            m_preview->setRun(result.run);
            emit imported(out);
            accept();
        });
}

} // namespace hpa::app
