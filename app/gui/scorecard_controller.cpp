#include "app/gui/scorecard_controller.h"

#include "core/analysis/episode_finder.h"
#include "ui/app_settings.h"
#include "ui/charts/chart_cursor.h"
#include "ui/charts/episode_waterfall.h"
#include "ui/charts/time_window.h"
#include "ui/event_browser.h"
#include "ui/experiment_workspace.h"
#include "ui/scorecard_runner.h"
#include "ui/scorecard_view.h"

#include <QAction>
#include <QItemSelectionModel>
#include <QTableView>

namespace hpa::app {

ScorecardController::ScorecardController(ui::ExperimentWorkspace *workspace,
                                         ui::ScorecardView *view, ui::EventBrowser *events,
                                         ui::AppSettings *settings, QObject *parent)
    : QObject(parent), m_workspace(workspace), m_view(view), m_events(events), m_settings(settings),
      m_demandAction(new QAction(tr("Show &Required Replicas"), this))
{
    m_demandAction->setObjectName(QStringLiteral("ShowRequiredReplicasAction"));
    m_demandAction->setCheckable(true);
    m_demandAction->setChecked(m_settings->demandOverlayVisible());
    const QString tip = tr("Draw the scorecard's required replicas (its demand variant) on the "
                           "replicas chart, with the under-provisioned time red and the "
                           "over-provisioned time grey");
    m_demandAction->setToolTip(tip);
    m_demandAction->setStatusTip(tip);
    connect(m_demandAction, &QAction::toggled, this, [this](bool on) {
        m_settings->setDemandOverlayVisible(on);
        applyDemand();
    });
    connect(m_workspace, &ui::ExperimentWorkspace::sourcesChanged, this,
            &ScorecardController::onSourcesChanged);
    connect(m_view, &ui::ScorecardView::computed, this, &ScorecardController::onComputed);
    connect(m_view, &ui::ScorecardView::episodeSelected, this, [this](std::optional<int> row) {
        if (m_selecting)
            return;
        if (row)
            showEpisode(0, *row);
        else
            clearEpisode();
    });
    // After the window's own handler, which highlights the event and brings it into view.
    connect(m_events, &ui::EventBrowser::eventSelected, this,
            [this](int source, int event, double) { showEventEpisode(source, event); });
    connect(m_workspace, &ui::ExperimentWorkspace::eventClicked, this,
            &ScorecardController::showEventEpisode);
    onSourcesChanged();
}

void ScorecardController::onSourcesChanged()
{
    clearEpisode();
    QVector<std::shared_ptr<const core::Experiment>> runs;
    for (const ui::ChartSource &source : m_workspace->sources())
        runs << source.experiment;
    m_view->setExperiments(runs);
}

void ScorecardController::onComputed(std::shared_ptr<const ui::ScorecardResult> result)
{
    m_result = std::move(result);
    applyDemand();
}

void ScorecardController::applyDemand()
{
    QVector<std::shared_ptr<const ui::DemandCurve>> curves;
    if (m_demandAction->isChecked() && m_result) {
        for (const ui::ChartSource &source : m_workspace->sources()) {
            std::shared_ptr<const ui::DemandCurve> curve;
            for (const ui::ScorecardRun &run : m_result->runs) {
                if (run.experiment == source.experiment)
                    curve = run.demand;
            }
            curves << curve;
        }
    }
    m_workspace->setDemandCurves(curves);
}

int ScorecardController::runOf(int sourceIndex) const
{
    const auto &sources = m_workspace->sources();
    if (!m_result || sourceIndex < 0 || sourceIndex >= sources.size())
        return -1;
    for (std::size_t i = 0; i < m_result->runs.size(); ++i) {
        if (m_result->runs[i].experiment == sources[sourceIndex].experiment)
            return int(i);
    }
    return -1;
}

bool ScorecardController::showEpisode(int sourceIndex, int index)
{
    const int run = runOf(sourceIndex);
    if (run < 0)
        return false;
    const ui::ChartSource &source = m_workspace->sources()[sourceIndex];
    const std::optional<ui::EpisodeWaterfall> waterfall =
        ui::EpisodeWaterfall::forSource(source, m_result->runs[std::size_t(run)].scorecard, index);
    if (!waterfall)
        return false;
    m_workspace->showChartsTab();
    m_workspace->cursor()->setWaterfall(waterfall);
    const auto [from, to] = waterfall->zoomRange();
    m_workspace->timeWindow()->zoomTo(from, to);
    if (sourceIndex == 0) {
        // Keep the dock's row in step without coming back here.
        m_selecting = true;
        m_view->episodeTable()->selectionModel()->setCurrentIndex(
            m_view->episodeTable()->model()->index(index, 0),
            QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        m_selecting = false;
    }
    emit status(tr("%1: breach to %2")
                    .arg(waterfall->title(), waterfall->reliefX ? tr("relief")
                                                                : tr("the end of the run "
                                                                     "(censored)")));
    return true;
}

void ScorecardController::showEventEpisode(int sourceIndex, int eventIndex)
{
    const auto &sources = m_workspace->sources();
    if (sourceIndex < 0 || sourceIndex >= sources.size())
        return clearEpisode();
    const core::Experiment &experiment = *sources[sourceIndex].experiment;
    if (eventIndex < 0 || std::size_t(eventIndex) >= experiment.events.size() ||
        experiment.events[std::size_t(eventIndex)].kind != core::EventKind::ScaleUp)
        return clearEpisode();
    const int run = runOf(sourceIndex);
    if (run < 0)
        return clearEpisode();
    const core::Scorecard &scorecard = m_result->runs[std::size_t(run)].scorecard;
    const double elapsed = experiment.events[std::size_t(eventIndex)].time - scorecard.startSeconds;
    const std::optional<std::size_t> episode =
        core::EpisodeFinder::forMoment(scorecard.episodes, elapsed, scorecard.resolutionS);
    if (!episode) {
        clearEpisode();
        emit status(tr("This scale-up belongs to no scorecard episode: no metric was more "
                       "than 10 % above its target around it"));
        return;
    }
    showEpisode(sourceIndex, int(*episode));
}

void ScorecardController::clearEpisode()
{
    m_workspace->cursor()->setWaterfall(std::nullopt);
}

} // namespace hpa::app
