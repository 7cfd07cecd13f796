#pragma once

#include "core/analysis/scorecard_settings.h"
#include "core/model/experiment.h"

#include <QVector>
#include <QWidget>

#include <memory>
#include <optional>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QTableView;

namespace hpa::ui {

class EpisodeTableModel;
class ScorecardRunner;
struct ScorecardResult;
class ScorecardTableModel;

/// The Scorecard dock: how well the HPA followed the demand (issue 12), and its scale-up
/// episodes. The settings (demand variant, onset delay, SLO limits) are edited in place; every
/// change recomputes the scorecard off the GUI thread (ScorecardRunner: only the newest result
/// is shown) and is announced so the window can remember it.
class ScorecardView : public QWidget
{
    Q_OBJECT
public:
    explicit ScorecardView(QWidget *parent = nullptr);

    void setExperiment(std::shared_ptr<const core::Experiment> experiment);
    /// The runs shown (A, and B when comparing): the dock judges the first; the demand curves
    /// of all are computed with the same settings for the charts (computed()).
    void setExperiments(const QVector<std::shared_ptr<const core::Experiment>> &runs);
    void clear();
    /// Blocks until the newest computation was shown (tests, --screenshot).
    void waitForComputed();
    ScorecardRunner *runner() const { return m_runner; }

    core::ScorecardSettings settings() const { return m_settings; }
    /// Shows `settings` in the editors and recomputes; does not emit settingsChanged.
    void setSettings(const core::ScorecardSettings &settings);

    ScorecardTableModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    EpisodeTableModel *episodeModel() const { return m_episodeModel; }
    QTableView *episodeTable() const { return m_episodes; }
    QComboBox *demandBox() const { return m_demand; }
    QDoubleSpinBox *onsetBox() const { return m_onset; }
    QDoubleSpinBox *ttftBox() const { return m_ttft; }
    QDoubleSpinBox *itlBox() const { return m_itl; }

signals:
    void settingsChanged(const hpa::core::ScorecardSettings &settings);
    /// A new scorecard and demand curves of the runs are shown.
    void computed(std::shared_ptr<const hpa::ui::ScorecardResult> result);
    /// The user selected episode `index` of the first run's scorecard (nullopt: none).
    void episodeSelected(std::optional<int> index);

private:
    void readEditors();
    void recompute();
    void showResult(const std::shared_ptr<const ScorecardResult> &result);

    QVector<std::shared_ptr<const core::Experiment>> m_runs;
    core::ScorecardSettings m_settings;
    bool m_updating = false;
    QComboBox *m_demand;
    QDoubleSpinBox *m_onset, *m_ttft, *m_itl;
    QLabel *m_note;
    QTableView *m_table;
    ScorecardTableModel *m_model;
    QTableView *m_episodes;
    EpisodeTableModel *m_episodeModel;
    ScorecardRunner *m_runner;
};

} // namespace hpa::ui
