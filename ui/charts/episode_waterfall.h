#pragma once

#include "core/analysis/scorecard.h"
#include "core/model/experiment.h"
#include "ui/charts/chart_source.h"

#include <QString>
#include <QVector>

#include <optional>
#include <utility>

namespace hpa::ui {

/// One scale-up episode (issue 12) as drawn over every chart: breach → decision → requested
/// replicas caught up → relief, in chart x. Supply is the HPA's requested count, so the
/// middle step is "HPA status catch-up", never pods ready.
struct EpisodeWaterfall
{
    enum class Kind
    {
        Reaction, ///< breach to decision
        CatchUp,  ///< decision to requested replicas reaching the decided count
        ToRelief, ///< on to relief
        Censored, ///< the run ended before the episode did
        Other     ///< milestones in an unusual order (caught up after relief)
    };

    struct Segment
    {
        double x0 = 0, x1 = 0;
        QString label; ///< what it is and how long: "reaction 21 s"
        Kind kind = Kind::Other;
    };

    const core::Experiment *experiment = nullptr; ///< whose episode: drawn only on its charts
    int number = 0;                               ///< 1-based, as in the Scorecard dock
    QString runLabel;                             ///< "A"/"B" when comparing, else empty
    double breachX = 0;
    std::optional<double> decisionX, caughtUpX, reliefX;
    double endX = 0;        ///< the run's last sample: where a censored episode stops
    double resolutionS = 0; ///< median sample interval: every duration is ± this

    /// `episode` of a run whose first sample is at chart x `firstX` and last at `lastX`.
    static EpisodeWaterfall of(const core::ScalingEpisode &episode, int number,
                               const core::Experiment *experiment, double firstX, double lastX,
                               double resolutionS);

    /// Episode `index` (0-based) of `scorecard`, computed for `source`'s run, in its chart x;
    /// nullopt when there is no such episode.
    static std::optional<EpisodeWaterfall> forSource(const ChartSource &source,
                                                     const core::Scorecard &scorecard, int index);

    /// The bar's segments from the breach on, in time order; a censored episode ends with a
    /// segment up to the run's end saying what the run ended before.
    QVector<Segment> segments() const;
    /// [breach, the last milestone or the run's end when censored].
    std::pair<double, double> span() const;
    /// span() with a margin on each side (a quarter of the span, at least three samples),
    /// for zooming to the episode.
    std::pair<double, double> zoomRange() const;
    /// "Scale-up episode 2 (A)".
    QString title() const;
    bool operator==(const EpisodeWaterfall &other) const;

    /// "21 s", "1 min 24 s"; one decimal below 10 s when not whole.
    static QString durationText(double seconds);
};

} // namespace hpa::ui
