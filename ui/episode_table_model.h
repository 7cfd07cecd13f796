#pragma once

#include "core/analysis/scorecard.h"

#include <QAbstractTableModel>

namespace hpa::ui {

/// The scale-up episodes of a scorecard, one per row: when the breach, the HPA's decision, the
/// requested replicas catching up and the relief came (elapsed time of the run) and the
/// durations between them. Supply is the requested replicas: "caught up" is HPA status
/// catch-up, not pods ready. A missing milestone says why (the run ended first, or the breach
/// passed without a decision), never 0.
class EpisodeTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        NumberColumn,
        BreachColumn,
        DecisionColumn,
        CaughtUpColumn,
        ReliefColumn,
        ReactionColumn,
        CatchUpColumn,
        TimeToReliefColumn,
        ColumnCount
    };

    explicit EpisodeTableModel(QObject *parent = nullptr);

    void setScorecard(const core::Scorecard &scorecard);
    void clear();
    const core::Scorecard &scorecard() const { return m_scorecard; }
    /// The episode of row `row`, or nullptr.
    const core::ScalingEpisode *episode(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    /// "1:24" for 84 s of elapsed time (h:mm:ss past an hour).
    static QString elapsedText(double seconds);
    /// "21 s", "1 min 24 s"; one decimal below 10 s when not whole.
    static QString durationText(double seconds);

private:
    QString milestoneText(const core::ScalingEpisode &e, int column) const;
    QString durationCell(const core::ScalingEpisode &e, int column) const;

    core::Scorecard m_scorecard;
};

} // namespace hpa::ui
