#include "ui/event_table_model.h"

#include "core/model/event_reading.h"
#include "core/model/metric_keys.h"
#include "core/model/timestamp.h"

#include <QColor>
#include <QFont>

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

namespace hpa::ui {

namespace {

constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();

double valueAt(const core::MetricsTable &metrics, std::string_view key, std::size_t row)
{
    const auto *values = metrics.values(key);
    if (!values || row >= values->size())
        return kMissing;
    return (*values)[row];
}

QString formatNumber(double value, int decimals)
{
    if (!std::isfinite(value))
        return QStringLiteral("—");
    QString s = QString::number(value, 'f', decimals);
    if (s.contains(QLatin1Char('.'))) {
        while (s.endsWith(QLatin1Char('0')))
            s.chop(1);
        if (s.endsWith(QLatin1Char('.')))
            s.chop(1);
    }
    return s;
}

/// A value taken from the samples rather than the log line is marked, not only styled, so it
/// survives copying and reads without colour.
QString sampleMark(bool fromLog, double value)
{
    return fromLog || !std::isfinite(value) ? QString() : QStringLiteral(" ≈");
}

} // namespace

EventTableModel::EventTableModel(QObject *parent) : QAbstractTableModel(parent) {}

EventTableModel::Row EventTableModel::makeRow(int source, int event,
                                              const core::ScalingEvent &e) const
{
    const ChartSource &chartSource = m_sources[source];
    const core::Experiment &experiment = *chartSource.experiment;
    const core::MetricsTable &metrics = experiment.metrics;
    Row row;
    row.source = source;
    row.event = event;
    row.monitorStart = event < 0;
    row.x = chartSource.toX(e.time);
    // What the HPA acted on is what the event's own line says, read with the same units as
    // the table (a leaked milli-quantity corrected, KV cache in percent).
    const core::EventReading reading = core::EventReading::parse(experiment.eventTexts.stored(e));
    // A line without values: the last sample at or before the event, never a later one.
    const auto &time = metrics.time();
    const auto after = std::upper_bound(time.begin(), time.end(), e.time);
    const std::size_t before =
        after == time.begin() ? metrics.rowCount() : std::size_t(after - time.begin()) - 1;
    if (reading.waiting) {
        row.waiting = experiment.waitingRule.read(*reading.waiting);
        row.waitingFromLog = true;
    } else {
        row.waiting = valueAt(metrics, core::keys::Waiting, before);
    }
    if (reading.kvCache && metrics.has(core::keys::KvCachePct)) {
        row.kvPct = *reading.kvCache * experiment.kvRule.toPercentFactor();
        row.kvFromLog = true;
    } else {
        row.kvPct = valueAt(metrics, core::keys::KvCachePct, before);
    }
    return row;
}

void EventTableModel::setSources(const QVector<ChartSource> &sources)
{
    beginResetModel();
    m_sources = sources;
    m_rows.clear();
    for (int s = 0; s < m_sources.size(); ++s) {
        const ChartSource &source = m_sources[s];
        if (!source.experiment)
            continue;
        const core::Experiment &experiment = *source.experiment;
        if (experiment.monitorStart)
            m_rows.push_back(makeRow(s, -1, *experiment.monitorStart));
        for (int e = 0; e < int(experiment.events.size()); ++e)
            m_rows.push_back(makeRow(s, e, experiment.events[std::size_t(e)]));
    }
    // Ties keep run A before run B and each log's own order.
    std::stable_sort(m_rows.begin(), m_rows.end(),
                     [](const Row &a, const Row &b) { return a.x < b.x; });
    endResetModel();
}

bool EventTableModel::extendSources(const QVector<ChartSource> &sources, int *inserted)
{
    if (inserted)
        *inserted = 0;
    // Only a run that grew (a followed one): a run given again is laid out again.
    const bool grew = std::any_of(sources.begin(), sources.end(),
                                  [](const ChartSource &s) { return s.unchangedRows > 0; });
    if (sources.size() != m_sources.size() || !grew)
        return false;
    // Rows at or after the first one a new sample can be "the last sample before" for.
    double reread = std::numeric_limits<double>::infinity();
    for (int s = 0; s < sources.size(); ++s) {
        const ChartSource &was = m_sources[s], &now = sources[s];
        if (!was.experiment || !now.experiment || now.origin != was.origin ||
            now.secondary != was.secondary || now.label != was.label ||
            (now.experiment != was.experiment && now.unchangedRows == 0))
            return false;
        const core::Experiment &a = *was.experiment, &b = *now.experiment;
        const core::WaitingRule &wa = a.waitingRule, &wb = b.waitingRule;
        if (b.events.size() < a.events.size() || bool(a.monitorStart) != bool(b.monitorStart) ||
            wa.unit != wb.unit || wa.applies != wb.applies || wa.limit != wb.limit ||
            a.kvRule.unit != b.kvRule.unit || b.metrics.rowCount() < a.metrics.rowCount())
            return false;
        if (!a.metrics.empty())
            reread = std::min(reread, was.toX(a.metrics.time().back()));
        else
            reread = -std::numeric_limits<double>::infinity();
    }
    const QVector<ChartSource> previous = std::exchange(m_sources, sources);
    // The new events, in the order setSources() would sort them to.
    QVector<Row> added;
    for (int s = 0; s < m_sources.size(); ++s) {
        const auto &events = m_sources[s].experiment->events;
        for (std::size_t e = previous[s].experiment->events.size(); e < events.size(); ++e)
            added.push_back(makeRow(s, int(e), events[e]));
    }
    std::stable_sort(added.begin(), added.end(),
                     [](const Row &a, const Row &b) { return a.x < b.x; });
    if (!added.isEmpty() && !m_rows.isEmpty() && !(added.front().x > m_rows.back().x)) {
        m_sources = previous;
        return false;
    }
    int first = int(m_rows.size());
    while (first > 0 && m_rows[first - 1].x >= reread)
        --first;
    for (int i = first; i < int(m_rows.size()); ++i) {
        Row &row = m_rows[i];
        const ChartSource &source = m_sources[row.source];
        const Row again =
            row.monitorStart
                ? makeRow(row.source, -1, *source.experiment->monitorStart)
                : makeRow(row.source, row.event, source.experiment->events[std::size_t(row.event)]);
        const auto same = [](double u, double v) {
            return u == v || (std::isnan(u) && std::isnan(v));
        };
        if (!same(again.waiting, row.waiting) || !same(again.kvPct, row.kvPct) ||
            again.waitingFromLog != row.waitingFromLog || again.kvFromLog != row.kvFromLog) {
            row = again;
            emit dataChanged(index(i, 0), index(i, columnCount() - 1));
        }
    }
    if (!added.isEmpty()) {
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + added.size()) - 1);
        m_rows += added;
        endInsertRows();
    }
    if (inserted)
        *inserted = int(added.size());
    return true;
}

EventTableModel::Field EventTableModel::fieldAt(int column) const
{
    const int first = m_sources.size() > 1 ? 0 : 1;
    return static_cast<Field>(column + first);
}

int EventTableModel::columnOf(Field field) const
{
    const int first = m_sources.size() > 1 ? 0 : 1;
    const int column = static_cast<int>(field) - first;
    return column >= 0 ? column : -1;
}

int EventTableModel::rowOf(int sourceIndex, int eventIndex) const
{
    for (int r = 0; r < m_rows.size(); ++r) {
        if (m_rows[r].source == sourceIndex && m_rows[r].event == eventIndex)
            return r;
    }
    return -1;
}

int EventTableModel::monitorStartCount() const
{
    return int(std::count_if(m_rows.begin(), m_rows.end(),
                             [](const Row &row) { return row.monitorStart; }));
}

QColor EventTableModel::kindColor(int kind)
{
    switch (static_cast<core::EventKind>(kind)) {
    case core::EventKind::ScaleUp:
        return QColor(46, 160, 67);
    case core::EventKind::ScaleDown:
        return QColor(230, 126, 34);
    case core::EventKind::ReplicasChanged:
        break;
    }
    return QColor(128, 128, 128);
}

QString EventTableModel::typicalWidestText(Field field)
{
    switch (field) {
    case Field::Run:
        return {};
    case Field::Time:
        // The wider of the two forms Timestamp::format writes (UTC runs: 'T' and 'Z').
        return QStringLiteral("2025-12-31T23:59:59Z");
    case Field::Elapsed:
        return QStringLiteral("0:00:00");
    case Field::Kind: {
        QString widest = tr("Monitor start");
        for (core::EventKind kind : {core::EventKind::ScaleUp, core::EventKind::ScaleDown,
                                     core::EventKind::ReplicasChanged}) {
            const QString label = QString::fromUtf8(core::eventKindLabel(kind));
            if (label.size() > widest.size())
                widest = label;
        }
        return widest;
    }
    case Field::Change:
        return QStringLiteral("10 → 10");
    case Field::Waiting:
        return QStringLiteral("999.99 ≈");
    case Field::KvCache:
        return QStringLiteral("100.0 ≈");
    }
    return {};
}

int EventTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int EventTableModel::columnCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return static_cast<int>(Field::KvCache) + 1 - (m_sources.size() > 1 ? 0 : 1);
}

const core::ScalingEvent &EventTableModel::eventOf(const Row &row) const
{
    const core::Experiment &experiment = *m_sources[row.source].experiment;
    return row.monitorStart ? *experiment.monitorStart : experiment.events[std::size_t(row.event)];
}

QVariant EventTableModel::display(const Row &row, Field field) const
{
    const core::ScalingEvent &event = eventOf(row);
    switch (field) {
    case Field::Run:
        return m_sources[row.source].label;
    case Field::Time:
        return QString::fromStdString(core::Timestamp::format(
            event.time, m_sources[row.source].experiment->metrics.naiveTime()));
    case Field::Elapsed:
        return QString::fromStdString(core::Timestamp::formatElapsed(row.x));
    case Field::Kind:
        return row.monitorStart ? tr("Monitor start")
                                : QString::fromUtf8(core::eventKindLabel(event.kind));
    case Field::Change:
        return QStringLiteral("%1 → %2").arg(event.from).arg(event.to);
    case Field::Waiting:
        return formatNumber(row.waiting, 2) + sampleMark(row.waitingFromLog, row.waiting);
    case Field::KvCache:
        return (std::isfinite(row.kvPct) ? QString::number(row.kvPct, 'f', 1)
                                         : QStringLiteral("—")) +
               sampleMark(row.kvFromLog, row.kvPct);
    }
    return {};
}

QVariant EventTableModel::sortValue(const Row &row, Field field) const
{
    const core::ScalingEvent &event = eventOf(row);
    // Missing values sort before every real one.
    const auto orLowest = [](double v) {
        return std::isfinite(v) ? v : std::numeric_limits<double>::lowest();
    };
    switch (field) {
    case Field::Run:
        return double(row.source);
    case Field::Time:
        return event.time;
    case Field::Elapsed:
        return row.x;
    case Field::Kind:
        return double(static_cast<int>(event.kind));
    case Field::Change:
        return double(event.to - event.from);
    case Field::Waiting:
        return orLowest(row.waiting);
    case Field::KvCache:
        return orLowest(row.kvPct);
    }
    return {};
}

QVariant EventTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[index.row()];
    const Field field = fieldAt(index.column());
    const core::ScalingEvent &event = eventOf(row);
    const core::ScalingEventTexts &texts = m_sources[row.source].experiment->eventTexts;
    switch (role) {
    case Qt::DisplayRole:
        return display(row, field);
    case Qt::DecorationRole:
        if (field == Field::Kind)
            return row.monitorStart ? QColor(Qt::lightGray)
                                    : kindColor(static_cast<int>(event.kind));
        return {};
    case Qt::ForegroundRole:
        // The monitor's first reading is listed so the rows match the log, greyed: it is
        // not a scaling event and no count includes it.
        if (row.monitorStart)
            return QColor(Qt::gray);
        return {};
    case Qt::FontRole:
        if ((field == Field::Waiting && !row.waitingFromLog) ||
            (field == Field::KvCache && !row.kvFromLog) || row.monitorStart) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case FromLogRole:
        return field == Field::Waiting   ? row.waitingFromLog
               : field == Field::KvCache ? row.kvFromLog
                                         : QVariant();
    case MonitorStartRole:
        return row.monitorStart;
    case Qt::TextAlignmentRole:
        if (field == Field::Waiting || field == Field::KvCache || field == Field::Elapsed)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ToolTipRole: {
        const std::string_view file = texts.file(event);
        return QStringLiteral("%1:%2")
            .arg(QString::fromUtf8(file.data(), qsizetype(file.size())))
            .arg(event.line);
    }
    case SortRole:
        return sortValue(row, field);
    case SourceIndexRole:
        return row.source;
    case EventIndexRole:
        return row.event;
    case XRole:
        return row.x;
    case KindRole:
        return static_cast<int>(event.kind);
    case TextRole:
        return QString::fromStdString(texts.text(event));
    default:
        return {};
    }
}

QVariant EventTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return QAbstractTableModel::headerData(section, orientation, role);
    const Field field = fieldAt(section);
    if (role == Qt::DisplayRole) {
        switch (field) {
        case Field::Run:
            return tr("Run");
        case Field::Time:
            return tr("Time");
        case Field::Elapsed:
            return tr("Elapsed");
        case Field::Kind:
            return tr("Kind");
        case Field::Change:
            return tr("From → To");
        case Field::Waiting:
            return tr("Waiting");
        case Field::KvCache:
            return tr("KV %");
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (field) {
        case Field::Elapsed:
            return tr("Time since the run's origin (mm:ss)");
        case Field::Waiting:
            return tr("Waiting requests the HPA acted on, as the event's log line says. Where "
                      "the line has no values (replica changes): the last sample before the "
                      "event, in italics and marked ≈.");
        case Field::KvCache:
            return tr("KV cache usage (%) the HPA acted on, as the event's log line says. Where "
                      "the line has no values (replica changes): the last sample before the "
                      "event, in italics and marked ≈.");
        default:
            break;
        }
    }
    return QAbstractTableModel::headerData(section, orientation, role);
}

} // namespace hpa::ui
