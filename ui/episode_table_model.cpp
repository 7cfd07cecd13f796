#include "ui/episode_table_model.h"

#include "ui/charts/episode_waterfall.h"

#include <cmath>

namespace hpa::ui {

EpisodeTableModel::EpisodeTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void EpisodeTableModel::setScorecard(const core::Scorecard &scorecard)
{
    beginResetModel();
    m_scorecard = scorecard;
    endResetModel();
}

void EpisodeTableModel::clear()
{
    beginResetModel();
    m_scorecard = {};
    endResetModel();
}

const core::ScalingEpisode *EpisodeTableModel::episode(int row) const
{
    return row >= 0 && row < rowCount() ? &m_scorecard.episodes[std::size_t(row)] : nullptr;
}

int EpisodeTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_scorecard.episodes.size());
}

int EpisodeTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString EpisodeTableModel::elapsedText(double seconds)
{
    const long total = std::lround(seconds);
    const long h = total / 3600, m = (total % 3600) / 60, s = total % 60;
    return h > 0 ? QStringLiteral("%1:%2:%3")
                       .arg(h)
                       .arg(m, 2, 10, QLatin1Char('0'))
                       .arg(s, 2, 10, QLatin1Char('0'))
                 : QStringLiteral("%1:%2").arg(m).arg(s, 2, 10, QLatin1Char('0'));
}

QString EpisodeTableModel::durationText(double seconds)
{
    return EpisodeWaterfall::durationText(seconds);
}

QString EpisodeTableModel::milestoneText(const core::ScalingEpisode &e, int column) const
{
    const QString ended = tr("censored: run ended");
    switch (column) {
    case BreachColumn:
        return elapsedText(e.breachS);
    case DecisionColumn:
        if (e.decisionS)
            return elapsedText(*e.decisionS);
        return e.reliefS ? tr("none before relief") : ended;
    case CaughtUpColumn:
        if (e.caughtUpS)
            return elapsedText(*e.caughtUpS);
        return e.decisionS ? ended : tr("no decision");
    case ReliefColumn:
        return e.reliefS ? elapsedText(*e.reliefS) : ended;
    }
    return {};
}

QString EpisodeTableModel::durationCell(const core::ScalingEpisode &e, int column) const
{
    std::optional<double> v;
    if (column == ReactionColumn)
        v = e.reactionS();
    else if (column == CatchUpColumn)
        v = e.catchUpS();
    else
        v = e.timeToReliefS();
    if (!v)
        return QStringLiteral("—");
    return tr("%1 ± %2").arg(durationText(*v), durationText(m_scorecard.resolutionS));
}

QVariant EpisodeTableModel::data(const QModelIndex &index, int role) const
{
    const core::ScalingEpisode *e = index.isValid() ? episode(index.row()) : nullptr;
    if (!e)
        return {};
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case NumberColumn:
            return index.row() + 1;
        case BreachColumn:
        case DecisionColumn:
        case CaughtUpColumn:
        case ReliefColumn:
            return milestoneText(*e, index.column());
        default:
            return durationCell(*e, index.column());
        }
    }
    if (role == Qt::ToolTipRole)
        return tr("Select to show this episode on every chart (breach → decision → requested "
                  "replicas caught up → relief) and zoom to it. Times are elapsed since the "
                  "first sample; durations are ± one sample interval.");
    if (role == Qt::TextAlignmentRole && index.column() != NumberColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant EpisodeTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case BreachColumn:
            return tr("First sample with some metric more than 10 % above its target");
        case DecisionColumn:
            return tr("First sample from the breach with desired > requested replicas");
        case CaughtUpColumn:
            return tr("First sample with requested replicas ≥ the count decided (HPA status "
                      "catch-up, not pods ready)");
        case ReliefColumn:
            return tr("First sample with every metric within 10 % of its target again");
        case CatchUpColumn:
            return tr("Decision to requested replicas reaching the decided count");
        }
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NumberColumn:
        return tr("#");
    case BreachColumn:
        return tr("Breach");
    case DecisionColumn:
        return tr("Decision");
    case CaughtUpColumn:
        return tr("Caught up");
    case ReliefColumn:
        return tr("Relief");
    case ReactionColumn:
        return tr("Reaction");
    case CatchUpColumn:
        return tr("HPA status catch-up");
    case TimeToReliefColumn:
        return tr("Time to relief");
    }
    return {};
}

} // namespace hpa::ui
