#include "ui/job_table_model.h"

#include "core/model/number_format.h"

#include <QBrush>
#include <QColor>

namespace hpa::ui {

namespace {

struct Column
{
    const char *title;
    const char *key; ///< result key, config key (prefixed "cfg:"), or a special name
    const char *tip;
};

// The figures a user compares first; the detail pane shows every line of the block.
const Column kColumns[] = {
    {"Job", "name", "Kubernetes Job name"},
    {"Placed", "placed", "How the job was put on the experiment's clock, or why it was not"},
    {"Start", "start", "Load start on the experiment's clock"},
    {"End", "end", "Load end on the experiment's clock"},
    {"Outcome", "outcome", "complete, partial, killed during run, failed before start"},
    {"Rate (req/s)", "cfg:request_rate", "request_rate of Namespace(...)"},
    {"Prompts", "cfg:num_prompts", "num_prompts of Namespace(...)"},
    {"Max conc.", "cfg:max_concurrency", "max_concurrency of Namespace(...)"},
    {"OK", "successful_requests", "Successful requests"},
    {"Failed", "failed_requests", "Failed requests"},
    {"Duration (s)", "benchmark_duration_s", "Benchmark duration (s)"},
    {"Req/s", "request_throughput_req_s", "Request throughput (req/s)"},
    {"TTFT mean", "mean_ttft_ms", "Mean TTFT (ms), client-side"},
    {"TTFT median", "median_ttft_ms", "Median TTFT (ms), client-side"},
    {"TTFT P99", "p99_ttft_ms", "P99 TTFT (ms), client-side"},
    {"TPOT mean", "mean_tpot_ms", "Mean TPOT (ms), client-side"},
    {"ITL mean", "mean_itl_ms", "Mean ITL (ms), client-side"},
    {"ITL median", "median_itl_ms", "Median ITL (ms), client-side"},
    {"ITL P99", "p99_itl_ms", "P99 ITL (ms), client-side"},
};
constexpr int kColumnCount = static_cast<int>(std::size(kColumns));

std::optional<bool> sloOf(const core::JobSloCheck &c, std::string_view key)
{
    if (key == "median_ttft_ms")
        return c.ttftMedianOk;
    if (key == "p99_ttft_ms")
        return c.ttftP99Ok;
    if (key == "median_itl_ms")
        return c.itlMedianOk;
    if (key == "p99_itl_ms")
        return c.itlP99Ok;
    return std::nullopt;
}

} // namespace

JobTableModel::JobTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void JobTableModel::setJobs(std::vector<core::JobSummary> jobs)
{
    beginResetModel();
    m_jobs = std::move(jobs);
    endResetModel();
}

int JobTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_jobs.size());
}

int JobTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : kColumnCount;
}

QVariant JobTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= kColumnCount)
        return {};
    const core::JobSummary &s = m_jobs[static_cast<std::size_t>(index.row())];
    const core::BenchJob &job = s.job;
    const std::string_view key = kColumns[index.column()].key;
    if (role == JobIndexRole)
        return index.row();
    if (role == Qt::ToolTipRole) {
        if (key == "placed" || key == "start" || key == "end")
            return QString::fromStdString(job.placement.detail);
        return QString::fromUtf8(kColumns[index.column()].tip);
    }
    std::optional<double> number;
    QString text;
    if (key == "name") {
        text = QString::fromStdString(job.name);
    } else if (key == "placed") {
        text = job.placement.placed()
                   ? QString::fromStdString(core::JobPlacement::methodName(job.placement.method))
                   : tr("not placed");
    } else if (key == "start") {
        text = QString::fromStdString(s.start);
        number = job.placement.start;
    } else if (key == "end") {
        text = QString::fromStdString(s.end);
        number = job.placement.end;
    } else if (key == "outcome") {
        text = QString::fromStdString(core::BenchJob::outcomeName(job.outcome));
    } else if (key.substr(0, 4) == "cfg:") {
        const auto v = job.config.text(key.substr(4));
        text = v ? QString::fromStdString(*v) : QString();
        number = job.config.number(key.substr(4));
    } else if (job.result) {
        if (const core::BenchField *f = job.result->field(key)) {
            text = QString::fromStdString(f->text);
            number = f->value;
        }
    }
    switch (role) {
    case Qt::DisplayRole:
        return text;
    case SortRole:
        return number ? QVariant(*number) : QVariant(text);
    case Qt::TextAlignmentRole:
        return number && key != "start" && key != "end"
                   ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                   : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if (const auto ok = sloOf(s.slo, key); ok && !*ok)
            return QBrush(QColor(0xc6, 0x28, 0x28)); // over the SLO
        if (key == "placed" && !job.placement.placed())
            return QBrush(QColor(0x75, 0x75, 0x75));
        return {};
    default:
        return {};
    }
}

QVariant JobTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= kColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole)
        return tr(kColumns[section].title);
    if (role == Qt::ToolTipRole)
        return tr(kColumns[section].tip);
    return {};
}

} // namespace hpa::ui
