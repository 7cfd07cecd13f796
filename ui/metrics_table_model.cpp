#include "ui/metrics_table_model.h"

#include "core/analysis/experiment_analyzer.h"
#include "core/model/collected_series.h"
#include "core/model/metric_keys.h"
#include "core/model/timestamp.h"

#include <QColor>

#include <climits>
#include <cmath>
#include <limits>
#include <span>

namespace hpa::ui {

namespace {

constexpr int kLeadingColumns = 2; // time, elapsed
constexpr int kFlagColumns = 3;

QString formatValue(double value)
{
    return QString::number(value, 'g', 12);
}

QString formatElapsed(double seconds)
{
    QString s = QString::number(seconds, 'f', 3);
    while (s.endsWith(QLatin1Char('0')))
        s.chop(1);
    if (s.endsWith(QLatin1Char('.')))
        s.chop(1);
    return s == QLatin1String("-0") ? QStringLiteral("0") : s;
}

double sortable(double value)
{
    return std::isfinite(value) ? value : std::numeric_limits<double>::lowest();
}

QColor missingTint()
{
    return QColor(255, 193, 7, 70); // translucent amber: readable on light and dark bases
}

QColor exceededTint()
{
    return QColor(220, 50, 47, 60);
}

} // namespace

MetricsTableModel::MetricsTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void MetricsTableModel::setExperiment(std::shared_ptr<const core::Experiment> experiment,
                                      double origin)
{
    beginResetModel();
    m_experiment = std::move(experiment);
    m_origin = origin;
    m_waitingExceeded.clear();
    m_kvExceeded.clear();
    m_waitingColumn = m_kvColumn = -1;
    m_lineWarnings.clear();
    m_notCollected.clear();
    m_corrections.clear();
    if (m_experiment) {
        const core::MetricsTable &m = m_experiment->metrics;
        for (const core::MetricColumn &c : m.columns())
            m_notCollected.push_back(!core::CollectedSeries::isCollected(c.key, c.values));
        readCorrectionsAndWarnings();
        namespace keys = core::keys;
        if (m.has(keys::Waiting) && m.has(keys::WaitingTarget)) {
            m_waitingExceeded = core::ExperimentAnalyzer::exceeded(*m.values(keys::Waiting),
                                                                   *m.values(keys::WaitingTarget));
        }
        if (m.has(keys::KvCachePct) && m.has(keys::KvCacheTargetPct)) {
            m_kvExceeded = core::ExperimentAnalyzer::exceeded(*m.values(keys::KvCachePct),
                                                              *m.values(keys::KvCacheTargetPct));
        }
        for (std::size_t c = 0; c < m.columns().size(); ++c) {
            if (m.columns()[c].key == keys::Waiting)
                m_waitingColumn = int(c);
            else if (m.columns()[c].key == keys::KvCachePct)
                m_kvColumn = int(c);
        }
    }
    endResetModel();
}

void MetricsTableModel::readCorrectionsAndWarnings()
{
    // Both are short: the corrected cells of a waiting rule, and warnings capped per file.
    m_corrections.clear();
    m_lineWarnings.clear();
    if (m_experiment->waitingRule.unit == core::WaitingUnit::Auto) {
        for (const core::WaitingCorrection &cell : m_experiment->waitingRule.cells)
            m_corrections.insert(qsizetype(cell.row), cell);
    }
    for (const core::LoadWarning &w : m_experiment->warnings) {
        if (w.file == "metrics.csv" && w.line > 0)
            m_lineWarnings[w.line].append(QString::fromStdString(w.message));
    }
}

bool MetricsTableModel::appendRows(std::shared_ptr<const core::Experiment> experiment,
                                   std::size_t unchangedRows)
{
    if (!m_experiment || !experiment)
        return false;
    const core::MetricsTable &before = m_experiment->metrics;
    const core::MetricsTable &now = experiment->metrics;
    const std::size_t shown = before.rowCount();
    if (shown > unchangedRows || now.rowCount() < shown ||
        now.columns().size() != before.columns().size() || now.rowCount() > INT_MAX)
        return false;
    for (std::size_t c = 0; c < now.columns().size(); ++c) {
        if (now.columns()[c].key != before.columns()[c].key ||
            now.columns()[c].header != before.columns()[c].header)
            return false;
    }
    const std::size_t rows = now.rowCount();
    if (rows > shown)
        beginInsertRows({}, int(shown), int(rows) - 1);
    m_experiment = std::move(experiment);
    namespace keys = core::keys;
    const auto extend = [&now, shown, rows](std::vector<bool> &flags, std::string_view key,
                                            std::string_view target) {
        if (!now.has(key) || !now.has(target))
            return;
        const auto &v = *now.values(key);
        const auto &t = *now.values(target);
        flags.resize(std::min(v.size(), t.size()), false);
        for (std::size_t i = shown; i < flags.size(); ++i)
            flags[i] = v[i] > t[i]; // as ExperimentAnalyzer::exceeded: false when NaN
    };
    extend(m_waitingExceeded, keys::Waiting, keys::WaitingTarget);
    extend(m_kvExceeded, keys::KvCachePct, keys::KvCacheTargetPct);
    // A column becomes collected when a new row has a value; the earlier rows say nothing
    // new (isCollected is "any value" over the column).
    QList<int> nowCollected;
    for (std::size_t c = 0; c < now.columns().size(); ++c) {
        const core::MetricColumn &column = now.columns()[c];
        if (m_notCollected[c] &&
            core::CollectedSeries::isCollected(
                column.key, std::span<const double>(column.values).subspan(shown))) {
            m_notCollected[c] = false;
            nowCollected << kLeadingColumns + int(c);
        }
    }
    readCorrectionsAndWarnings();
    if (rows > shown)
        endInsertRows();
    // The earlier rows' values, and so their flags, are unchanged (unchangedRows); only a
    // column that was empty until now shows its earlier cells differently.
    for (int column : std::as_const(nowCollected)) {
        if (shown > 0)
            emit dataChanged(index(0, column), index(int(shown) - 1, column));
    }
    return true;
}

void MetricsTableModel::clear()
{
    setExperiment(nullptr, 0);
}

int MetricsTableModel::columnOfKey(std::string_view key) const
{
    if (!m_experiment)
        return -1;
    const auto &columns = m_experiment->metrics.columns();
    for (std::size_t c = 0; c < columns.size(); ++c) {
        if (columns[c].key == key)
            return kLeadingColumns + int(c);
    }
    return -1;
}

int MetricsTableModel::firstFlagColumn() const
{
    return m_experiment ? kLeadingColumns + int(m_experiment->metrics.columns().size()) : -1;
}

int MetricsTableModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() || !m_experiment)
        return 0;
    return int(m_experiment->metrics.rowCount());
}

int MetricsTableModel::columnCount(const QModelIndex &parent) const
{
    if (parent.isValid() || !m_experiment)
        return 0;
    return kLeadingColumns + int(m_experiment->metrics.columns().size()) + kFlagColumns;
}

bool MetricsTableModel::flag(Flag which, std::size_t row) const
{
    const bool waiting = row < m_waitingExceeded.size() && m_waitingExceeded[row];
    const bool kv = row < m_kvExceeded.size() && m_kvExceeded[row];
    switch (which) {
    case Flag::Waiting:
        return waiting;
    case Flag::KvCache:
        return kv;
    case Flag::Any:
        return waiting || kv;
    }
    return false;
}

bool MetricsTableModel::metricExceeded(std::size_t column, std::size_t row) const
{
    if (int(column) == m_waitingColumn)
        return flag(Flag::Waiting, row);
    if (int(column) == m_kvColumn)
        return flag(Flag::KvCache, row);
    return false;
}

QString MetricsTableModel::missingTooltip(std::size_t column, std::size_t row) const
{
    const core::MetricsTable &m = m_experiment->metrics;
    const int line = m.sourceLine(row);
    const core::MetricColumn &c = m.columns()[column];
    const QStringList all = m_lineWarnings.value(line);
    // Prefer the warnings about this very column; derived columns inherit their source's.
    QStringList own;
    const QString quoted = QStringLiteral("'%1'").arg(QString::fromStdString(c.header));
    for (const QString &message : all) {
        if (message.contains(quoted))
            own.append(message);
    }
    const QStringList &shown = own.isEmpty() ? all : own;
    QString text = tr("No value (metrics.csv line %1)").arg(line);
    if (!shown.isEmpty())
        text += QLatin1Char('\n') + shown.join(QLatin1Char('\n'));
    return text;
}

QVariant MetricsTableModel::metricData(std::size_t column, std::size_t row, int role) const
{
    const double v = m_experiment->metrics.columns()[column].values[row];
    if (column < m_notCollected.size() && m_notCollected[column]) {
        // Nothing was measured: an empty cell, not the 0 the monitor wrote.
        switch (role) {
        case Qt::DisplayRole:
            return QString();
        case Qt::ToolTipRole:
            // Made when asked: it counts the whole column, which grows while following.
            return QString::fromStdString(core::CollectedSeries::notCollectedText(
                m_experiment->metrics.columns()[column].values));
        case SortRole:
            return sortable(NAN);
        case NotCollectedRole:
            return true;
        default:
            return {};
        }
    }
    const bool missing = !std::isfinite(v);
    const auto corrected = int(column) == m_waitingColumn ? m_corrections.constFind(qsizetype(row))
                                                          : m_corrections.constEnd();
    switch (role) {
    case Qt::DisplayRole:
        return missing ? QStringLiteral("—") : formatValue(v);
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::BackgroundRole:
        if (missing)
            return missingTint();
        if (metricExceeded(column, row))
            return exceededTint();
        return {};
    case Qt::ToolTipRole:
        if (missing)
            return missingTooltip(column, row);
        if (corrected != m_corrections.constEnd()) {
            return tr("metrics.csv line %1 says %2: read as %3 (a milli-quantity whose \"m\" "
                      "was stripped; View → Waiting Unit overrides this)")
                .arg(corrected->line)
                .arg(formatValue(corrected->raw), formatValue(corrected->corrected));
        }
        if (metricExceeded(column, row))
            return tr("Above its target in this sample");
        return {};
    case SortRole:
        return sortable(v);
    case MissingRole:
        return missing;
    case NotCollectedRole:
        return false;
    default:
        return {};
    }
}

QVariant MetricsTableModel::flagData(Flag which, std::size_t row, int role) const
{
    const bool on = flag(which, row);
    switch (role) {
    case Qt::DisplayRole:
        return on ? tr("Yes") : QString();
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::AlignCenter);
    case Qt::BackgroundRole:
        return on ? QVariant(exceededTint()) : QVariant();
    case SortRole:
        return on ? 1.0 : 0.0;
    default:
        return {};
    }
}

QVariant MetricsTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const core::MetricsTable &m = m_experiment->metrics;
    const auto row = std::size_t(index.row());
    const int column = index.column();
    if (role == SourceLineRole)
        return m.sourceLine(row);
    if (column >= firstFlagColumn())
        return flagData(static_cast<Flag>(column - firstFlagColumn()), row, role);
    if (column >= kLeadingColumns)
        return metricData(std::size_t(column - kLeadingColumns), row, role);

    const double time = m.time()[row];
    switch (role) {
    case Qt::DisplayRole:
        return column == timeColumn()
                   ? QString::fromStdString(core::Timestamp::format(time, m.naiveTime()))
                   : formatElapsed(time - m_origin);
    case Qt::TextAlignmentRole:
        return column == timeColumn() ? QVariant()
                                      : QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        return tr("metrics.csv line %1").arg(m.sourceLine(row));
    case SortRole:
        return time;
    default:
        return {};
    }
}

QVariant MetricsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    const bool tip = role == Qt::ToolTipRole;
    if (section == timeColumn())
        return tip ? tr("Sample time as written in metrics.csv") : tr("Time");
    if (section == elapsedColumn())
        return tip ? tr("Seconds since the run's origin") : tr("Elapsed (s)");
    if (section >= firstFlagColumn()) {
        switch (static_cast<Flag>(section - firstFlagColumn())) {
        case Flag::Waiting:
            return tip ? tr("Waiting requests above that sample's target") : tr("Waiting > target");
        case Flag::KvCache:
            return tip ? tr("KV cache usage (%) above that sample's target")
                       : tr("KV cache > target");
        case Flag::Any:
            return tip ? tr("Either threshold exceeded") : tr("Any exceeded");
        }
    }
    const core::MetricColumn &c =
        m_experiment->metrics.columns()[std::size_t(section - kLeadingColumns)];
    if (!tip)
        return QString::fromStdString(core::keys::displayName(c.key));
    if (c.key == core::keys::KvCachePct || c.key == core::keys::KvCacheTargetPct)
        return tr("Derived: the file's KV cache value in percent (%1)")
            .arg(QString::fromStdString(m_experiment->kvRule.reason));
    return tr("Column '%1' of metrics.csv").arg(QString::fromStdString(c.header));
}

} // namespace hpa::ui
