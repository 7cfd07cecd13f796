#include "ui/charts/episode_waterfall.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace hpa::ui {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("hpa::ui::EpisodeWaterfall", text);
}

enum class Milestone
{
    Breach,
    Decision,
    CaughtUp,
    Relief
};

QString milestoneName(Milestone m)
{
    switch (m) {
    case Milestone::Breach:
        return tr("breach");
    case Milestone::Decision:
        return tr("decision");
    case Milestone::CaughtUp:
        return tr("requested replicas caught up");
    case Milestone::Relief:
        return tr("relief");
    }
    return {};
}

} // namespace

EpisodeWaterfall EpisodeWaterfall::of(const core::ScalingEpisode &episode, int number,
                                      const core::Experiment *experiment, double firstX,
                                      double lastX, double resolutionS)
{
    EpisodeWaterfall w;
    w.experiment = experiment;
    w.number = number;
    w.breachX = firstX + episode.breachS;
    const auto at = [firstX](std::optional<double> s) {
        return s ? std::optional(firstX + *s) : std::nullopt;
    };
    w.decisionX = at(episode.decisionS);
    w.caughtUpX = at(episode.caughtUpS);
    w.reliefX = at(episode.reliefS);
    w.endX = lastX;
    w.resolutionS = resolutionS;
    return w;
}

std::optional<EpisodeWaterfall>
EpisodeWaterfall::forSource(const ChartSource &source, const core::Scorecard &scorecard, int index)
{
    if (!source.experiment || index < 0 || std::size_t(index) >= scorecard.episodes.size() ||
        source.experiment->metrics.empty())
        return std::nullopt;
    const auto &time = source.experiment->metrics.time();
    EpisodeWaterfall w =
        of(scorecard.episodes[std::size_t(index)], index + 1, source.experiment.get(),
           source.toX(scorecard.startSeconds), source.toX(time.back()), scorecard.resolutionS);
    w.runLabel = source.label;
    return w;
}

QString EpisodeWaterfall::durationText(double seconds)
{
    if (seconds < 10 && seconds != std::floor(seconds))
        return tr("%1 s").arg(seconds, 0, 'f', 1);
    const long total = std::lround(seconds);
    if (total < 60)
        return tr("%1 s").arg(total);
    return tr("%1 min %2 s").arg(total / 60).arg(total % 60);
}

QVector<EpisodeWaterfall::Segment> EpisodeWaterfall::segments() const
{
    std::vector<std::pair<double, Milestone>> milestones{{breachX, Milestone::Breach}};
    if (decisionX)
        milestones.emplace_back(*decisionX, Milestone::Decision);
    if (caughtUpX)
        milestones.emplace_back(*caughtUpX, Milestone::CaughtUp);
    if (reliefX)
        milestones.emplace_back(*reliefX, Milestone::Relief);
    // Ties keep the causal order (a decision in the breach's own sample is a 0 s reaction).
    std::stable_sort(milestones.begin(), milestones.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });

    QVector<Segment> out;
    for (std::size_t i = 1; i < milestones.size(); ++i) {
        const auto [x0, from] = milestones[i - 1];
        const auto [x1, to] = milestones[i];
        const QString duration = durationText(x1 - x0);
        Segment s{x0, x1, {}, Kind::Other};
        if (from == Milestone::Breach && to == Milestone::Decision) {
            s.kind = Kind::Reaction;
            s.label = tr("reaction %1").arg(duration);
        } else if (from == Milestone::Decision && to == Milestone::CaughtUp) {
            s.kind = Kind::CatchUp;
            s.label = tr("HPA status catch-up %1").arg(duration);
        } else if (to == Milestone::Relief) {
            s.kind = Kind::ToRelief;
            s.label = from == Milestone::Breach
                          ? tr("no decision; relief after %1").arg(duration)
                          : tr("%1 → relief %2").arg(milestoneName(from), duration);
        } else {
            s.label = tr("%1 → %2 %3").arg(milestoneName(from), milestoneName(to), duration);
        }
        out << s;
    }

    QStringList missing;
    if (!decisionX && !reliefX)
        missing << tr("a decision");
    if (decisionX && !caughtUpX)
        missing << tr("HPA status catch-up");
    if (!reliefX)
        missing << tr("relief");
    if (!missing.isEmpty()) {
        const double last = milestones.back().first;
        out << Segment{last, std::max(last, endX),
                       tr("censored: run ended before %1").arg(missing.join(tr(" and "))),
                       Kind::Censored};
    }
    return out;
}

std::pair<double, double> EpisodeWaterfall::span() const
{
    const QVector<Segment> parts = segments();
    double end = breachX;
    for (const Segment &s : parts)
        end = std::max(end, s.x1);
    return {breachX, end};
}

std::pair<double, double> EpisodeWaterfall::zoomRange() const
{
    const auto [from, to] = span();
    const double margin = std::max({0.25 * (to - from), 3 * resolutionS, 1.0});
    return {from - margin, to + margin};
}

QString EpisodeWaterfall::title() const
{
    const QString title = tr("Scale-up episode %1").arg(number);
    return runLabel.isEmpty() ? title : tr("%1 (%2)").arg(title, runLabel);
}

bool EpisodeWaterfall::operator==(const EpisodeWaterfall &o) const
{
    return experiment == o.experiment && number == o.number && runLabel == o.runLabel &&
           breachX == o.breachX && decisionX == o.decisionX && caughtUpX == o.caughtUpX &&
           reliefX == o.reliefX && endX == o.endX && resolutionS == o.resolutionS;
}

} // namespace hpa::ui
