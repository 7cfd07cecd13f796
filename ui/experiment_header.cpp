#include "ui/experiment_header.h"

#include "ui/charts/font_scale.h"

#include "core/model/timestamp.h"
#include "core/report/summary_text.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <array>

namespace hpa::ui {

namespace {

constexpr std::array<std::pair<const char *, const char *>, 4> kLeadingKeys{{
    {"namespace", QT_TRANSLATE_NOOP("hpa::ui::ExperimentHeader", "Namespace")},
    {"hpa_name", QT_TRANSLATE_NOOP("hpa::ui::ExperimentHeader", "HPA")},
    {"deployment_name", QT_TRANSLATE_NOOP("hpa::ui::ExperimentHeader", "Deployment")},
    {"model_name", QT_TRANSLATE_NOOP("hpa::ui::ExperimentHeader", "Model")},
}};

constexpr const char *kConfigFile = "experiment-config.yaml";

QString pair(const QString &key, const QString &value, const QColor &muted)
{
    return QStringLiteral("<span style='color:%1'>%2:</span>&nbsp;%3")
        .arg(muted.name(), key.toHtmlEscaped(), value.toHtmlEscaped());
}

} // namespace

ExperimentHeader::ExperimentHeader(QWidget *parent)
    : QWidget(parent), m_name(new QLabel(this)), m_span(new QLabel(this)),
      m_metadata(new QLabel(this)), m_more(new QLabel(this)), m_moreButton(new QToolButton(this)),
      m_hpa(new QPushButton(tr("HPA description…"), this)),
      m_config(new QPushButton(tr("Configuration…"), this)),
      m_files(new QPushButton(tr("Files…"), this))
{
    QFont nameFont = m_name->font();
    nameFont.setBold(true);
    nameFont = FontScale::scaled(nameFont, 1.3);
    m_name->setFont(nameFont);
    m_name->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_span->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // "2025-11-20T14:03:12Z → 2025-11-20T14:13:40Z · 10m 28s" in one line set the charts'
    // minimum width by itself and squeezed the events dock of a laptop-sized window: it wraps.
    m_span->setWordWrap(true);
    m_metadata->setTextFormat(Qt::RichText);
    m_metadata->setWordWrap(true);
    m_metadata->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_more->setTextFormat(Qt::RichText);
    m_more->setWordWrap(true);
    m_more->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_more->hide();
    m_moreButton->setAutoRaise(true);
    connect(m_moreButton, &QToolButton::clicked, this, [this] {
        m_more->setVisible(!m_more->isVisible());
        setExperiment(m_experiment);
    });

    m_hpa->setToolTip(tr("The `kubectl describe hpa` text recorded at the start"));
    m_config->setToolTip(tr("experiment-config.yaml"));
    m_files->setToolTip(tr("Logs, README, benchmark results and kubectl snapshots"));
    connect(m_hpa, &QPushButton::clicked, this, [this] {
        if (m_experiment) {
            openViewer(
                {{tr("HPA description"), QString::fromStdString(m_experiment->hpaDescription)}},
                tr("HPA description"));
        }
    });
    connect(m_config, &QPushButton::clicked, this, [this] {
        if (const core::TextDocument *d = document(kConfigFile)) {
            openViewer({{QString::fromStdString(d->fileName), QString::fromStdString(d->content)}},
                       QString::fromStdString(d->fileName));
        }
    });
    connect(m_files, &QPushButton::clicked, this, [this] { openViewer(files(), tr("Files")); });

    auto *title = new QHBoxLayout;
    title->addWidget(m_name);
    title->addSpacing(12);
    title->addWidget(m_span, 1);
    title->addWidget(m_hpa);
    title->addWidget(m_config);
    title->addWidget(m_files);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->setSpacing(2);
    layout->addLayout(title);
    auto *meta = new QHBoxLayout;
    meta->addWidget(m_metadata, 1);
    meta->addWidget(m_moreButton);
    layout->addLayout(meta);
    layout->addWidget(m_more);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    clear();
}

void ExperimentHeader::setExperiment(std::shared_ptr<const core::Experiment> experiment)
{
    m_experiment = std::move(experiment);
    if (!m_experiment) {
        m_name->setText(tr("No experiment"));
        m_span->clear();
        m_metadata->clear();
        m_metadata->hide();
        m_more->clear();
        m_more->hide();
        m_moreButton->hide();
        m_hpa->setEnabled(false);
        m_config->setEnabled(false);
        m_files->setEnabled(false);
        return;
    }
    const core::Experiment &e = *m_experiment;
    m_name->setText(QString::fromStdString(e.name));
    m_name->setToolTip(QString::fromStdString(e.path));

    const core::MetricsTable &m = e.metrics;
    if (m.empty()) {
        m_span->setText(tr("no samples"));
    } else {
        const double first = m.time().front();
        const double last = m.time().back();
        // The line may wrap between the parts, never inside one ("28m / 54s").
        const auto whole = [](const std::string &part) {
            return QString::fromStdString(part).replace(QLatin1Char(' '), QChar::Nbsp);
        };
        m_span->setText(tr("%1 → %2 · %3")
                            .arg(whole(core::Timestamp::format(first, m.naiveTime())),
                                 whole(core::Timestamp::format(last, m.naiveTime())),
                                 whole(core::SummaryText::duration(last - first))));
    }

    const QColor muted = palette().color(QPalette::PlaceholderText);
    const auto entries = e.metadata.entries();
    QStringList parts;
    for (const auto &[key, label] : kLeadingKeys) {
        const auto it = std::find_if(entries.begin(), entries.end(),
                                     [&](const auto &entry) { return entry.first == key; });
        if (it != entries.end() && !it->second.empty())
            parts << pair(tr(label), QString::fromStdString(it->second), muted);
    }
    parts << pair(tr("layout"), QString::fromUtf8(core::layoutKey(e.layout)), muted);
    QStringList more;
    for (const auto &[key, value] : entries) {
        const bool leading = std::any_of(kLeadingKeys.begin(), kLeadingKeys.end(),
                                         [&](const auto &k) { return key == k.first; });
        // The folder name already heads the band; repeat the metadata name only if it differs.
        if (leading || (key == "experiment_name" && value == e.name))
            continue;
        more << pair(QString::fromStdString(key), QString::fromStdString(value), muted);
    }
    m_metadata->setText(parts.join(QStringLiteral(" &nbsp;·&nbsp; ")));
    // The rest of metadata.json can be long (descriptions, policies): one click away, so the
    // charts keep their height.
    m_more->setText(more.join(QStringLiteral(" &nbsp;·&nbsp; ")));
    m_moreButton->setVisible(!more.isEmpty());
    m_moreButton->setText(m_more->isVisible() ? tr("Less") : tr("%n more…", nullptr, more.size()));
    m_moreButton->setToolTip(tr("Show the other %n metadata.json entries", nullptr, more.size()));
    if (more.isEmpty())
        m_more->hide();
    m_metadata->show();

    m_hpa->setEnabled(!e.hpaDescription.empty());
    m_config->setEnabled(document(kConfigFile) != nullptr);
    m_files->setEnabled(!files().isEmpty());
}

void ExperimentHeader::clear()
{
    setExperiment(nullptr);
}

QVector<TextViewerDialog::Document> ExperimentHeader::files() const
{
    QVector<TextViewerDialog::Document> out;
    if (!m_experiment)
        return out;
    for (const core::TextDocument &d : m_experiment->documents)
        out.push_back({QString::fromStdString(d.fileName), QString::fromStdString(d.content)});
    if (!m_experiment->kubernetesEvents.empty())
        out.push_back(
            {QStringLiteral("events.log"), renderSnapshots(m_experiment->kubernetesEvents)});
    if (!m_experiment->jobSnapshots.empty())
        out.push_back({QStringLiteral("jobs.log"), renderSnapshots(m_experiment->jobSnapshots)});
    return out;
}

QString ExperimentHeader::renderSnapshots(const std::vector<core::KubectlSnapshot> &snapshots)
{
    QString out;
    for (const core::KubectlSnapshot &s : snapshots) {
        if (!out.isEmpty())
            out += QLatin1Char('\n');
        out += QStringLiteral("=== %1").arg(QString::fromStdString(s.title));
        if (s.time)
            out += QStringLiteral(" at %1").arg(
                QString::fromStdString(core::Timestamp::format(*s.time, s.naiveTime)));
        out += QStringLiteral(" ===\n");
        if (!s.message.empty())
            out += QString::fromStdString(s.message) + QLatin1Char('\n');
        if (s.header.empty())
            continue;
        // Re-align the columns: cells were split on the header's starts and trimmed.
        std::vector<qsizetype> widths(s.header.size(), 0);
        const auto measure = [&widths](const std::vector<std::string> &cells) {
            for (std::size_t c = 0; c < cells.size() && c < widths.size(); ++c)
                widths[c] = std::max(widths[c], QString::fromStdString(cells[c]).size());
        };
        measure(s.header);
        for (const auto &row : s.rows)
            measure(row);
        const auto line = [&widths](const std::vector<std::string> &cells) {
            QString text;
            for (std::size_t c = 0; c < cells.size(); ++c) {
                const QString cell = QString::fromStdString(cells[c]);
                text += c + 1 < cells.size() && c < widths.size()
                            ? cell.leftJustified(widths[c] + 3)
                            : cell;
            }
            return text + QLatin1Char('\n');
        };
        out += line(s.header);
        for (const auto &row : s.rows)
            out += line(row);
    }
    return out;
}

void ExperimentHeader::openViewer(const QVector<TextViewerDialog::Document> &documents,
                                  const QString &title)
{
    if (documents.isEmpty())
        return;
    auto *dialog = new TextViewerDialog(window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setDocuments(documents);
    if (documents.size() > 1 && m_experiment)
        dialog->setWindowTitle(
            tr("%1 — %2").arg(title, QString::fromStdString(m_experiment->name)));
    dialog->show();
}

const core::TextDocument *ExperimentHeader::document(const std::string &fileName) const
{
    if (!m_experiment)
        return nullptr;
    for (const core::TextDocument &d : m_experiment->documents) {
        if (d.fileName == fileName)
            return &d;
    }
    return nullptr;
}

} // namespace hpa::ui
