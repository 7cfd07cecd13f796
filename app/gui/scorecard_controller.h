#pragma once

#include <QObject>
#include <QString>

#include <memory>
#include <optional>

class QAction;

namespace hpa::ui {
class AppSettings;
class EventBrowser;
class ExperimentWorkspace;
class ScorecardView;
struct ScorecardResult;
} // namespace hpa::ui

namespace hpa::app {

/// Wires the scorecard to the charts: View → Show Required Replicas (the demand and the
/// under-/over-provisioned areas on the replicas chart, remembered in the settings), and the
/// waterfall of a scale-up episode picked in the Scorecard dock or the events dock (or by a
/// click on its marker), drawn over every chart and zoomed to. The Scorecard dock computes
/// (off the GUI thread); this only hands its results on.
class ScorecardController : public QObject
{
    Q_OBJECT
public:
    ScorecardController(ui::ExperimentWorkspace *workspace, ui::ScorecardView *view,
                        ui::EventBrowser *events, ui::AppSettings *settings,
                        QObject *parent = nullptr);

    QAction *demandAction() const { return m_demandAction; }
    /// Shows episode `index` (0-based) of source `sourceIndex`'s scorecard as a waterfall and
    /// zooms to it; false (and nothing shown) when there is no such episode.
    bool showEpisode(int sourceIndex, int index);
    /// The waterfall of the scale-up episode that event `eventIndex` of source `sourceIndex`
    /// belongs to; clears it for any other event.
    void showEventEpisode(int sourceIndex, int eventIndex);
    void clearEpisode();
    /// The newest scorecards and demand curves shown (nullptr before the first).
    const std::shared_ptr<const ui::ScorecardResult> &result() const { return m_result; }

signals:
    /// A sentence for the status bar.
    void status(const QString &text);

private:
    void onSourcesChanged();
    void onComputed(std::shared_ptr<const ui::ScorecardResult> result);
    void applyDemand();
    /// The scorecard result entry of source `sourceIndex`, or -1.
    int runOf(int sourceIndex) const;

    ui::ExperimentWorkspace *m_workspace;
    ui::ScorecardView *m_view;
    ui::EventBrowser *m_events;
    ui::AppSettings *m_settings;
    QAction *m_demandAction;
    std::shared_ptr<const ui::ScorecardResult> m_result;
    bool m_selecting = false;
};

} // namespace hpa::app
