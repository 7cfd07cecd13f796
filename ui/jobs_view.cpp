#include "ui/jobs_view.h"

#include "core/model/number_format.h"
#include "ui/job_table_model.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace hpa::ui {

namespace {

QString blockText(const core::BenchJob &job)
{
    QString text;
    text += QStringLiteral("%1  (%2)\n")
                .arg(QString::fromStdString(job.fileName),
                     QString::fromStdString(core::BenchJob::outcomeName(job.outcome)));
    text += QStringLiteral("Placement: %1 — %2\n\n")
                .arg(QString::fromStdString(core::JobPlacement::methodName(job.placement.method)),
                     QString::fromStdString(job.placement.detail));
    if (!job.result) {
        text += QObject::tr("No result block in this log.\n");
        return text;
    }
    text += QStringLiteral("============ Serving Benchmark Result ============\n");
    std::string section;
    for (const core::BenchField &f : job.result->fields) {
        if (f.section != section) {
            section = f.section;
            const QString s = QStringLiteral(" %1 ").arg(QString::fromStdString(section));
            const int pad = std::max(0, 50 - static_cast<int>(s.size()));
            text += QString(pad / 2, QLatin1Char('-')) + s +
                    QString(pad - pad / 2, QLatin1Char('-')) + QLatin1Char('\n');
        }
        text += QStringLiteral("%1 %2\n")
                    .arg(QString::fromStdString(f.label), -40)
                    .arg(QString::fromStdString(f.text));
    }
    text += job.result->complete ? QString(50, QLatin1Char('=')) + QLatin1Char('\n')
                                 : QObject::tr("(the log ends here: the block is cut off)\n");
    return text;
}

} // namespace

JobsView::JobsView(QWidget *parent)
    : QWidget(parent), m_model(new JobTableModel(this)), m_proxy(new QSortFilterProxyModel(this)),
      m_table(new QTableView(this)), m_note(new QLabel(this)), m_detail(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("JobsView"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(JobTableModel::SortRole);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(-1, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->setAlternatingRowColors(true);
    m_note->setWordWrap(true);
    m_detail->setReadOnly(true);
    m_detail->setLineWrapMode(QPlainTextEdit::NoWrap);
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::TypeWriter);
    m_detail->setFont(mono);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_table);
    split->addWidget(m_detail);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_note);
    layout->addWidget(split, 1);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &JobsView::showSelected);
    clear();
}

void JobsView::setSummary(const core::ExperimentSummary &summary)
{
    m_model->setJobs(summary.jobs);
    const core::ClientLatency &c = summary.clientLatency;
    QString note;
    if (summary.jobs.empty()) {
        note = tr("No job-logs/ folder: no client-side (vllm bench) figures for this run.");
    } else {
        std::size_t placed = 0;
        for (const auto &j : summary.jobs)
            placed += j.job.placement.placed();
        note =
            tr("%1 job(s), %2 placed on the experiment's clock. Client-side over %3 job(s): "
               "mean TTFT %4 ms, worst P99 TTFT %5 ms; %6 of %7 within the SLO "
               "(TTFT ≤ %8 ms, ITL ≤ %9 ms).")
                .arg(summary.jobs.size())
                .arg(placed)
                .arg(c.jobs)
                .arg(c.ttftMeanMs
                         ? QString::fromStdString(core::NumberFormat::fixed(*c.ttftMeanMs, 2))
                         : tr("not in the logs"))
                .arg(c.ttftP99WorstMs
                         ? QString::fromStdString(core::NumberFormat::fixed(*c.ttftP99WorstMs, 2))
                         : tr("not in the logs"))
                .arg(c.jobsWithinSlo)
                .arg(c.jobsChecked)
                .arg(summary.slo.ttftMs)
                .arg(summary.slo.itlMs);
        if (summary.benchOnly)
            note.prepend(tr("Bench-only run: job-logs/ but no metrics.csv, so there is no HPA "
                            "time series. "));
    }
    m_note->setText(note);
    if (m_model->rowCount() > 0)
        m_table->selectRow(0);
    else
        showSelected();
}

void JobsView::clear()
{
    m_model->setJobs({});
    m_note->setText(tr("No experiment open."));
    m_detail->clear();
}

QString JobsView::detailText() const
{
    return m_detail->toPlainText();
}

void JobsView::showSelected()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty()) {
        m_detail->clear();
        emit jobSpanSelected(std::nullopt);
        return;
    }
    const int index = m_proxy->data(rows.front(), JobTableModel::JobIndexRole).toInt();
    const core::BenchJob &job = m_model->jobs().at(static_cast<std::size_t>(index)).job;
    m_detail->setPlainText(blockText(job));
    const core::JobPlacement &p = job.placement;
    if (p.placed())
        emit jobSpanSelected(std::pair(*p.start, p.end.value_or(*p.start)));
    else
        emit jobSpanSelected(std::nullopt);
}

} // namespace hpa::ui
