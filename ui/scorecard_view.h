#pragma once

#include "core/analysis/scorecard_settings.h"
#include "core/model/experiment.h"

#include <QWidget>

#include <memory>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QTableView;

namespace hpa::ui {

class ScorecardTableModel;

/// The Scorecard dock: how well the HPA followed the demand (issue 12). The settings (demand
/// variant, onset delay, SLO limits) are edited in place; every change recomputes the scorecard
/// (a single pass over the table, milliseconds at a million rows) and is announced so the
/// window can remember it.
class ScorecardView : public QWidget
{
    Q_OBJECT
public:
    explicit ScorecardView(QWidget *parent = nullptr);

    void setExperiment(std::shared_ptr<const core::Experiment> experiment);
    void clear();

    core::ScorecardSettings settings() const { return m_settings; }
    /// Shows `settings` in the editors and recomputes; does not emit settingsChanged.
    void setSettings(const core::ScorecardSettings &settings);

    ScorecardTableModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QComboBox *demandBox() const { return m_demand; }
    QDoubleSpinBox *onsetBox() const { return m_onset; }
    QDoubleSpinBox *ttftBox() const { return m_ttft; }
    QDoubleSpinBox *itlBox() const { return m_itl; }

signals:
    void settingsChanged(const hpa::core::ScorecardSettings &settings);

private:
    void readEditors();
    void recompute();

    std::shared_ptr<const core::Experiment> m_experiment;
    core::ScorecardSettings m_settings;
    bool m_updating = false;
    QComboBox *m_demand;
    QDoubleSpinBox *m_onset, *m_ttft, *m_itl;
    QLabel *m_note;
    QTableView *m_table;
    ScorecardTableModel *m_model;
};

} // namespace hpa::ui
